/** One answer of an export stays under the function's reply limit; the caller pages with `next`. */
const MAX_CSV_BYTES = 95 * 1024;

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export const exportCursor = /^o\d{1,6}$/;
export const exportOffset = (cursor: string | undefined) => (cursor ? Number(cursor.slice(1)) : 0);

/**
 * One page of an export from `offset`: the header (with a BOM, so spreadsheet software reads the
 * Chinese right) opens the first page only; `next` is given when rows were left out for size or
 * `more` says the collection has more.
 */
export function csvPage<T>(header: string[], rows: T[], offset: number, cells: (row: T) => unknown[], more: boolean): { csv: string; rows: number; next?: string } {
  let csv = offset === 0 ? '\ufeff' + csvLine(header) : '';
  let n = 0;
  for (const d of rows) {
    const line = csvLine(cells(d));
    if (Buffer.byteLength(csv + line) > MAX_CSV_BYTES) break;
    csv += line;
    n++;
  }
  return { csv, rows: n, ...(n < rows.length || more ? { next: `o${offset + n}` } : {}) };
}
