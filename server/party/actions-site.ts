import { action } from '../core/define';
import { forbidden, invalid, precondition } from '../core/errors';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { audienceSchema, checkInSchema } from './schemas-site';
import { CALLOUTS, RESPONSES, ResponseDoc, responseId } from './model';
import { loadCallout, recordParty, type PartyCtx } from './context';
import { audienceOf } from './audience';
import { assertCheckInWindow, assertSiteCode } from './site';
import { mayAnswer, NOT_REGISTERED } from './actions-callouts';
import { toCallout, toResponse } from './view';

/** How many of those a whistle reaches staff see by name before blowing it. */
const AUDIENCE_SHOWN = 50;

/** 可通知: who a whistle asking for these posts or skills would reach, nearest first. */
export const audience = action(audienceSchema, async function audience(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const people = await audienceOf(user.communityId, input);
  return { people: people.slice(0, AUDIENCE_SHOWN), total: people.length };
});

/**
 * 现场签到: someone who answered 报到 scans the call-out's QR (or types its 6 digits), or staff
 * check them in by hand from the answers. Taken while the call-out is open, within its window;
 * a second check-in changes nothing (the first time stands).
 */
export const checkIn = action(checkInSchema, async function checkIn(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!input.code === !input.userId) throw invalid('请扫描或输入签到码');
  const byStaff = input.userId !== undefined;
  if (byStaff && !isStaff(user)) throw forbidden('只有社区工作人员可以代为签到');
  if (!byStaff && !mayAnswer(user)) throw forbidden(NOT_REGISTERED);
  const who = input.userId ?? user._id;
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'checkIn', input.requestId), async () => {
      const c = await loadCallout(tx, input.id, user);
      if (input.code !== undefined) assertSiteCode(c, input.code);
      assertCheckInWindow(c, ctx.now);
      const r = c.comingIds.includes(who) ? await tx.get<ResponseDoc>(RESPONSES, responseId(c._id, who)) : null;
      if (!r) throw precondition(byStaff ? '此人没有报到这次吹哨' : '您没有报到这次吹哨，请先点“报到”');
      if (r.checkedInAt) return c._id;
      const by = byStaff ? ('staff' as const) : ('self' as const);
      await tx.set(RESPONSES, r._id, { ...r, checkedInAt: ctx.now, checkedInBy: by });
      await tx.set(CALLOUTS, c._id, { ...c, arrivedIds: [...(c.arrivedIds ?? []), who], updatedAt: ctx.now });
      await recordParty(tx, 'callout', c._id, c.communityId, 'open', 'open', user, ctx.now, `${r.name}${byStaff ? '由工作人员代为' : '扫码'}签到`);
      return c._id;
    }),
  );
  const [c, r] = await Promise.all([loadCallout(docs, id, user), docs.get<ResponseDoc>(RESPONSES, responseId(id, who))]);
  return { callout: toCallout(c, user._id, r), response: toResponse(r!, isStaff(user)) };
});
