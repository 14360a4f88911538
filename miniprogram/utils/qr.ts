import qrcode from 'qrcode-generator';

/** The dark modules of a QR code for `text`: error correction M, the smallest version that fits. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** The part of a canvas 2d context the painter uses. */
export interface Painter {
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/**
 * Paints the code black on white over a `size`×`size` pixel square, with the 4-module quiet zone
 * scanners need. Module edges are rounded to whole pixels so no seams show between modules.
 */
export function paintQr(ctx: Painter, modules: boolean[][], size: number, quiet = 4): void {
  const n = modules.length;
  const cell = size / (n + 2 * quiet);
  const edge = (i: number) => Math.round((i + quiet) * cell);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (modules[r][c]) ctx.fillRect(edge(c), edge(r), edge(c + 1) - edge(c), edge(r + 1) - edge(r));
    }
  }
}
