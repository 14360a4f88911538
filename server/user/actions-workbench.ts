import * as z from 'zod/mini';
import type { WorkbenchCounts } from '../../typings/user';
import { action } from '../core/define';
import { forbidden } from '../core/errors';
import { readWith } from '../platform/aggregate';
import { COMMUNITIES } from '../community/model';
import { requireMember } from './caller';
import type { UserCtx } from './lookup';
import { workScope, workbenchCounts, workbenchReads, worksHere } from './workbench';

/** 工作台: every queue count the caller works, in one database request after the one that says who calls. */
export const workbench = action(z.object({}), async function workbench(ctx: UserCtx): Promise<{ counts: WorkbenchCounts }> {
  const user = await requireMember(ctx.openid);
  const scope = workScope(user);
  if (!worksHere(scope)) throw forbidden('工作台仅供社区工作人员、网格员和共建单位成员使用');
  const got = await readWith(COMMUNITIES, user.communityId, workbenchReads(user, ctx.now, scope));
  return { counts: got ? workbenchCounts(got.rows) : {} };
});
