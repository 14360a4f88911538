import { BRAND_RED } from './brand';

/** A short message at the bottom of the screen, long enough to read. */
export function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

/** A yes/no question in big words; resolves true on the confirm button. */
export function ask(title: string, content: string, confirmText: string, cancelText = '再想想'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText,
      confirmColor: BRAND_RED,
      success: (r) => resolve(r.confirm),
      fail: () => resolve(false),
    });
  });
}

/** A message that needs an answer before going on (a refusal that matters). */
export function tell(title: string, content: string): void {
  wx.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: BRAND_RED });
}
