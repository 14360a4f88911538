import * as session from '../services/session';
import { elderModeOn } from '../utils/elder';

type Self = WechatMiniprogram.Component.TrivialInstance & { data: { elder: boolean } };

let fontSize: { px: number | undefined } | undefined;

function readFontSize(): number | undefined {
  try {
    // getAppBaseInfo carries it from base library 2.23.4; older clients only in getSystemInfoSync.
    const base = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo().fontSizeSetting : undefined;
    const px = typeof base === 'number' ? base : wx.getSystemInfoSync().fontSizeSetting;
    return typeof px === 'number' && px > 0 ? px : undefined;
  } catch {
    return undefined;
  }
}

/** WeChat's own font size, read once per run of the app. */
export function wechatFontSize(): number | undefined {
  if (!fontSize) fontSize = { px: readFontSize() };
  return fontSize.px;
}

/** Whether 长辈模式 is on for the person on this phone now. */
export function elderNow(): boolean {
  return elderModeOn(session.current()?.prefs, wechatFontSize());
}

function sync(self: Self): void {
  const elder = elderNow();
  if (self.data.elder !== elder) self.setData({ elder });
}

/** The pages alive in the page stack (and the tab pages kept in memory). */
const live = new Set<Self>();

/** After the person switched 长辈模式: every page already open follows at once, not only when shown again. */
export function followElderMode(): void {
  for (const page of live) sync(page);
}

/**
 * Pages of the main package in 长辈模式 (large text, high contrast): `elder` in data, for the page's
 * root view to carry class `elder`. It follows the signed-in person (from the session, no call of
 * its own) and is read again whenever the page shows, so a switch on 我的 reaches every page.
 */
export const elderPage = Behavior({
  data: { elder: false },

  lifetimes: {
    attached() {
      const self = this as unknown as Self;
      live.add(self);
      sync(self);
      void session.known()?.then(() => sync(self));
    },
    detached() {
      live.delete(this as unknown as Self);
    },
  },

  pageLifetimes: {
    show() {
      sync(this as unknown as Self);
    },
  },
});
