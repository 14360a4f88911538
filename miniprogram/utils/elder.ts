import type { Prefs } from '../../typings/user';

/**
 * WeChat's font size (px, 我 → 设置 → 通用 → 字体大小) from which 长辈模式 is on by default: anything
 * above the standard size (16 px on Android, 17 px on iOS).
 */
export const LARGE_FONT_PX = 18;

/** 长辈模式: the person's own choice wins; without one, WeChat's font size decides. */
export function elderModeOn(prefs: Prefs | undefined, fontSizeSetting: number | undefined): boolean {
  const chosen = prefs?.elderMode;
  if (chosen === true || chosen === false) return chosen;
  return fontSizeSetting !== undefined && fontSizeSetting >= LARGE_FONT_PX;
}
