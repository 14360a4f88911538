import * as z from 'zod/mini';
import { action } from '../core/define';
import { unauthenticated } from '../core/errors';
import { requestId } from '../core/validation';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { USERS, UserDoc } from './model';
import { UserCtx, meView, requireUser } from './lookup';

const elderMode = z.nullable(z.boolean({ error: '长辈模式须为开或关' }));

/** 长辈模式 on, off, or (null) back to following WeChat's font size; stored on the person, not the phone. */
export const setPrefs = action(z.object({ elderMode, requestId }), async function setPrefs(ctx: UserCtx, input) {
  const user = await requireUser(ctx);
  const updated = await transact((tx) =>
    once(tx, requestKey(user._id, 'user', 'setPrefs', input.requestId), async () => {
      const cur = await tx.get<UserDoc>(USERS, user._id);
      if (!cur) throw unauthenticated();
      const prefs = { ...cur.prefs };
      if (input.elderMode === null) delete prefs.elderMode;
      else prefs.elderMode = input.elderMode;
      const next: UserDoc = { ...cur, prefs, updatedAt: ctx.now };
      await tx.set(USERS, cur._id, next);
      return next;
    }),
  );
  return { me: await meView(updated) };
});
