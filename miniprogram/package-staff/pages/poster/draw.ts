import type { Poster } from '../../../../typings/user';
import { BRAND_RED } from '../../../utils/brand';
import { A4, PRINT_FONT, paintA4Frame, type Painter } from '../../../utils/canvas';

/**
 * Lays the poster out on the canvas: a red band with the community, the grid in red, the code
 * large in the middle, and the three steps in type readable from a metre away.
 */
export function paintPoster(ctx: Painter, poster: Poster, code: unknown): void {
  const { width } = A4;
  const mid = width / 2;
  paintA4Frame(ctx, 330);
  ctx.font = `bold 56px ${PRINT_FONT}`;
  ctx.fillText('红邻 · 党建引领 邻里互助', mid, 100, width - 120);
  ctx.font = `bold 96px ${PRINT_FONT}`;
  ctx.fillText(poster.communityName, mid, 225, width - 120);
  ctx.fillStyle = BRAND_RED;
  ctx.font = `bold 72px ${PRINT_FONT}`;
  ctx.fillText(poster.audience ?? poster.gridName ?? '全体居民', mid, 440, width - 120);
  ctx.drawImage(code, (width - 760) / 2, 530, 760, 760);
  ctx.fillStyle = '#1A1A1A';
  ctx.font = `bold 64px ${PRINT_FONT}`;
  ctx.fillText(poster.scanLine ?? '微信扫一扫 加入社区', mid, 1370, width - 120);
  ctx.font = `48px ${PRINT_FONT}`;
  poster.steps.forEach((line, i) => ctx.fillText(line, mid, 1470 + i * 80, width - 120));
}
