import type { Result } from '../../typings/api';
import { pasteText } from '../utils/csv';
import { A4, type PrintCanvas } from '../utils/canvas';

/** A page of an export as the functions answer it. */
export interface CsvPage {
  filename: string;
  csv: string;
  rows: number;
  next?: string;
}

/** An export is read a page at a time; this many pages is far beyond any community's records. */
const MAX_EXPORT_PAGES = 200;

/** Every page of an export, one after another, as one CSV; the first failure answers instead. */
export async function readExport(page: (cursor?: string) => Promise<Result<CsvPage>>): Promise<Result<CsvPage>> {
  let csv = '';
  let rows = 0;
  let filename = '';
  let cursor: string | undefined;
  for (let i = 0; i < MAX_EXPORT_PAGES; i++) {
    const res = await page(cursor);
    if (!res.ok) return res;
    csv += res.data.csv;
    rows += res.data.rows;
    filename = res.data.filename;
    cursor = res.data.next;
    if (!cursor) break;
  }
  return { ok: true, data: { filename, csv, rows } };
}

/** A CSV onto the clipboard, without the byte-order mark spreadsheet files carry, to paste into a sheet or a chat. */
export function copyCsv(csv: string, done: () => void): void {
  wx.setClipboardData({ data: pasteText(csv), success: done });
}

/** Keeps a text file in the mini-program's own files; false when the phone refused. */
export function saveText(filename: string, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.getFileSystemManager().writeFile({
      filePath: `${wx.env.USER_DATA_PATH}/${filename}`,
      data: text,
      encoding: 'utf8',
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}

/** Writes a PNG data URL (a mini-program code) to a file, which canvases and the album take on every client. */
export function pngFile(dataUrl: string, name: string): Promise<string> {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  return new Promise((resolve, reject) => {
    if (!match) return reject(new Error('not a PNG data URL'));
    const filePath = `${wx.env.USER_DATA_PATH}/${name}`;
    wx.getFileSystemManager().writeFile({ filePath, data: match[1], encoding: 'base64', success: () => resolve(filePath), fail: reject });
  });
}

/** A drawn `<canvas type="2d">` as a PNG temp file of its full size. */
export function canvasFile(canvas: { width: number; height: number }): Promise<string> {
  return new Promise<string>((resolve, reject) =>
    wx.canvasToTempFilePath({
      canvas: canvas as unknown as WechatMiniprogram.Canvas,
      width: canvas.width,
      height: canvas.height,
      destWidth: canvas.width,
      destHeight: canvas.height,
      fileType: 'png',
      success: (r) => resolve(r.tempFilePath),
      fail: reject,
    }),
  );
}

/** Saves an image to the album; false when the person did not allow it. */
export function saveToAlbum(filePath: string): Promise<boolean> {
  return new Promise((resolve) => wx.saveImageToPhotosAlbum({ filePath, success: () => resolve(true), fail: () => resolve(false) }));
}

/** The node of a page's `<canvas type="2d">`, or null where the client has none. */
export function canvasNode<T>(page: WechatMiniprogram.Component.TrivialInstance, selector: string): Promise<T | null> {
  return new Promise((resolve) =>
    page
      .createSelectorQuery()
      .select(selector)
      .fields({ node: true })
      .exec((res: Array<{ node?: T } | null>) => resolve(res[0]?.node ?? null)),
  );
}

/** Keeps a file sent as base64 (an Excel workbook) in the mini-program's own files: its path, or null when the phone refused. */
export function saveBase64(filename: string, base64: string): Promise<string | null> {
  const filePath = `${wx.env.USER_DATA_PATH}/${filename}`;
  return new Promise((resolve) => wx.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(filePath), fail: () => resolve(null) }));
}

/** Opens a workbook in WeChat's viewer, its menu shown so it can be forwarded or opened elsewhere. */
export function openDocument(filePath: string, fileType: 'xlsx'): Promise<boolean> {
  return new Promise((resolve) => wx.openDocument({ filePath, fileType, showMenu: true, success: () => resolve(true), fail: () => resolve(false) }));
}

/** Sends a file to a WeChat chat the person picks (a colleague, the office's group). */
export function shareFile(filePath: string, fileName: string): Promise<boolean> {
  return new Promise((resolve) => wx.shareFileMessage({ filePath, fileName, success: () => resolve(true), fail: () => resolve(false) }));
}

/** Draws an A4 page on the page's `<canvas type="2d">` and keeps it as a PNG file; null where the client has no canvas 2d. */
export async function a4File(page: WechatMiniprogram.Component.TrivialInstance, selector: string, paint: (canvas: PrintCanvas) => void | Promise<void>): Promise<string | null> {
  const canvas = await canvasNode<PrintCanvas>(page, selector);
  if (!canvas) return null;
  canvas.width = A4.width;
  canvas.height = A4.height;
  await paint(canvas);
  return canvasFile(canvas);
}
