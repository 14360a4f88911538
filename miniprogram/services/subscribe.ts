import config from '../config';

export type TemplateKey = keyof typeof config.templates;

/**
 * Asks the person to allow the given notices. Must run inside a tap (or a modal's answer to one).
 * Resolves with the keys accepted; a refusal or an unsupported client is not an error.
 */
export function askSubscribe(keys: TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = keys.filter((k) => config.templates[k]);
  return new Promise((resolve) => {
    if (!wanted.length) return resolve([]);
    const ids = wanted.map((k) => config.templates[k]);
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(wanted.filter((k) => (res as unknown as Record<string, string>)[config.templates[k]] === 'accept')),
      fail: () => resolve([]),
    });
  });
}

/**
 * Tells the person something went through and offers the notices that follow from it, inside the
 * answer to the dialog (a tap, as WeChat requires); `then` runs whatever the answer.
 */
export function offerNotice(title: string, content: string, keys: TemplateKey[], then: () => void): void {
  wx.showModal({
    title,
    content,
    confirmText: '提醒我',
    cancelText: '不用了',
    confirmColor: '#C8161D',
    success: (r) => {
      if (r.confirm) void askSubscribe(keys).then(then);
      else then();
    },
    fail: then,
  });
}
