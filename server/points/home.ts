import type { HomeTodo } from '../../typings/user';
import type { SideRead } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import type { Member } from '../user/caller';
import { ORDERS, type OrderDoc } from './model';

/** What 首页 shows of points: the caller's orders waiting to be picked up, and where. */
export function pointsHomeReads(user: Member) {
  return {
    orders: { from: ORDERS, where: { userId: user._id, communityId: user.communityId, status: 'pending' }, orderBy: [['expiresAt', 'asc']], limit: 3 },
  } satisfies Record<string, SideRead>;
}

export function pickupTodos(rows: DocData[]): HomeTodo[] {
  return (rows as unknown as OrderDoc[]).map((o) => ({ kind: 'pickup', id: o._id, title: o.goodsName, place: o.pickupPlace, code: o.code, at: o.expiresAt }));
}
