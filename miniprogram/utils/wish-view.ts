import type { WishCard, WishCategory, WishEvent, WishStatus } from '../../typings/wish';
import { friendlyTime } from './date';

// Runtime copies of the contract (DevTools cannot load modules outside miniprogramRoot).
export const WISH_CATEGORIES: WishCategory[] = ['生活物资', '助老助残', '儿童关爱', '医疗健康', '文化学习', '维修帮办', '其他'];

/** Limits the server enforces; checked here too so people get an answer without a round trip. */
export const TITLE_MAX = 30;
export const CONTENT_MAX = 300;
export const PHOTO_MAX = 6;
export const NOTE_MAX = 300;
export const REASON_MAX = 200;

/** What people read: on the wall a completed wish is 已点亮. */
export const STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过审核',
  open: '待认领',
  claimed: '已认领',
  awaiting_confirmation: '待确认',
  completed: '已点亮',
  withdrawn: '已撤回',
  taken_down: '已下架',
};

/** A colour family per status, used as a class name (status-open, …). */
export const STATUS_TONES: Record<WishStatus, string> = {
  pending_review: 'wait',
  rejected: 'off',
  open: 'open',
  claimed: 'busy',
  awaiting_confirmation: 'wait',
  completed: 'done',
  withdrawn: 'off',
  taken_down: 'off',
};

export interface CardView {
  id: string;
  title: string;
  category: string;
  status: WishStatus;
  statusLabel: string;
  tone: string;
  publisher: string;
  grid: string;
  wants: number;
  photo: string;
  time: string;
  claimer: string;
  /** 亮身份: the claimer shows 「党员」. */
  party: boolean;
  /** Why some of its text waits for staff (shown in the staff queues). */
  held: string;
}

export interface EventView {
  key: string;
  time: string;
  by: string;
  move: string;
  why: string;
}

/** Character count as the server counts it (UTF-16 units). */
export function lengthOf(text: string): number {
  return text.length;
}

/** What a card on the wall and the wish's own page both show of it. */
export function headlineOf(w: Pick<WishCard, 'title' | 'category' | 'status' | 'publisher' | 'gridName' | 'wants'>) {
  return {
    title: w.title,
    category: w.category,
    statusLabel: STATUS_LABELS[w.status],
    tone: STATUS_TONES[w.status],
    publisher: w.publisher,
    grid: w.gridName ?? '',
    wants: w.wants,
  };
}

export function toCardView(card: WishCard, image: (fileId: string) => string, now: number = Date.now()): CardView {
  return {
    ...headlineOf(card),
    id: card.id,
    status: card.status,
    photo: card.photos[0] ? image(card.photos[0]) : '',
    time: friendlyTime(card.createdAt, now),
    claimer: card.claimer ?? '',
    party: !!card.claimerParty,
    held: card.heldReason ?? '',
  };
}

/** What a change did, said as a sentence without its doer (who did it is put in front). */
function wishMove(from: WishStatus | null, to: WishStatus): string {
  if (!from) return to === 'pending_review' ? '发布了心愿，社区审核后上墙' : '发布了心愿';
  if (from === to) return '更新了心愿';
  if (from === 'pending_review' && to === 'open') return '审核通过，心愿已上墙';
  if (from === 'claimed' && to === 'open') return '放下了认领，心愿回到心愿墙';
  if (from === 'awaiting_confirmation' && to === 'claimed') return '说还没完成，请继续帮忙';
  const moves: Record<WishStatus, string> = {
    pending_review: '把心愿交给社区审核',
    rejected: '审核没有通过',
    open: '让心愿回到心愿墙',
    claimed: '认领了心愿',
    awaiting_confirmation: '说已经完成，请心愿人确认',
    completed: '确认完成，心愿已点亮',
    withdrawn: '撤回了心愿',
    taken_down: '下架了心愿',
  };
  return moves[to];
}

/** One step of a wish's history as a sentence: 志愿者 李**认领了心愿. */
export function toEventView(e: WishEvent, index: number, now: number = Date.now()): EventView {
  return {
    key: `${e.at}-${index}`,
    time: friendlyTime(e.at, now),
    by: e.by,
    move: `${e.by}${wishMove(e.from, e.to)}`,
    why: e.why ?? '',
  };
}

/** Appends a page of cards, leaving out any already shown (a new wish may shift the offsets). */
export function appendCards(shown: CardView[], more: CardView[]): CardView[] {
  const seen = new Set(shown.map((c) => c.id));
  return shown.concat(more.filter((c) => !seen.has(c.id)));
}
