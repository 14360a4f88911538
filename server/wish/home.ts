import type { HomeTodo, HomeVolunteer } from '../../typings/user';
import type { SideRead } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import type { Member } from '../user/caller';
import { LIVE, WISHES, type WishDoc } from './model';

/*
 * What 首页 shows of wishes, as reads the user domain joins into its one request: the caller's
 * own wishes a volunteer has taken up, a volunteer's claims by lease deadline and the open wishes
 * of their grid, and staff's review queue.
 */

export function wishHomeReads(user: Member, now: number, as: { volunteer: boolean; staff: boolean }) {
  const communityId = user.communityId;
  return {
    wishesMine: { from: WISHES, where: { publisherId: user._id, status: { $in: LIVE } }, orderBy: [['updatedAt', 'desc']], limit: 5 },
    ...(as.volunteer
      ? {
          wishesClaimed: { from: WISHES, where: { 'claim.userId': user._id, status: { $in: LIVE }, 'claim.leaseUntil': { $gt: now } }, orderBy: [['claim.leaseUntil', 'asc']], limit: 3 },
          // Dispatched wishes are off the wall for all but their assignee.
          wishesNear: { from: WISHES, where: { communityId, status: 'open', dispatch: { $exists: false }, ...(user.gridId ? { gridId: user.gridId } : {}) }, orderBy: [['createdAt', 'desc']], limit: 4 },
        }
      : {}),
    ...(as.staff ? { wishesToReview: { from: WISHES, where: { communityId, status: 'pending_review' }, count: true as const } } : {}),
  } satisfies Record<string, SideRead>;
}

export function wishTodos(rows: DocData[]): HomeTodo[] {
  return (rows as unknown as WishDoc[]).map((w) => ({ kind: w.status === 'claimed' ? 'wishClaimed' : 'wishToConfirm', id: w._id, title: w.title }));
}

export function volunteerWishes(userId: string, claimed: DocData[], near: DocData[]): HomeVolunteer {
  return {
    claims: (claimed as unknown as WishDoc[]).map((w) => ({ id: w._id, title: w.title, leaseUntil: w.claim!.leaseUntil, awaitingConfirmation: w.status === 'awaiting_confirmation' })),
    nearby: (near as unknown as WishDoc[]).filter((w) => w.publisherId !== userId).slice(0, 3).map((w) => ({ id: w._id, title: w.title, category: w.category })),
  };
}
