/**
 * One worksheet as a real .xlsx (Office Open XML), built with exceljs. The library is large, so it
 * is loaded on the first workbook, not when the function starts, and a function that builds
 * workbooks lists it in its package.json (installed beside the SDK, not bundled).
 */
export async function xlsxOf(sheet: string, header: string[], rows: unknown[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  // Plain values only: a string is text, never a formula, whatever it starts with.
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined || v === null ? '' : typeof v === 'number' ? v : String(v))));
  ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(8, header[i].length * 2 + 2))));
  return Buffer.from(await book.xlsx.writeBuffer());
}
