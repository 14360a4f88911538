import { action } from '../core/define';
import { exhausted, forbidden, invalid, precondition } from '../core/errors';
import { newId } from '../core/ids';
import { MINUTE_MS } from '../core/time';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { readWith } from '../platform/aggregate';
import { COMMUNITIES, GRIDS, type GridDoc } from '../community/model';
import { once, precheck, requestKey } from '../platform/idempotency';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { hasRole, type UserDoc } from '../user/model';
import { earnWithVanguard } from './vanguard';
import { pointsFor } from '../points/rules';
import { calloutIdSchema, calloutSchema, calloutsSchema, closeSchema, respondSchema } from './schemas';
import { CALLOUTS, CalloutDoc, RESPONSES, ResponseDoc, responseId } from './model';
import { loadCallout, partyMembership, recordParty, type Member, type PartyCtx } from './context';
import { assertPosts, postsOf } from './posts';
import { toCallout, toResponse } from './view';
import { tellWhistle } from './whistle';
import { nearestFirst } from './audience';
import { newSiteCode, siteOf } from './site';
import { screenText } from '../core/screen';
import { distanceM } from '../map/geo';

/** Who answers a whistle: volunteers (confirmed party members become one), unit members and grid workers, part-time ones included. */
export const mayAnswer = (user: UserDoc) => hasRole(user, 'volunteer', 'unit_member', 'grid_worker');
export const NOT_REGISTERED = '社区吹哨面向已报到的党员、志愿者和网格员，请先到社区报到';

/**
 * Open call-outs first, the soonest first; then closed ones, the latest first: one index order.
 * Open ones sort by their start; closed ones after every start that can occur.
 */
const CLOSED_BASE = 4e13;
const sortKey = (c: Pick<CalloutDoc, 'status' | 'start'>) => (c.status === 'open' ? c.start : CLOSED_BASE - c.start);

/** Open call-outs a community has at once, at most: ordered by nearness in memory. */
const OPEN_MAX = 100;
/** A read holds no more call-outs than this (deep pages of closed ones are rare). */
const READ_MAX = 1000;
/** A person's latest answers read beside the call-outs: far more than the call-outs one page shows. */
const ANSWERS_READ = 500;

/**
 * Open ones first, nearest to the person first (from their grid's centre to the call-out's point;
 * where either is unknown, by start after the near ones); then closed ones, the latest first. One
 * read: open ones sort before every closed one, so the prefix holds all open ones and this page.
 */
export const callouts = action(calloutsSchema, async function callouts(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!mayAnswer(user) && !isStaff(user)) throw forbidden(NOT_REGISTERED);
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, ...(input.status ? { status: input.status } : {}) };
  const byIndex = input.status === 'closed';
  // The call-outs, the person's home grid (for nearest first) and their answers: one request.
  const got = await readWith(COMMUNITIES, user.communityId, {
    callouts: {
      from: CALLOUTS,
      where,
      orderBy: [['sortKey', 'asc']],
      ...(byIndex ? { skip: offset, limit: PAGE_MAX + 1 } : { limit: Math.min(READ_MAX, OPEN_MAX + offset + PAGE_MAX + 1) }),
    },
    grid: { from: GRIDS, where: { _id: user.gridId ?? '', communityId: user.communityId }, limit: 1 },
    answers: { from: RESPONSES, where: { communityId: user.communityId, userId: user._id }, orderBy: [['at', 'desc']], limit: ANSWERS_READ },
  });
  const read = (got?.rows.callouts ?? []) as unknown as CalloutDoc[];
  const home = (got?.rows.grid[0] as unknown as GridDoc | undefined)?.center;
  const open = read.filter((c) => c.status === 'open');
  const ordered = [...nearestFirst(open, (c) => (home && c.location ? distanceM(home, c.location) : undefined)), ...read.filter((c) => c.status !== 'open')];
  const rows = byIndex ? ordered : ordered.slice(offset, offset + PAGE_MAX + 1);
  const page = pageOf(rows, offset, PAGE_MAX);
  const answers = (got?.rows.answers ?? []) as unknown as ResponseDoc[];
  const mine = new Map(answers.map((a) => [a.calloutId, a]));
  return { ...page, items: page.items.map((c) => toCallout(c, user._id, mine.get(c._id))) };
});

/**
 * A whistle goes out to many at once, so its text is checked as residents' published text is; one
 * that fails, or cannot be checked now (it fails closed), is not blown.
 */
async function screenCallout(text: string, openid: string): Promise<void> {
  const s = await screenText(text, openid);
  if (s.verdict === 'risky') throw invalid('吹哨内容含有不适宜的词语，请修改后再吹哨');
  if (s.verdict === 'held') throw precondition(`${s.reason}，这次吹哨未发出，请稍后再试`);
}

export const callout = action(calloutSchema, async function callout(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以吹哨');
  if (input.end <= input.start) throw invalid('结束时间须晚于开始时间');
  if (input.end <= ctx.now) throw invalid('结束时间已过');
  if (input.end - input.start > 24 * 60 * MINUTE_MS) throw invalid('一次吹哨不超过24小时');
  const posts = assertPosts(input.posts ?? [], await postsOf(docs, user.communityId));
  await screenCallout(`${input.title}\n${input.detail ?? ''}\n${input.place}`, user.openid);
  const saved = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'callout', input.requestId), async () => {
      const c: CalloutDoc = {
        _id: newId('co'),
        communityId: user.communityId,
        title: input.title,
        ...(input.detail ? { detail: input.detail } : {}),
        place: input.place,
        ...(input.location ? { location: input.location } : {}),
        start: input.start,
        end: input.end,
        needed: input.needed,
        comingIds: [],
        posts,
        skills: [...new Set(input.skills ?? [])],
        code: newSiteCode(),
        arrivedIds: [],
        urgency: input.urgency ?? 'normal',
        status: 'open',
        sortKey: sortKey({ status: 'open', start: input.start }),
        createdBy: user._id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(CALLOUTS, c._id, c);
      await recordParty(tx, 'callout', c._id, c.communityId, null, 'open', user, ctx.now, `吹哨：${c.title}，需要${c.needed}人`);
      return c;
    }),
  );
  // Told once: a resent request answers with the call-out stored at the first one's moment.
  if (saved.createdAt === ctx.now) await tellWhistle(saved);
  return { callout: toCallout(saved, user._id) };
});

export const responses = action(calloutIdSchema, async function responses(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const c = await loadCallout(docs, input.id, user);
  const rows = await findMany<ResponseDoc>(RESPONSES, { calloutId: c._id }, { orderBy: [['at', 'asc']], limit: 300 });
  const site = siteOf(c);
  return { callout: toCallout(c, user._id), responses: rows.map((r) => toResponse(r, true)), ...(site ? { site } : {}) };
});

const assertOpen = (c: CalloutDoc, now: number) => {
  if (c.status !== 'open' || c.end <= now) throw precondition('这次吹哨已结束');
};

/**
 * 报到 or 不能到. The head count lives on the call-out and is changed in the answer's transaction,
 * so however many answer at once there are never more 报到 than places; the rest are told it is
 * full. A full call-out is refused before the transaction, to keep a rush cheap.
 */
export const respond = action(respondSchema, async function respond(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!mayAnswer(user)) throw forbidden(NOT_REGISTERED);
  const key = requestKey(user._id, 'party', 'respond', input.requestId);
  const full = async () => {
    const c = await loadCallout(docs, input.id, user);
    assertOpen(c, ctx.now);
    if (input.answer === 'coming' && c.comingIds.length >= c.needed && !c.comingIds.includes(user._id)) throw exhausted('报到人数已满，感谢您的响应');
  };
  await precheck(key, full);
  const party = !!(await partyMembership(user._id, user.communityId));
  const id = await transact((tx) =>
    once(tx, key, async () => {
      const c = await loadCallout(tx, input.id, user);
      assertOpen(c, ctx.now);
      const listed = c.comingIds.includes(user._id);
      if (input.answer === 'declined' && c.arrivedIds?.includes(user._id)) throw precondition('您已在现场签到，不能再改为不能到');
      if (input.answer === 'coming' && !listed && c.comingIds.length >= c.needed) throw exhausted('报到人数已满，感谢您的响应');
      const comingIds = input.answer === 'coming' ? (listed ? c.comingIds : [...c.comingIds, user._id]) : c.comingIds.filter((u) => u !== user._id);
      if (comingIds !== c.comingIds) await tx.set(CALLOUTS, c._id, { ...c, comingIds, updatedAt: ctx.now });
      const r: ResponseDoc = { _id: responseId(c._id, user._id), communityId: c.communityId, calloutId: c._id, userId: user._id, name: user.displayName, answer: input.answer, party, at: ctx.now };
      await tx.set(RESPONSES, r._id, r);
      return c._id;
    }),
  );
  const [c, mine] = await Promise.all([loadCallout(docs, id, user), docs.get<ResponseDoc>(RESPONSES, responseId(id, user._id))]);
  return { callout: toCallout(c, user._id, mine) };
});

/**
 * 报到 people who came are credited once through the points ledger (source: the call-out):
 * 参加一次社区活动 plus 志愿服务每满1小时 for the call-out's time, as for an activity.
 */
async function credit(tx: DocStore, c: CalloutDoc, r: ResponseDoc, minutes: number, staff: Member, now: number): Promise<void> {
  const [attended, perHour] = await Promise.all([pointsFor(tx, c.communityId, 'activity_attended'), pointsFor(tx, c.communityId, 'volunteer_hour')]);
  const amount = attended + Math.floor(minutes / 60) * perHour;
  if (amount <= 0) return;
  const reason = `${r.party ? '党员' : ''}响应社区吹哨：${c.title}（${Math.round(minutes / 6) / 10}小时）`;
  await earnWithVanguard(tx, { userId: r.userId, communityId: c.communityId, amount, kind: 'earn', source: { type: 'callout', id: c._id }, reason, by: staff._id, at: now });
}

/**
 * Closing credits those who checked in on site; staff adjust with `absent` (checked in, did not
 * serve) and `present` (answered 报到 and came without checking in).
 */
export const close = action(closeSchema, async function close(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以结束吹哨');
  const absent = new Set(input.absent ?? []);
  const present = new Set(input.present ?? []);
  const done = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'close', input.requestId), async () => {
      const c = await loadCallout(tx, input.id, user);
      if (c.status !== 'open') throw precondition('这次吹哨已结束');
      // Closed before it began it is called off: nobody served, nobody is credited.
      const minutes = ctx.now >= c.start ? Math.floor((c.end - c.start) / MINUTE_MS) : 0;
      let credited = 0;
      const arrived = new Set(c.arrivedIds ?? []);
      for (const userId of c.comingIds) {
        const r = await tx.get<ResponseDoc>(RESPONSES, responseId(c._id, userId));
        if (!r) continue;
        const attended = minutes > 0 && (arrived.has(userId) ? !absent.has(userId) : present.has(userId));
        await tx.set(RESPONSES, r._id, { ...r, attended, minutes: attended ? minutes : 0, closedAt: ctx.now });
        if (attended) {
          await credit(tx, c, r, minutes, user, ctx.now);
          credited++;
        }
      }
      const after = { ...c, status: 'closed' as const, note: input.note, closedAt: ctx.now, sortKey: sortKey({ status: 'closed', start: c.start }), updatedAt: ctx.now };
      await tx.set(CALLOUTS, c._id, after);
      await recordParty(tx, 'callout', c._id, c.communityId, 'open', 'closed', user, ctx.now, `${input.note}（到场${credited}人）`);
      return { id: c._id, credited };
    }),
  );
  const c = await loadCallout(docs, done.id, user);
  return { callout: toCallout(c, user._id), credited: done.credited };
});
