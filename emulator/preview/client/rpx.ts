import { SCREEN } from './manifest';

const PX_PER_RPX = SCREEN.width / 750;

/** rpx → px in an inline style, for the phone's width (j-component calls this for `style`). */
export function rpxToPx(style: string): string {
  return String(style).replace(/(-?\d*\.?\d+)rpx\b/gi, (_all, n: string) => `${Math.round(Number(n) * PX_PER_RPX * 100) / 100}px`);
}

(globalThis as any).__hlRpx = rpxToPx;
