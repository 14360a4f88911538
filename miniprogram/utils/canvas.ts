import { BRAND_RED } from './brand';

/** An A4 page at 150 dpi: what a community prints and pins up, or files. */
export const A4 = { width: 1240, height: 1754 };

/** The part of a 2d canvas context the printable pages use (the mini-program's and the browser's both fit). */
export interface Painter {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

export const PRINT_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** A `<canvas type="2d">` node, sized before drawing. */
export interface PrintCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Painter;
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null };
}

/**
 * The printed pages' paper: white, a red band `band` px tall across the top, a thin red strip at
 * the foot; text is then set centred on its line, white, for the band's title.
 */
export function paintA4Frame(ctx: Painter, band: number): void {
  const { width, height } = A4;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = BRAND_RED;
  ctx.fillRect(0, 0, width, band);
  ctx.fillRect(0, height - 40, width, 40);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillStyle = '#FFFFFF';
}
