import type { Poster } from '../../../../typings/user';
import { BRAND_RED } from '../../../utils/brand';

/** An A4 page at 150 dpi: what a community prints and pins up. */
export const A4 = { width: 1240, height: 1754 };

/** The part of a 2d canvas context the poster uses (the mini-program's and the browser's both fit). */
export interface PosterPainter {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * Lays the poster out on the canvas: a red band with the community, the grid in red, the code
 * large in the middle, and the three steps in type readable from a metre away.
 */
export function paintPoster(ctx: PosterPainter, poster: Poster, code: unknown): void {
  const { width, height } = A4;
  const mid = width / 2;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = BRAND_RED;
  ctx.fillRect(0, 0, width, 330);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#FFFFFF';
  ctx.font = `bold 56px ${FONT}`;
  ctx.fillText('红邻 · 党建引领 邻里互助', mid, 100, width - 120);
  ctx.font = `bold 96px ${FONT}`;
  ctx.fillText(poster.communityName, mid, 225, width - 120);
  ctx.fillStyle = BRAND_RED;
  ctx.font = `bold 72px ${FONT}`;
  ctx.fillText(poster.gridName ?? '全体居民', mid, 440, width - 120);
  ctx.drawImage(code, (width - 760) / 2, 530, 760, 760);
  ctx.fillStyle = '#1A1A1A';
  ctx.font = `bold 64px ${FONT}`;
  ctx.fillText('微信扫一扫 加入社区', mid, 1370, width - 120);
  ctx.font = `48px ${FONT}`;
  poster.steps.forEach((line, i) => ctx.fillText(line, mid, 1470 + i * 80, width - 120));
  ctx.fillStyle = BRAND_RED;
  ctx.fillRect(0, height - 40, width, 40);
}
