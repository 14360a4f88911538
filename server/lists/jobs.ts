import { performance } from 'node:perf_hooks';
import * as z from 'zod/mini';
import type { MatchSummary, SuggestionStatus } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, exhausted, invalid, notFound, precondition } from '../core/errors';
import { maskName } from '../core/mask';
import { cursor, limit, offsetOf, PAGE_MAX } from '../core/paging';
import { count, docs, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import {
  buildInstance,
  evaluate,
  greedyAssignment,
  loadProgress,
  RELATED_CATEGORIES,
  solveInSteps,
  storeProgress,
  suggestProjects,
  toResult,
  WISH_NEED_PREFIX,
  type Instance,
  type Need,
  type Resource,
  type Solved,
} from './match';
import { clearProgress, inputNeed, inputResource, loadInput, loadState, saveInput, saveProgress, type JobInput, type ProgressState } from './jobprogress';
import { pairDetail, relatedMap } from './match/feasibility';
import {
  CHUNK,
  DECISIONS,
  JOBS,
  NEEDS,
  PROJECTS,
  RESOURCES,
  RESULTS,
  STATE,
  TICKETS,
  type DecisionDoc,
  type JobDoc,
  type NeedDoc,
  type ProjectDoc,
  type ResourceDoc,
  type ResultChunkDoc,
  type StateDoc,
  type StoredSuggestion,
  type TicketDoc,
  WISH_CATEGORY_MAP,
  wishNeedCategory,
} from './model';
import { actorLabel, assertStaff, eventsOf, findAll, gridNames, loadOwn, newId, recordEvent, SYSTEM, type ListsCtx } from './context';
import { docId, reason, requestId, ticketKind } from './schemas';
import { addNeedsToProject } from './actions-projects';
import { usedNow } from './actions-resources';
import { assigneeForResource, commitTicket, deadlineRules, periodKey, takeCapacity, ticketFor } from './tickets';
import { clockFor } from './deadlines';
import { toJobView, toSuggestionView, toTicketDetail } from './view';
import { noticeDispatched } from './notices';
import { syncWishes } from './wishsync';
import { assertNotClaimed, takeWishOffWall } from './handler';
import { WISHES, type WishDoc } from '../wish/model';

/**
 * The `match` job. A run for a community loads its open needs and active resources (capacity left
 * this period), solves the exact assignment (server/lists/match), and writes the explained
 * suggestions in chunks. `match` queues a job (one live job per community); the every-minute
 * `runMatchJobs` timer claims queued jobs in a transaction, so exactly one worker runs each, and a
 * worker that dies mid-run leaves a lease that expires for the next to take over. A small community
 * is run at once by the same invocation after queueing (through the same claim), so staff see the
 * result without waiting for the timer. A solve too long for one invocation (a district's lists)
 * runs in slices: see runJob.
 */

export const INLINE_LIMIT = 500;
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 3;
const MAX_PROJECT_SUGGESTIONS = 50;
/** A timer run starts no new job after this long (the function times out at 20 s). */
const TIMER_BUDGET_MS = 8_000;

/** Each wish category related to the service categories it covers (never exact). */
const WISH_RELATED = Object.entries(WISH_CATEGORY_MAP).flatMap(([w, cats]) => cats.map((c) => [`${WISH_NEED_PREFIX}${w}`, c] as const));
const RELATED_PAIRS = [...RELATED_CATEGORIES, ...WISH_RELATED];
const RELATED = relatedMap(RELATED_PAIRS);

/** What a need is matched by: a wish's need by its wish's category, unless staff have set another. */
function matchCategory(n: NeedDoc): string {
  return n.wishCategory && n.category === wishNeedCategory(n.wishCategory) ? `${WISH_NEED_PREFIX}${n.wishCategory}` : n.category;
}

export function toMatchNeed(n: NeedDoc): Need {
  return { id: n._id, category: matchCategory(n), gridId: n.gridId ?? '', ...(n.location ? { location: n.location } : {}), urgency: n.urgency, createdAt: n.createdAt, people: n.people };
}

export function toMatchResource(r: ResourceDoc, capacityLeft = r.capacity): Resource {
  return { id: r._id, providerId: r.providerId, providerKind: r.providerKind, categories: r.categories, capacity: Math.max(0, capacityLeft), area: r.area };
}

const providerLabel = (r: ResourceDoc) => (r.providerKind === 'volunteer' ? `志愿者 ${maskName(r.providerName)}` : r.providerName);

/** Claims a job to run: queued, or running with a lapsed lease. Exactly one caller gets it. */
async function claim(jobId: string, now: number): Promise<JobDoc | null> {
  return transact(async (tx) => {
    const j = await tx.get<JobDoc>(JOBS, jobId);
    if (!j) return null;
    const lapsed = j.status === 'running' && (j.leaseUntil ?? 0) < now;
    if (j.status !== 'queued' && !lapsed) return null;
    if (j.attempts >= MAX_ATTEMPTS) {
      await tx.set(JOBS, j._id, { ...j, status: 'failed', error: '匹配多次未能完成，请稍后重试', finishedAt: now, leaseUntil: undefined });
      await clearActive(tx, j);
      await recordEvent(tx, { communityId: j.communityId, target: 'job', targetId: j._id, from: j.status, to: 'failed', actor: SYSTEM, at: now, why: '多次超时' });
      return null;
    }
    // A job going on from a stored slice keeps the instant its lists were read at.
    const next: JobDoc = { ...j, status: 'running', startedAt: j.slices ? j.startedAt : now, leaseUntil: now + LEASE_MS, attempts: j.attempts + 1 };
    await tx.set(JOBS, j._id, next);
    await recordEvent(tx, { communityId: j.communityId, target: 'job', targetId: j._id, from: j.status, to: 'running', actor: SYSTEM, at: now, why: lapsed ? '上一次运行未完成，重新运行' : undefined });
    return next;
  });
}

async function clearActive(tx: Parameters<Parameters<typeof transact>[0]>[0], j: JobDoc): Promise<void> {
  const state = await tx.get<StateDoc>(STATE, j.communityId);
  if (state?.activeJobId === j._id) {
    const { activeJobId: _a, ...rest } = state;
    await tx.set(STATE, j.communityId, rest);
  }
}

interface Computed {
  summary: MatchSummary;
  items: StoredSuggestion[];
  projects: NonNullable<JobDoc['projects']>;
}

/** The open needs and active resources of a community (capacity left this period), as the job's input. */
async function loadLists(communityId: string, now: number): Promise<JobInput> {
  await syncWishes(communityId, now);
  const [needDocs, resourceDocs] = await Promise.all([
    findAll<NeedDoc>(NEEDS, { communityId, status: 'open' }),
    findAll<ResourceDoc>(RESOURCES, { communityId, status: 'active' }),
  ]);
  const used = await usedNowChunked(resourceDocs, now);
  return {
    needs: needDocs.map((n) => inputNeed(n, toMatchNeed(n))),
    resources: resourceDocs.map((r) => inputResource(r, toMatchResource(r, r.capacity - (used.get(r._id) ?? 0)), providerLabel(r))),
  };
}

/** Explained suggestions, project suggestions and the summary of a solved input. */
function finish(input: JobInput, inst: Instance, solved: Solved, now: number, solveMs: number): Computed {
  const result = toResult(inst, solved.assigned, solved.components, solved.largestComponent);
  const greedy = evaluate(inst.problem, greedyAssignment(inst));
  // A project gathers needs of one listed category, whatever the matcher matched them by.
  const projects = suggestProjects(input.needs.map((n) => ({ ...n.m, category: n.category })), { now }).slice(0, MAX_PROJECT_SUGGESTIONS);

  const needById = new Map(input.needs.map((n) => [n.m.id, n]));
  const resById = new Map(input.resources.map((r) => [r.m.id, r]));
  const items: StoredSuggestion[] = result.suggestions
    .map((s) => {
      const n = needById.get(s.needId)!;
      const r = resById.get(s.resourceId)!;
      return {
        needId: s.needId,
        resourceId: s.resourceId,
        providerId: s.providerId,
        score: s.score,
        reasons: s.reasons,
        explanation: s.explanation,
        need: { title: n.title, category: n.category, ...(n.m.gridId ? { gridId: n.m.gridId } : {}), urgency: n.m.urgency, people: n.m.people, source: n.source },
        resource: { title: r.title, providerName: r.providerName, providerKind: r.m.providerKind },
      };
    })
    // Most valuable first: the most urgent and longest-waiting needs lead the staff's list.
    .sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
  return {
    items,
    projects: projects.map((p) => ({ category: p.category, gridId: p.gridId, needIds: p.needIds.slice(0, 50), people: p.people, maxUrgency: p.maxUrgency, explanation: p.explanation })),
    summary: {
      needs: input.needs.length,
      resources: input.resources.length,
      pairs: result.stats.pairs,
      matched: result.suggestions.length,
      unmatched: result.unmatched.length,
      total: result.total,
      greedyMatched: greedy.matched,
      greedyTotal: greedy.total,
      projectSuggestions: projects.length,
      solveMs,
    },
  };
}

async function usedNowChunked(resources: ResourceDoc[], now: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < resources.length; i += 500) for (const [k, v] of await usedNow(resources.slice(i, i + 500), now)) out.set(k, v);
  return out;
}

/**
 * Solve time one invocation may spend, counted from the invocation's start (a timer run may have
 * run other jobs first): the function times out at 20 s
 * (cloudfunctions/lists/config.json), and loading the lists before and writing the result after
 * take the rest. HONGLIN_MATCH_SOLVE_MS overrides it (a smaller value splits even small jobs).
 */
const SOLVE_UNTIL_MS = 10_000;
const solveUntil = () => Number(process.env.HONGLIN_MATCH_SOLVE_MS) || SOLVE_UNTIL_MS;

/**
 * One slice of a job: its lists (read live by the first slice, stored when it runs out of time,
 * read back from there by the others), solved from the stored progress until done or out of time.
 * Returns the solution, or null when the progress is stored for the next slice.
 */
async function solveSlice(job: JobDoc, started: number): Promise<{ input: JobInput; inst: Instance; solved: Solved; now: number; solveMs: number; stored: ProgressState | null } | null> {
  const stored = await loadState(job._id);
  const input = stored ? await loadInput(stored) : await loadLists(job.communityId, job.startedAt!);
  const now = stored?.now ?? job.startedAt!;
  const t0 = performance.now();
  const inst = buildInstance(input.needs.map((n) => n.m), input.resources.map((r) => r.m), { now, related: RELATED_PAIRS });
  const limit = solveUntil();
  const out = solveInSteps(inst, stored?.progress && loadProgress(stored.progress), () => Date.now() - started > limit);
  const solveMs = (stored?.solveMs ?? 0) + Math.round(performance.now() - t0);
  if (out.done) return { input, inst, solved: out.solved, now, solveMs, stored };
  // Out of time: the lists are stored once, by the first slice that needs them kept.
  const state = stored ?? (await saveInput(job._id, job.communityId, now, input));
  await saveProgress({ ...state, solveMs, progress: storeProgress(out.progress) });
  return null;
}

/**
 * Runs a job if this caller can claim it; true if it ran (done, failed, or one slice further).
 * A job whose solve does not fit in one invocation stores its progress and goes back to the queue
 * (the slice is not counted as a failed attempt); the next timer run goes on from there, and
 * only the slice that finishes writes the result. A slice that dies leaves the stored progress of
 * the one before: the lease lapses and the job is taken up again from there.
 */
export async function runJob(jobId: string, now = Date.now(), invokedAt = Date.now()): Promise<boolean> {
  const job = await claim(jobId, now);
  if (!job) return false;
  try {
    const sliced = await solveSlice(job, invokedAt);
    if (!sliced) {
      await transact(async (tx) => {
        const j = await tx.get<JobDoc>(JOBS, job._id);
        if (!j || j.status !== 'running' || j.attempts !== job.attempts) return;
        await tx.set(JOBS, j._id, { ...j, status: 'queued', leaseUntil: undefined, attempts: j.attempts - 1, slices: (j.slices ?? 0) + 1 });
      });
      return true;
    }
    const c = finish(sliced.input, sliced.inst, sliced.solved, sliced.now, sliced.solveMs);
    const chunks = Math.ceil(c.items.length / CHUNK);
    for (let k = 0; k < chunks; k++) {
      const chunk: ResultChunkDoc = { _id: `${job._id}.c${k}`, jobId: job._id, communityId: job.communityId, index: k, items: c.items.slice(k * CHUNK, (k + 1) * CHUNK) };
      await docs.set(RESULTS, chunk._id, chunk);
    }
    const finished = Date.now();
    const doneNow = await transact(async (tx) => {
      const j = await tx.get<JobDoc>(JOBS, job._id);
      // Another worker took over after our lease lapsed: its result stands.
      if (!j || j.status !== 'running' || j.attempts !== job.attempts) return false;
      await tx.set(JOBS, j._id, { ...j, status: 'done', finishedAt: finished, leaseUntil: undefined, summary: c.summary, chunks, count: c.items.length, projects: c.projects });
      await clearActive(tx, j);
      await recordEvent(tx, { communityId: j.communityId, target: 'job', targetId: j._id, from: 'running', to: 'done', actor: SYSTEM, at: finished, why: `匹配${c.summary.matched}条，未匹配${c.summary.unmatched}条` });
      return true;
    });
    if (doneNow && sliced.stored) await clearProgress(sliced.stored);
  } catch (e) {
    console.error('[lists] match job failed', e);
    await transact(async (tx) => {
      const j = await tx.get<JobDoc>(JOBS, job._id);
      if (!j || j.status !== 'running' || j.attempts !== job.attempts) return;
      await tx.set(JOBS, j._id, { ...j, status: 'failed', error: '匹配计算失败，请稍后重试', finishedAt: Date.now(), leaseUntil: undefined });
      await clearActive(tx, j);
      await recordEvent(tx, { communityId: j.communityId, target: 'job', targetId: j._id, from: 'running', to: 'failed', actor: SYSTEM, at: Date.now(), why: String((e as Error)?.message ?? e).slice(0, 100) });
    });
  }
  return true;
}

/** Timer: runs queued jobs and jobs whose worker died, oldest first, within the time budget. */
export async function runMatchJobs(now: number): Promise<{ ran: number }> {
  const started = Date.now();
  const [queued, stale] = await Promise.all([
    findMany<JobDoc>(JOBS, { status: 'queued' }, { orderBy: [['createdAt', 'asc']], limit: 10 }),
    findMany<JobDoc>(JOBS, { status: 'running', leaseUntil: { $lt: now } }, { orderBy: [['createdAt', 'asc']], limit: 10 }),
  ]);
  let ran = 0;
  for (const j of [...stale, ...queued]) {
    if (Date.now() - started > TIMER_BUDGET_MS) break;
    if (await runJob(j._id, Date.now(), started)) ran++;
  }
  return { ran };
}

export const match = action(z.object({ background: z.optional(z.boolean({ error: '参数不正确' })), requestId }), async function match(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以运行匹配');
  const jobId = await transact((tx) =>
    once(tx, requestKey(user._id, 'lists', 'match', input.requestId), async () => {
      const state = (await tx.get<StateDoc>(STATE, user.communityId)) ?? { _id: user.communityId };
      if (state.activeJobId) {
        const live = await tx.get<JobDoc>(JOBS, state.activeJobId);
        if (live && (live.status === 'queued' || live.status === 'running')) return live._id;
      }
      const job: JobDoc = { _id: newId('mj'), communityId: user.communityId, status: 'queued', requestedBy: user._id, createdAt: ctx.now, attempts: 0 };
      await tx.set(JOBS, job._id, job);
      await tx.set(STATE, user.communityId, { ...state, activeJobId: job._id });
      await recordEvent(tx, { communityId: job.communityId, target: 'job', targetId: job._id, from: null, to: 'queued', actor: user, at: ctx.now, why: '运行匹配' });
      return job._id;
    }),
  );
  if (!input.background && (await count(NEEDS, { communityId: user.communityId, status: 'open' })) <= INLINE_LIMIT) await runJob(jobId);
  return { job: toJobView((await docs.get<JobDoc>(JOBS, jobId))!) };
});

async function latestJob(communityId: string): Promise<JobDoc | null> {
  const [j] = await findMany<JobDoc>(JOBS, { communityId }, { orderBy: [['createdAt', 'desc']], limit: 1 });
  return j ?? null;
}

const SUGGESTION_ID = /^(mj_[0-9a-f]{16})\.(\d{1,6})$/;

export function parseSuggestionId(id: string): { jobId: string; index: number } {
  const m = SUGGESTION_ID.exec(id);
  if (!m) throw invalid('匹配建议编号不正确');
  return { jobId: m[1], index: Number(m[2]) };
}

async function chunksFor(jobId: string, indices: number[]): Promise<Map<number, ResultChunkDoc>> {
  const ks = [...new Set(indices.map((i) => Math.floor(i / CHUNK)))];
  const rows = ks.length ? await findMany<ResultChunkDoc>(RESULTS, { _id: { $in: ks.map((k) => `${jobId}.c${k}`) } }, { limit: ks.length }) : [];
  return new Map(rows.map((c) => [c.index, c]));
}

export const matchResult = action(
  z.object({
    jobId: z.optional(docId('匹配任务编号')),
    status: z.optional(z.enum(['proposed', 'accepted', 'adjusted', 'rejected'], { error: '状态筛选不正确' })),
    cursor,
    limit,
  }),
  async function matchResult(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以查看匹配结果');
    const job = input.jobId ? await loadOwn<JobDoc>(docs, JOBS, input.jobId, user, '匹配任务') : await latestJob(user.communityId);
    if (!job) return { job: null, items: [], projects: [] };
    if (job.status !== 'done') return { job: toJobView(job), items: [], projects: [] };
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const total = job.count ?? 0;
    let indices: number[];
    let decided: Map<string, DecisionDoc>;
    if (!input.status) {
      indices = Array.from({ length: Math.max(0, Math.min(size + 1, total - offset)) }, (_, k) => offset + k);
      const ids = indices.map((i) => `${job._id}.${i}`);
      decided = new Map((ids.length ? await findMany<DecisionDoc>(DECISIONS, { _id: { $in: ids } }, { limit: ids.length }) : []).map((d) => [d._id, d]));
    } else if (input.status === 'proposed') {
      const all = await findAll<DecisionDoc>(DECISIONS, { jobId: job._id });
      decided = new Map(all.map((d) => [d._id, d]));
      const taken = new Set(all.map((d) => d.index));
      indices = [];
      for (let i = 0, skipped = 0; i < total && indices.length <= size; i++) {
        if (taken.has(i)) continue;
        if (skipped++ < offset) continue;
        indices.push(i);
      }
    } else {
      const rows = await findMany<DecisionDoc>(DECISIONS, { jobId: job._id, status: input.status as Exclude<SuggestionStatus, 'proposed'> }, { orderBy: [['index', 'asc']], skip: offset, limit: size + 1 });
      decided = new Map(rows.map((d) => [d._id, d]));
      indices = rows.map((d) => d.index);
    }
    const [chunks, names] = await Promise.all([chunksFor(job._id, indices), gridNames(user.communityId)]);
    const items = indices
      .map((i) => {
        const s = chunks.get(Math.floor(i / CHUNK))?.items[i % CHUNK];
        const id = `${job._id}.${i}`;
        return s ? toSuggestionView(id, s, decided.get(id), names) : null;
      })
      .filter((x): x is NonNullable<typeof x> => !!x);
    const page = items.slice(0, size);
    return {
      job: toJobView(job),
      items: page,
      ...(items.length > size ? { next: `o${offset + size}` } : {}),
      projects: offset === 0 ? (job.projects ?? []).map((p) => ({ ...p, gridName: names.get(p.gridId) })) : [],
    };
  },
);

/**
 * Staff's answer to one suggestion. accept: dispatch the need's ticket (or a new one) to the
 * suggested resource's provider; adjust: the same with another resource of their choosing; either
 * may instead join the need to a project. reject: the need stays open. The resource's capacity for
 * this period is taken in the same transaction, so accepted suggestions never exceed it.
 */
export const decide = action(
  z.object({
    id: z.string({ error: '缺少匹配建议编号' }).check(z.regex(SUGGESTION_ID, '匹配建议编号不正确')),
    decision: z.enum(['accept', 'adjust', 'reject'], { error: '请选择采纳、调整或不采纳' }),
    resourceId: z.optional(docId('资源编号')),
    projectId: z.optional(docId('项目编号')),
    kind: z.optional(ticketKind),
    reason: z.optional(reason()),
    requestId,
  }),
  async function decide(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以处理匹配建议');
    const { jobId, index } = parseSuggestionId(input.id);
    if (input.decision === 'reject' && !input.reason) throw invalid('不采纳须填写原因');
    if (input.decision === 'adjust' && !input.resourceId && !input.projectId) throw invalid('调整须选择其他资源或项目');
    if (input.kind === 'difficult') throw invalid('疑难问题请通过派单提级至社区书记包案');
    const rules = await deadlineRules(user.communityId, ctx.now);
    const outcome = await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'decide', input.requestId), async () => {
        const job = await loadOwn<JobDoc>(tx, JOBS, jobId, user, '匹配任务');
        if (job.status !== 'done' || index >= (job.count ?? 0)) throw notFound('匹配建议不存在');
        const chunk = await tx.get<ResultChunkDoc>(RESULTS, `${jobId}.c${Math.floor(index / CHUNK)}`);
        const s = chunk?.items[index % CHUNK];
        if (!s) throw notFound('匹配建议不存在');
        if (await tx.get<DecisionDoc>(DECISIONS, input.id)) throw conflict('该建议已处理');
        const need = await loadOwn<NeedDoc>(tx, NEEDS, s.needId, user, '需求');
        const decision: DecisionDoc = {
          _id: input.id,
          jobId,
          communityId: user.communityId,
          index,
          needId: need._id,
          status: input.decision === 'reject' ? 'rejected' : input.decision === 'adjust' ? 'adjusted' : 'accepted',
          ...(input.reason ? { why: input.reason } : {}),
          byUserId: user._id,
          byLabel: actorLabel(user, user.communityId),
          at: ctx.now,
        };
        let ticketId: string | undefined;
        if (input.decision !== 'reject') {
          if (need.wishId) assertNotClaimed(await tx.get<WishDoc>(WISHES, need.wishId));
          if (need.status !== 'open') throw conflict('该需求已在对接中或已关闭，请重新运行匹配');
          if (input.projectId) {
            const p = await loadOwn<ProjectDoc>(tx, PROJECTS, input.projectId, user, '项目');
            if (!['planned', 'recruiting', 'in_progress'].includes(p.status)) throw conflict('该项目已结束，不能纳入需求');
            const next = await addNeedsToProject(tx, p, [need._id], user, ctx.now);
            await tx.set(PROJECTS, p._id, next);
            await recordEvent(tx, { communityId: p.communityId, target: 'project', targetId: p._id, field: 'data', from: p.status, to: p.status, actor: user, at: ctx.now, why: `纳入需求：${need.title}` });
            decision.projectId = p._id;
          } else {
            const resourceId = input.decision === 'adjust' ? input.resourceId! : s.resourceId;
            const r = await loadOwn<ResourceDoc>(tx, RESOURCES, resourceId, user, '资源');
            if (r.status !== 'active') throw conflict('该资源已暂停或下架，请选择其他资源');
            if (!pairDetail(toMatchNeed(need), toMatchResource(r), RELATED)) throw precondition('该资源的服务类别或服务范围与需求不符');
            const usage = await takeCapacity(tx, r, periodKey(r.period, ctx.now));
            if (usage.used < 0) throw exhausted(`该资源本期服务容量已满（${r.capacity}件/${r.period === 'week' ? '周' : '月'}），请选择其他资源`);
            const assignee = assigneeForResource(r);
            const kind = input.kind;
            let before: TicketDoc | null = null;
            let t: TicketDoc;
            if (need.ticketId) {
              before = await tx.get<TicketDoc>(TICKETS, need.ticketId);
              if (!before || before.status !== 'submitted') throw conflict('该需求的工单已派出，请重新运行匹配');
              t = kind && kind !== before.kind ? { ...before, kind, clock: clockFor(kind, before.clock.startAt, rules), level: 'grid' } : before;
            } else {
              t = ticketFor(need, newId('tk'), kind ?? 'simple', ctx.now, user, ctx.now, rules);
            }
            const why = `${input.decision === 'adjust' ? '调整匹配' : '采纳匹配建议'}，派单给${assignee.label}（${s.explanation}）`;
            const dispatched: TicketDoc = { ...t, status: 'dispatched', assignee, dispatchedAt: ctx.now, usage: { id: usage.id, resourceId: r._id }, updatedAt: ctx.now };
            await takeWishOffWall(tx, dispatched, user, ctx.now);
            await commitTicket(tx, rules.calendar, before, dispatched, user, ctx.now, why.slice(0, 200), undefined, { resourceId: r._id });
            ticketId = dispatched._id;
            decision.ticketId = ticketId;
            decision.resourceId = r._id;
          }
        }
        await tx.set(DECISIONS, decision._id, decision);
        await recordEvent(tx, { communityId: user.communityId, target: 'suggestion', targetId: decision._id, from: 'proposed', to: decision.status, actor: user, at: ctx.now, why: input.reason ?? s.explanation });
        return { ticketId };
      }),
    );
    const [chunks, names] = await Promise.all([chunksFor(jobId, [index]), gridNames(user.communityId)]);
    const d = (await docs.get<DecisionDoc>(DECISIONS, input.id)) ?? undefined;
    const suggestion = toSuggestionView(input.id, chunks.get(Math.floor(index / CHUNK))!.items[index % CHUNK], d, names);
    if (!outcome.ticketId) return { suggestion };
    const t = (await docs.get<TicketDoc>(TICKETS, outcome.ticketId))!;
    if (t.status === 'dispatched' && t.dispatchedAt === ctx.now) await noticeDispatched(t);
    const events = await eventsOf(t._id);
    return { suggestion, ticket: toTicketDetail(t, user, ctx.now, t.gridId ? names.get(t.gridId) : undefined, events) };
  },
);
