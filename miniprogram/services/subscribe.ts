import type { NoticeKind } from '../../typings/user';
import { notices } from './notices';
import { BRAND_RED } from '../utils/brand';

export type TemplateKey = NoticeKind;
type Templates = Partial<Record<NoticeKind, string>>;

/** The community's configured templates, read once a session (a failed read is tried again next time). */
let loaded: Templates | undefined;
let loading: Promise<Templates> | undefined;

export function loadTemplates(): Promise<Templates> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= notices().then((res) => {
    loading = undefined;
    if (!res.ok) return {};
    loaded = res.data.templates;
    return loaded;
  });
  return loading;
}

/** Forgets the templates, e.g. after moving to another community or an admin changing them. */
export function forgetTemplates(): void {
  loaded = undefined;
}

function request(templates: Templates, keys: TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = keys.filter((k) => templates[k]);
  return new Promise((resolve) => {
    if (!wanted.length) return resolve([]);
    const ids = wanted.map((k) => templates[k]!);
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(wanted.filter((k) => (res as unknown as Record<string, string>)[templates[k]!] === 'accept')),
      fail: () => resolve([]),
    });
  });
}

/**
 * Asks the person to allow the given notices, only those their community configured. Must run
 * inside a tap (or a modal's answer to one): with the templates already read (see `loadTemplates`)
 * the request is made at once, in the tap. Resolves with the keys accepted; a refusal, nothing
 * configured or an unsupported client is not an error.
 */
export function askSubscribe(keys: TemplateKey[]): Promise<TemplateKey[]> {
  if (loaded) return request(loaded, keys);
  return loadTemplates().then((t) => request(t, keys));
}

/**
 * Tells the person something went through and offers the notices that follow from it, inside the
 * answer to the dialog (a tap, as WeChat requires); `then` runs whatever the answer. When the
 * community sends none of these notices, the person is only told.
 */
export function offerNotice(title: string, content: string, keys: TemplateKey[], then: () => void): void {
  void loadTemplates().then((templates) => {
    if (!keys.some((k) => templates[k])) {
      wx.showToast({ title, icon: 'success' });
      return then();
    }
    wx.showModal({
      title,
      content,
      confirmText: '提醒我',
      cancelText: '不用了',
      confirmColor: BRAND_RED,
      success: (r) => {
        if (r.confirm) void request(templates, keys).then(then);
        else then();
      },
      fail: then,
    });
  });
}
