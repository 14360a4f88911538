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
