import type { WishStatus } from '../../typings/wish';
import { precondition } from '../core/errors';

/** Which status each move may start from. */
const MOVES: Record<string, { from: WishStatus[]; to: WishStatus }> = {
  approve: { from: ['pending_review'], to: 'open' },
  reject: { from: ['pending_review'], to: 'rejected' },
  claim: { from: ['open'], to: 'claimed' },
  release: { from: ['claimed'], to: 'open' },
  revoke: { from: ['claimed', 'awaiting_confirmation'], to: 'open' },
  expire: { from: ['claimed'], to: 'open' },
  submitProof: { from: ['claimed'], to: 'awaiting_confirmation' },
  confirm: { from: ['awaiting_confirmation'], to: 'completed' },
  dispute: { from: ['awaiting_confirmation'], to: 'claimed' },
  withdraw: { from: ['pending_review', 'open'], to: 'withdrawn' },
  takedown: { from: ['pending_review', 'open', 'claimed', 'awaiting_confirmation'], to: 'taken_down' },
};

export type Move = keyof typeof MOVES;

const STATUS_LABEL: Record<WishStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过审核',
  open: '待认领',
  claimed: '已认领',
  awaiting_confirmation: '待确认',
  completed: '已完成',
  withdrawn: '已撤回',
  taken_down: '已下架',
};

export function statusLabel(s: WishStatus): string {
  return STATUS_LABEL[s];
}

/** The status after a move, or a clear refusal naming the current status. */
export function nextStatus(current: WishStatus, move: Move): WishStatus {
  const m = MOVES[move];
  if (!m.from.includes(current)) throw precondition(`心愿当前状态为“${STATUS_LABEL[current]}”，不能进行此操作`);
  return m.to;
}

export function canMove(current: WishStatus, move: Move): boolean {
  return MOVES[move].from.includes(current);
}
