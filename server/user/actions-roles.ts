import * as z from 'zod/mini';
import { ROLE_LABELS } from '../../typings/user';
import { action } from '../core/define';
import { forbidden, notFound } from '../core/errors';
import { id, requestId, text } from '../core/validation';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { recordChange } from '../platform/events';
import { GRIDS, GridDoc } from '../community/model';
import { requireMember } from './caller';
import { gridMap, roleInput, toRow } from './actions-residents';
import type { UserCtx } from './lookup';
import { FormerGrant, USERS, USER_EVENTS, UserDoc, mayRevoke, rolesOf } from './model';
import { actorLabel } from './view';

/** Who changed whose roles, when and why (platform/events' one shape). */

/**
 * A role ends: the grant moves to the person's former grants with when and why, and the change is
 * recorded, in one transaction. Roles are read from the grants on every call, so the person
 * loses the rights with their next call. A grid worker who was their grid's worker leaves it
 * without one (dispatch then asks for another worker).
 */
export const revokeRole = action(
  z.object({ userId: id('成员'), role: roleInput, reason: text('撤销原因', 100), requestId }),
  async function revokeRole(ctx: UserCtx, input) {
    const user = await requireMember(ctx.openid);
    if (!mayRevoke(user, input.role)) throw forbidden(input.role === 'volunteer' || input.role === 'unit_member' || input.role === 'grid_worker' ? '只有社区工作人员可以撤销身份' : `只有管理员可以撤销${ROLE_LABELS[input.role]}身份`);
    if (input.userId === user._id && input.role === 'admin') throw forbidden('不能撤销自己的管理员身份');
    const communityId = user.communityId;
    const next = await transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'revokeRole', input.requestId), async () => {
        const cur = await tx.get<UserDoc>(USERS, input.userId);
        const grant = cur?.grants.find((g) => g.role === input.role && g.communityId === communityId);
        if (!cur || !grant) throw notFound(`本社区没有这位${ROLE_LABELS[input.role]}`);
        const ended: FormerGrant = { ...grant, endedAt: ctx.now, why: input.reason };
        const after: UserDoc = { ...cur, grants: cur.grants.filter((g) => g !== grant), formerGrants: [...(cur.formerGrants ?? []), ended], updatedAt: ctx.now };
        await tx.set(USERS, cur._id, after);
        if (grant.role === 'grid_worker' && grant.gridId) {
          const grid = await tx.get<GridDoc>(GRIDS, grant.gridId);
          if (grid?.workerId === cur._id) {
            const { workerId: _gone, ...rest } = grid;
            await tx.set(GRIDS, grid._id, rest);
          }
        }
        // Roles as the person holds them in this community (a county officer may live elsewhere).
        const here = (u: UserDoc) => rolesOf({ ...u, communityId }).join(',');
        await recordChange(tx, USER_EVENTS, { communityId, target: 'user', targetId: cur._id, at: ctx.now, field: 'roles', from: here(cur), to: here(after), by: { id: user._id, label: actorLabel(user, communityId) }, why: input.reason });
        return after;
      }),
    );
    return { resident: toRow(next, next.communityId === communityId ? await gridMap(communityId) : new Map()) };
  },
);
