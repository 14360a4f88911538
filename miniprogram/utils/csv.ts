/** A CSV as text to paste: without the byte-order mark that spreadsheet files carry. */
export function pasteText(csv: string): string {
  return csv.replace(/^\ufeff/, '');
}
