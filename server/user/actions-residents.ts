import * as z from 'zod/mini';
import { REVOCABLE_ROLES, type ResidentRow, type RevocableRole } from '../../typings/user';
import { action } from '../core/define';
import { notFound } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { id, requestId, text } from '../core/validation';
import { docs, findMany } from '../platform/store';
import { maskPhone } from '../core/mask';
import { MEMBER_NUMBERS, type MemberNumberDoc, memberNumberKey } from './member-number';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { GRIDS, GridDoc } from '../community/model';
import { assertStaff, requireMember } from './caller';
import { checkBuilding } from './actions-door';
import { UserCtx, gridOf } from './lookup';
import { USERS, UserDoc, rolesOf } from './model';

/*
 * Staff place residents in grids: those who joined by the community poster or a shared card have
 * none until they pick one, and people move house.
 */

/** A member as staff see them; `roles` are those held in the member's (the staff's) community. */
export function toRow(u: UserDoc, grids: Map<string, GridDoc>): ResidentRow {
  const grid = u.gridId ? grids.get(u.gridId) : undefined;
  const roles = rolesOf(u).filter((r): r is RevocableRole => r !== 'resident');
  const memberNo = u.communityId ? u.memberNumbers?.[u.communityId] : undefined;
  const phoneMasked = maskPhone(u.phone);
  return {
    id: u._id,
    displayName: u.displayName,
    ...(grid ? { grid: { id: grid._id, name: grid.name } } : {}),
    ...(u.building ? { building: u.building } : {}),
    joinedAt: u.createdAt,
    ...(memberNo ? { memberNo } : {}),
    ...(phoneMasked ? { phoneMasked } : {}),
    roles,
  };
}

/** What a search term matches: an 11-digit phone, a 7-digit 会员号 (through its number document), else a name. */
async function matchOf(communityId: string, q: string): Promise<Record<string, unknown>> {
  if (/^\d{11}$/.test(q)) return { phone: q };
  if (/^\d{7}$/.test(q)) {
    const n = await docs.get<MemberNumberDoc>(MEMBER_NUMBERS, memberNumberKey(communityId, q));
    return { _id: n?.userId ?? '-' };
  }
  return { displayName: q };
}

export const roleInput = z.enum(REVOCABLE_ROLES, { error: '身份不正确' });

export async function gridMap(communityId: string): Promise<Map<string, GridDoc>> {
  const rows = await findMany<GridDoc>(GRIDS, { communityId }, { limit: 100 });
  return new Map(rows.map((g) => [g._id, g]));
}

export const residents = action(
  z.object({ gridId: z.optional(id('网格')), unplaced: z.optional(z.boolean({ error: '筛选条件不正确' })), role: z.optional(roleInput), q: z.optional(text('姓名、手机号或会员号', 20)), cursor }),
  async function residents(ctx: UserCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以查看居民名单');
    const where: Record<string, unknown> = { communityId: user.communityId };
    if (input.unplaced) where.gridId = { $exists: false };
    else if (input.gridId) where.gridId = input.gridId;
    if (input.role) where.grants = { $elemMatch: { role: input.role, communityId: user.communityId } };
    if (input.q) Object.assign(where, await matchOf(user.communityId, input.q));
    const offset = offsetOf(input.cursor);
    const [rows, grids] = await Promise.all([
      findMany<UserDoc>(USERS, where, { orderBy: [['createdAt', 'desc']], skip: offset, limit: PAGE_MAX + 1 }),
      gridMap(user.communityId),
    ]);
    return pageOf(rows.map((u) => toRow(u, grids)), offset, PAGE_MAX);
  },
);

export const moveResident = action(
  z.object({ userId: id('居民'), gridId: id('网格'), building: z.optional(text('楼栋', 30)), requestId }),
  async function moveResident(ctx: UserCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以调整居民网格');
    const grid = await gridOf(user.communityId, input.gridId);
    checkBuilding(grid, input.building);
    const moved = await transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'moveResident', input.requestId), async () => {
        const cur = await tx.get<UserDoc>(USERS, input.userId);
        if (!cur || cur.communityId !== user.communityId) throw notFound('本社区没有这位居民');
        const next: UserDoc = { ...cur, gridId: grid._id, updatedAt: ctx.now };
        if (input.building) next.building = input.building;
        else if (cur.gridId !== grid._id) delete next.building;
        await tx.set(USERS, cur._id, next);
        return next;
      }),
    );
    return { resident: toRow(moved, new Map([[grid._id, grid]])) };
  },
);
