import * as z from 'zod/mini';
import { action } from '../core/define';
import { forbidden } from '../core/errors';
import { systemStatus as statusOf } from '../status/report';
import { requireMember } from './caller';
import { hasRole } from './model';
import type { UserCtx } from './lookup';

/** Admin: 系统状态 of the caller's community. */
export const systemStatus = action(z.object({}), async function systemStatus(ctx: UserCtx) {
  const user = await requireMember(ctx.openid);
  if (!hasRole(user, 'admin')) throw forbidden('只有管理员可以查看系统状态');
  return statusOf(user.communityId, ctx.now);
});
