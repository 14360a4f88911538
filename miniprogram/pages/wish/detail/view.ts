import type { WishDetail, WishPermission } from '../../../../typings/wish';
import type { TaskContact } from '../../../../typings/contact';
import { friendlyTime } from '../../../utils/date';
import { type EventView, NOTE_MAX, REASON_MAX, headlineOf, toEventView } from '../../../utils/wish-view';

export interface DetailView {
  title: string;
  content: string;
  category: string;
  statusLabel: string;
  tone: string;
  publisher: string;
  grid: string;
  wants: number;
  wantedByMe: boolean;
  season: string;
  time: string;
  photos: string[];
  claimer: string;
  party: boolean;
  leaseText: string;
  rejectReason: string;
  /** Why some of the wish's text waits for staff review. */
  held: string;
  /** The publisher, to the claimer while the claim is live. */
  contact: TaskContact | null;
  proof: { note: string; photos: string[]; time: string } | null;
  rating: { stars: string; comment: string } | null;
  timeline: EventView[];
}

export function toDetailView(w: WishDetail, image: (id: string) => string, now: number = Date.now()): DetailView {
  return {
    ...headlineOf(w),
    content: w.content,
    wantedByMe: w.wantedByMe,
    season: w.season ? `第${w.season}季` : '',
    time: friendlyTime(w.createdAt, now),
    photos: w.photos.map(image),
    claimer: w.claimer ?? '',
    party: !!w.claimerParty,
    leaseText: w.leaseUntil && w.status === 'claimed' ? `请在${friendlyTime(w.leaseUntil, now)}前完成` : '',
    rejectReason: w.status === 'rejected' ? (w.rejectReason ?? '') : '',
    held: w.heldReason ?? '',
    contact: w.contact ?? null,
    proof: w.proof ? { note: w.proof.note || (w.proof.held ? '完成说明待社区审核后显示' : ''), photos: w.proof.photos.map(image), time: friendlyTime(w.proof.at, now) } : null,
    rating: w.rating
      ? { stars: '★'.repeat(w.rating.stars) + '☆'.repeat(5 - w.rating.stars), comment: w.rating.comment ?? (w.rating.held ? '评价内容待社区审核后显示' : '') }
      : null,
    timeline: w.timeline.map((e, i) => toEventView(e, i, now)),
  };
}

/** What a button does: a server action, or opening one of the forms below. */
export type ButtonKey = 'approve' | 'reject' | 'clearHold' | 'claim' | 'want' | 'release' | 'revoke' | 'proof' | 'confirm' | 'dispute' | 'rate' | 'withdraw' | 'takedown';

export interface ButtonView {
  key: ButtonKey;
  label: string;
  theme: 'primary' | 'danger' | 'default';
  variant: 'base' | 'outline';
}

const primary = (key: ButtonKey, label: string): ButtonView => ({ key, label, theme: 'primary', variant: 'base' });
const outline = (key: ButtonKey, label: string): ButtonView => ({ key, label, theme: 'primary', variant: 'outline' });
const danger = (key: ButtonKey, label: string): ButtonView => ({ key, label, theme: 'danger', variant: 'outline' });

/** The buttons for what the server says the caller may do, most likely first. */
export function buttonsFor(w: WishDetail): ButtonView[] {
  const can = (p: WishPermission) => w.can.includes(p);
  const out: ButtonView[] = [];
  if (can('review')) out.push(primary('approve', '审核通过'), danger('reject', '驳回'));
  if (can('clearHold')) out.push(primary('clearHold', '已审阅，公开显示'));
  if (can('claim')) out.push(primary('claim', '我来认领'));
  if (can('submitProof')) out.push(primary('proof', '提交完成凭证'));
  if (can('confirm')) out.push(primary('confirm', w.mine ? '确认完成' : '代居民确认完成'));
  if (can('rate')) out.push(primary('rate', '评价'));
  if (can('want')) out.push(outline('want', '同求+1'));
  if (can('dispute')) out.push(outline('dispute', '还没完成，提出异议'));
  if (can('release')) out.push(outline('release', '放弃认领'));
  if (can('withdraw')) out.push(outline('withdraw', '撤回心愿'));
  if (can('revoke')) out.push(danger('revoke', '撤销认领'));
  if (can('takedown')) out.push(danger('takedown', '下架'));
  return out;
}

export type FormKey = 'proof' | 'dispute' | 'rate' | 'reject' | 'revoke' | 'takedown';

export interface FormSpec {
  title: string;
  placeholder: string;
  max: number;
  /** The text must be filled in. */
  required: boolean;
  /** Refusal shown when it is not. */
  missing: string;
  photos: boolean;
  stars: boolean;
  submit: string;
}

export const FORMS: Record<FormKey, FormSpec> = {
  proof: { title: '提交完成凭证', placeholder: '说说您是怎么帮忙完成的', max: NOTE_MAX, required: true, missing: '请填写完成说明', photos: true, stars: false, submit: '提交凭证' },
  dispute: { title: '提出异议', placeholder: '请说明还有哪些没有完成', max: REASON_MAX, required: true, missing: '请填写未完成的原因', photos: false, stars: false, submit: '提交异议' },
  rate: { title: '评价这次帮助', placeholder: '说几句感谢的话（可不填）', max: REASON_MAX, required: false, missing: '', photos: false, stars: true, submit: '提交评价' },
  reject: { title: '驳回心愿', placeholder: '请填写驳回原因，方便居民修改', max: REASON_MAX, required: true, missing: '请填写驳回原因', photos: false, stars: false, submit: '确认驳回' },
  revoke: { title: '撤销认领', placeholder: '请填写撤销认领的原因', max: REASON_MAX, required: true, missing: '请填写撤销原因', photos: false, stars: false, submit: '确认撤销' },
  takedown: { title: '下架心愿', placeholder: '请填写下架原因', max: REASON_MAX, required: true, missing: '请填写下架原因', photos: false, stars: false, submit: '确认下架' },
};

export const STAR_WORDS = ['', '不满意', '一般', '还可以', '满意', '非常满意'];
