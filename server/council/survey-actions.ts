import type { AnswerValue } from '../../typings/survey';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound, precondition } from '../core/errors';
import { newId } from '../core/ids';
import { DAY_MS } from '../core/time';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { groupSum, readWith } from '../platform/aggregate';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, isStaff, requireMember, type CallCtx, type Member } from '../user/caller';
import { gridNames } from '../lists/context';
import { GRIDS } from '../community/model';
import { SURVEYS, SURVEY_ANSWERS, answerId, type SurveyAnswerDoc, type SurveyDoc } from './survey-model';
import { answerSchema, closeSurveySchema, publishSurveySchema, saveSurveySchema, surveyResultsSchema, surveySchema, surveysSchema } from './survey-schemas';
import { checkAnswers, checkQuestions, indexAnswer, isAsked, isEnded } from './survey-rules';
import { tally, toSurveyCard, toSurveyDetail } from './survey-view';
import { feedNeeds } from './survey-needs';
import { closeIn, recordSurvey } from './survey-close';

/** A survey runs at most this long, so a forgotten one does not stay open for ever. */
const MAX_RUN_DAYS = 180;
/** Surveys a resident's list looks through: a community runs a handful at a time. */
const MINE_SCAN = 100;

/** Another community's survey, or a draft for anyone but staff, is reported as missing. */
function visible(s: SurveyDoc | null, viewer: Member): SurveyDoc {
  if (!s || s.communityId !== viewer.communityId || (s.status === 'draft' && !isStaff(viewer))) throw notFound('问卷不存在');
  return s;
}

async function loadSurvey(store: DocStore, id: string, viewer: Member): Promise<SurveyDoc> {
  return visible(await store.get<SurveyDoc>(SURVEYS, id), viewer);
}


/** The survey as the caller sees it: their answer, whether they may answer, and the results when theirs to see. */
async function detailFor(s: SurveyDoc, user: Member, now: number, mine?: SurveyAnswerDoc | null) {
  const staff = isStaff(user);
  const own = mine === undefined ? await docs.get<SurveyAnswerDoc>(SURVEY_ANSWERS, answerId(s._id, user._id)) : mine;
  const ended = isEnded(s, now);
  const asked = isAsked(s, user);
  if (!staff && !asked && !own) throw notFound('问卷不存在');
  const [results, names] = await Promise.all([staff || (ended && s.status !== 'draft') ? tally(s, staff) : undefined, staff ? gridNames(s.communityId) : undefined]);
  return toSurveyDetail(s, now, {
    answered: !!own,
    ...(results && staff ? { respondents: results.respondents } : {}),
    ...(names ? { gridNames: names } : {}),
    ...(own ? { mine: own.values } : {}),
    canAnswer: s.status === 'open' && !ended && asked && !own,
    staff,
    results,
  });
}

/**
 * mine: the open surveys meant for the caller, the soonest deadline first, then those they
 * answered · all: every survey of the community, for staff, latest first, with how many answered.
 */
export const surveys = action(surveysSchema, async function surveys(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  const offset = offsetOf(input.cursor);
  if (input.scope === 'all') {
    assertStaff(user, '只有社区工作人员可以查看全部问卷');
    const rows = await findMany<SurveyDoc>(SURVEYS, { communityId: user.communityId }, { orderBy: [['updatedAt', 'desc'], ['_id', 'asc']], skip: offset, limit: PAGE_MAX + 1 });
    const page = pageOf(rows, offset, PAGE_MAX);
    const ids = page.items.map((s) => s._id);
    const [counts, names, mine] = await Promise.all([
      ids.length ? groupSum(SURVEY_ANSWERS, { match: { surveyId: { $in: ids } }, by: 'surveyId', sum: {} }) : [],
      gridNames(user.communityId),
      ids.length ? findMany<SurveyAnswerDoc>(SURVEY_ANSWERS, { _id: { $in: ids.map((id) => answerId(id, user._id)) } }, { limit: ids.length }) : [],
    ]);
    const n = new Map(counts.map((c) => [c._id, c.n]));
    const answered = new Set(mine.map((a) => a.surveyId));
    return { ...page, items: page.items.map((s) => toSurveyCard(s, ctx.now, { answered: answered.has(s._id), respondents: n.get(s._id) ?? 0, gridNames: names })) };
  }
  const [published, mine] = await Promise.all([
    findMany<SurveyDoc>(SURVEYS, { communityId: user.communityId, status: { $in: ['open', 'closed'] } }, { orderBy: [['publishedAt', 'desc']], limit: MINE_SCAN }),
    findMany<SurveyAnswerDoc>(SURVEY_ANSWERS, { communityId: user.communityId, userId: user._id }, { orderBy: [['at', 'desc']], limit: MINE_SCAN }),
  ]);
  const answered = new Set(mine.map((a) => a.surveyId));
  const waiting = published.filter((s) => !answered.has(s._id) && !isEnded(s, ctx.now) && isAsked(s, user)).sort((a, b) => (a.deadline ?? 0) - (b.deadline ?? 0));
  const done = published.filter((s) => answered.has(s._id));
  const page = pageOf([...waiting, ...done].slice(offset, offset + PAGE_MAX + 1), offset, PAGE_MAX);
  return { ...page, items: page.items.map((s) => toSurveyCard(s, ctx.now, { answered: answered.has(s._id) })) };
});

/** The survey with the caller's own answer beside it, in one request. */
export const survey = action(surveySchema, async function survey(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  const got = await readWith(SURVEYS, input.id, { mine: { from: SURVEY_ANSWERS, where: { _id: answerId(input.id, user._id) }, limit: 1 } });
  const s = visible((got?.doc as unknown as SurveyDoc | undefined) ?? null, user);
  return { survey: await detailFor(s, user, ctx.now, (got?.rows.mine[0] as unknown as SurveyAnswerDoc | undefined) ?? null) };
});

/**
 * 填写: once per person. The answer's id is the survey's and the person's, written in a transaction
 * that reads it first, so a second answer (or two sent at once) is refused and the first stands.
 */
export const answer = action(answerSchema, async function answer(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  const id = answerId(input.id, user._id);
  await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'answer', input.requestId), async () => {
      const s = await loadSurvey(tx, input.id, user);
      if (!isAsked(s, user)) throw forbidden('这份问卷不面向您');
      if (isEnded(s, ctx.now)) throw precondition('问卷已截止，不能再填写');
      if (await tx.get<SurveyAnswerDoc>(SURVEY_ANSWERS, id)) throw conflict('您已填写过这份问卷');
      const values = checkAnswers(s.questions, input.answers as Array<AnswerValue | null>);
      const doc: SurveyAnswerDoc = { _id: id, surveyId: s._id, communityId: s.communityId, userId: user._id, ...(user.gridId ? { gridId: user.gridId } : {}), values, ...indexAnswer(s.questions, values), at: ctx.now };
      await tx.set(SURVEY_ANSWERS, id, doc);
      return id;
    }),
  );
  const s = await loadSurvey(docs, input.id, user);
  return { survey: await detailFor(s, user, ctx.now) };
});

/** 编辑问卷: a new draft, or a draft changed; once published its questions stay as residents answered them. */
export const saveSurvey = action(saveSurveySchema, async function saveSurvey(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以编辑问卷');
  const questions = checkQuestions(input.questions);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'saveSurvey', input.requestId), async () => {
      const cur = input.id ? await loadSurvey(tx, input.id, user) : null;
      if (cur && cur.status !== 'draft') throw conflict('问卷已发布，不能再修改题目');
      const base: SurveyDoc = cur ?? { _id: newId('sv'), communityId: user.communityId, title: input.title, questions, status: 'draft', createdBy: user._id, createdAt: ctx.now, updatedAt: ctx.now };
      const { intro: _old, ...rest } = base;
      const next: SurveyDoc = { ...rest, title: input.title, ...(input.intro ? { intro: input.intro } : {}), questions, updatedAt: ctx.now };
      await tx.set(SURVEYS, next._id, next);
      await recordSurvey(tx, next, cur ? 'draft' : null, user, ctx.now, cur ? '修改问卷' : `新建问卷：${next.title}`);
      return next._id;
    }),
  );
  return { survey: await detailFor((await docs.get<SurveyDoc>(SURVEYS, id))!, user, ctx.now) };
});

/** 发布: who is asked and until when; from then on residents see it and answer. */
export const publishSurvey = action(publishSurveySchema, async function publishSurvey(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以发布问卷');
  if (input.deadline <= ctx.now) throw invalid('截止时间须晚于现在');
  if (input.deadline > ctx.now + MAX_RUN_DAYS * DAY_MS) throw invalid(`截止时间须在${MAX_RUN_DAYS}天之内`);
  if (input.target.scope === 'grids') {
    const names = await gridNames(user.communityId);
    if (input.target.gridIds.some((g) => !names.has(g))) throw notFound('网格不存在或不在本社区');
  }
  const target = input.target.scope === 'community' ? input.target : input.target.scope === 'grids' ? { scope: 'grids' as const, gridIds: [...new Set(input.target.gridIds)] } : { scope: 'roles' as const, roles: [...new Set(input.target.roles)] };
  await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'publishSurvey', input.requestId), async () => {
      const cur = await loadSurvey(tx, input.id, user);
      if (cur.status !== 'draft') throw conflict(cur.status === 'open' ? '问卷已发布' : '问卷已结束');
      const next: SurveyDoc = { ...cur, status: 'open', target, deadline: input.deadline, publishedAt: ctx.now, updatedAt: ctx.now };
      await tx.set(SURVEYS, cur._id, next);
      await recordSurvey(tx, next, 'draft', user, ctx.now, '发布问卷');
      return cur._id;
    }),
  );
  return { survey: await detailFor((await docs.get<SurveyDoc>(SURVEYS, input.id))!, user, ctx.now) };
});

/**
 * 结束: no more answers (an answer racing it finds it closed when its transaction retries), then
 * its service needs go into the needs list. A close whose feeding did not finish feeds when sent again.
 */
export const closeSurvey = action(closeSurveySchema, async function closeSurvey(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以结束问卷');
  await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'closeSurvey', input.requestId), async () => {
      const cur = await loadSurvey(tx, input.id, user);
      if (cur.status === 'draft') throw conflict('问卷还没有发布');
      if (cur.status === 'closed') {
        if (cur.fedAt) throw conflict('问卷已结束');
        return cur._id;
      }
      await closeIn(tx, cur, user, ctx.now, '结束问卷');
      return cur._id;
    }),
  );
  let s = (await docs.get<SurveyDoc>(SURVEYS, input.id))!;
  if (!s.fedAt) {
    await feedNeeds(s, user, ctx.now);
    s = (await docs.get<SurveyDoc>(SURVEYS, input.id))!;
  }
  return { survey: await detailFor(s, user, ctx.now), needs: s.needIds?.length ?? 0 };
});

/** The survey and its community's grid names in one request, then the tally: four in all. */
export const surveyResults = action(surveyResultsSchema, async function surveyResults(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以查看问卷结果');
  const got = await readWith(SURVEYS, input.id, { grids: { from: GRIDS, where: { communityId: user.communityId }, limit: 200 } });
  const s = visible((got?.doc as unknown as SurveyDoc | undefined) ?? null, user);
  const names = new Map((got?.rows.grids ?? []).map((g) => [String(g._id), String(g.name)]));
  const results = await tally(s, true);
  return { survey: toSurveyCard(s, ctx.now, { answered: false, respondents: results.respondents, gridNames: names }), results };
});
