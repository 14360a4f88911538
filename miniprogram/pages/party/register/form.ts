import type { RegisterRequest, RegistrationKind } from '../../../../typings/party';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../../typings/lists';

/** A commitment as typed: the target is digits. */
export interface CommitmentDraft {
  title: string;
  target: string;
  unit: string;
}

/** A unit's offer as typed: its category is chosen from the resources list's (empty until chosen). */
export interface OfferDraft {
  title: string;
  category: string;
}

/** 报到 as typed on the page; kept on the phone until it is sent, so nothing is lost half way. */
export interface RegisterDraft {
  kind: RegistrationKind;
  branch: string;
  workUnit: string;
  phone: string;
  posts: string[];
  showBadge: boolean;
  gridId: string;
  contact: string;
  offers: OfferDraft[];
  commitments: CommitmentDraft[];
}

export const EMPTY_DRAFT: RegisterDraft = { kind: 'member', branch: '', workUnit: '', phone: '', posts: [], showBadge: true, gridId: '', contact: '', offers: [], commitments: [] };

const isCategory = (c: string): c is ServiceCategory => (SERVICE_CATEGORIES as readonly string[]).includes(c);

const splitList = (s: string) => s.split(/[、，,;；\s]+/).map((x) => x.trim()).filter(Boolean);

/** A stored draft as far as it still fits the form (an older app version may have kept another shape). */
export function restoreDraft(stored: unknown): RegisterDraft | null {
  if (!stored || typeof stored !== 'object') return null;
  const s = stored as Partial<RegisterDraft>;
  if (s.kind !== 'member' && s.kind !== 'unit' && s.kind !== 'courier') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const commitments = Array.isArray(s.commitments) ? s.commitments.filter((c) => c && typeof c === 'object').map((c) => ({ title: str(c.title), target: str(c.target), unit: str(c.unit) })) : [];
  // A draft from before offers had categories kept them as one line: each becomes an offer to categorise.
  const legacy = (stored as { resources?: unknown }).resources;
  const offers = Array.isArray(s.offers)
    ? s.offers.filter((o) => o && typeof o === 'object').map((o) => ({ title: str(o.title), category: isCategory(str(o.category)) ? str(o.category) : '' }))
    : splitList(str(legacy)).map((title) => ({ title, category: '' }));
  return {
    kind: s.kind,
    branch: str(s.branch),
    workUnit: str(s.workUnit),
    phone: str(s.phone),
    posts: Array.isArray(s.posts) ? s.posts.filter((p): p is string => typeof p === 'string') : [],
    showBadge: s.showBadge !== false,
    gridId: str(s.gridId),
    contact: str(s.contact),
    offers,
    commitments,
  };
}

/** The first problem with the draft, in words a person understands; null when it can be sent. */
export function registerProblem(d: RegisterDraft): string | null {
  if (!/^1[3-9]\d{9}$/.test(d.phone.trim())) return '请填写11位手机号';
  if (d.kind === 'member') {
    if (!d.branch.trim()) return '请填写所在党组织';
    if (!d.workUnit.trim()) return '请填写工作单位';
    if (!d.posts.length) return '请至少选择一个岗位';
  }
  if (d.kind === 'unit') {
    if (!d.branch.trim()) return '请填写单位党组织';
    const filled = d.commitments.filter((c) => c.title.trim());
    if (!filled.length) return '请至少填写一项年度承诺事项';
    if (filled.some((c) => !/^\d{1,5}$/.test(c.target.trim()) || Number(c.target) < 1)) return '承诺事项的目标请填写正整数';
    if (filled.some((c) => !c.unit.trim())) return '请填写承诺事项的计量单位，如：次、户、场';
    if (d.offers.some((o) => o.title.trim() && !isCategory(o.category))) return '请为每项可提供的资源选择服务类别';
  }
  if (d.kind === 'courier') {
    if (!d.workUnit.trim()) return '请填写所在平台或公司';
    if (!d.gridId) return '请选择常跑的网格';
  }
  return null;
}

/** What `register` is sent for a draft that has no problem: only the fields of its kind. */
export function registerOf(d: RegisterDraft): RegisterRequest {
  const phone = d.phone.trim();
  if (d.kind === 'member') return { kind: 'member', branch: d.branch.trim(), workUnit: d.workUnit.trim(), phone, posts: d.posts, showBadge: d.showBadge };
  if (d.kind === 'courier') return { kind: 'courier', workUnit: d.workUnit.trim(), phone, gridId: d.gridId };
  const contact = d.contact.trim();
  return {
    kind: 'unit',
    branch: d.branch.trim(),
    phone,
    ...(contact ? { contact } : {}),
    offers: d.offers.filter((o) => o.title.trim() && isCategory(o.category)).map((o) => ({ title: o.title.trim(), category: o.category as ServiceCategory })),
    commitments: d.commitments.filter((c) => c.title.trim()).map((c) => ({ title: c.title.trim(), target: Number(c.target.trim()), unit: c.unit.trim() })),
  };
}
