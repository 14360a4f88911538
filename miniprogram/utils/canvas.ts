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
