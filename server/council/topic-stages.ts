import { TOPIC_STAGE_LABELS, type TopicStage } from '../../typings/council';
import { action } from '../core/define';
import { conflict, invalid } from '../core/errors';
import { newId } from '../core/ids';
import { groupSum } from '../platform/aggregate';
import { assertStaff, requireMember } from '../user/caller';
import { gridsOf, recordEvent } from '../lists/context';
import { PROJECTS, type ProjectDoc } from '../lists/model';
import { changeTopic, stageEntry, type CouncilCtx, type Member } from './topic-context';
import { BALLOTS, TOPICS, type TopicDoc } from './topic-model';
import { docs } from '../platform/store';
import { closeVoteSchema, implementSchema, openVoteSchema, publishSchema, setMeetingSchema } from './topic-schemas';
import { topicView } from './topic-read';

function from(t: TopicDoc, allowed: TopicStage[], what: string): void {
  if (!allowed.includes(t.stage)) throw conflict(`议题当前在${TOPIC_STAGE_LABELS[t.stage]}阶段，不能${what}`);
}

function moved(t: TopicDoc, stage: TopicStage, user: Member, at: number, why: string): TopicDoc {
  return t.stage === stage ? t : { ...t, stage, history: [...t.history, stageEntry(t, stage, user, at, why)] };
}

async function staffOnly(ctx: CouncilCtx) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以推进议事流程');
  return user;
}

/** 协商: the meeting (民意小圆桌, 阳光议事会) is set, and set again to add its minutes afterwards. */
export const setMeeting = action(setMeetingSchema, async function setMeeting(ctx: CouncilCtx, input) {
  const user = await staffOnly(ctx);
  const id = await changeTopic(ctx, user, 'setMeeting', input, async (_tx, cur) => {
    from(cur, ['collecting', 'meeting'], '安排协商会议');
    const meeting = { at: input.at, place: input.place, attendees: input.attendees, ...(input.minutes ? { minutes: input.minutes } : {}) };
    return { ...moved(cur, 'meeting', user, ctx.now, `协商会议：${input.place}`), meeting };
  });
  return { topic: await topicView(id, user, ctx.now) };
});

/** 表决 opens with its options, open or secret ballot, quorum (households) and threshold (percent). */
export const openVote = action(openVoteSchema, async function openVote(ctx: CouncilCtx, input) {
  const user = await staffOnly(ctx);
  if (input.closesAt <= ctx.now) throw invalid('截止时间须晚于现在');
  if (new Set(input.options).size !== input.options.length) throw invalid('选项不能重复');
  const id = await changeTopic(ctx, user, 'openVote', input, async (_tx, cur) => {
    from(cur, ['collecting', 'meeting'], '发起表决');
    const options = input.options.map((label, i) => ({ id: `o${i + 1}`, label }));
    const vote = { options, ballot: input.ballot, quorum: input.quorum, threshold: input.threshold, closesAt: input.closesAt, openedAt: ctx.now };
    return { ...moved(cur, 'voting', user, ctx.now, `${input.ballot === 'secret' ? '无记名' : '记名'}表决，每户一票`), vote };
  });
  return { topic: await topicView(id, user, ctx.now) };
});

/**
 * Closes the vote first (every vote still in flight read the topic, so it is refused from then on),
 * then counts the stored ballots: the tally is the ballots, nothing else. A close that stopped
 * before counting is counted when sent again.
 */
export const closeVote = action(closeVoteSchema, async function closeVote(ctx: CouncilCtx, input) {
  const user = await staffOnly(ctx);
  const id = await changeTopic(ctx, user, 'closeVote', input, async (_tx, cur) => {
    from(cur, ['voting'], '结束表决');
    if (cur.vote!.closedAt) return cur;
    return { ...cur, vote: { ...cur.vote!, closedAt: ctx.now } };
  });
  if (!(await docs.get<TopicDoc>(TOPICS, id))?.vote?.tally) {
    const rows = await groupSum(BALLOTS, { match: { topicId: id }, by: 'optionId', sum: {} });
    const tally = Object.fromEntries(rows.map((r) => [r._id, r.n]));
    await changeTopic(ctx, user, 'countVote', { id }, async (_tx, cur) => ({ ...cur, vote: { ...cur.vote!, tally } }));
  }
  return { topic: await topicView(id, user, ctx.now) };
});

/** 公示: the result and what the community decided, for every resident concerned to read. */
export const publish = action(publishSchema, async function publish(ctx: CouncilCtx, input) {
  const user = await staffOnly(ctx);
  const id = await changeTopic(ctx, user, 'publish', input, async (_tx, cur) => {
    from(cur, ['meeting', 'voting'], '公示结果');
    if (cur.stage === 'voting' && !cur.vote?.tally) throw conflict('请先结束表决并计票');
    return { ...moved(cur, 'publicized', user, ctx.now, input.decision), decision: { text: input.decision, at: ctx.now, byId: user._id } };
  });
  return { topic: await topicView(id, user, ctx.now) };
});

/** The grids a topic's project serves: those asked for, else those of the topic's area. */
async function projectGrids(t: TopicDoc, asked: string[] | undefined): Promise<string[]> {
  const grids = await gridsOf(t.communityId);
  const own = new Set(grids.map((g) => g._id));
  if (asked?.length) {
    if (asked.some((g) => !own.has(g))) throw invalid('网格不存在或不在本社区');
    return [...new Set(asked)];
  }
  if (t.area.scope === 'grids') return t.area.gridIds;
  if (t.area.scope === 'buildings') {
    const b = new Set(t.area.buildings);
    return grids.filter((g) => g.buildings.some((x) => b.has(x))).map((g) => g._id);
  }
  return grids.map((g) => g._id);
}

/**
 * 落实: the decision becomes a project on the projects list, in the same transaction, and the topic
 * shows that project's status from then on.
 */
export const implement = action(implementSchema, async function implement(ctx: CouncilCtx, input) {
  const user = await staffOnly(ctx);
  const id = await changeTopic(ctx, user, 'implement', input, async (tx, cur) => {
    from(cur, ['publicized'], '转为项目');
    const gridIds = await projectGrids(cur, input.gridIds);
    if (!gridIds.length) throw invalid('请选择项目服务的网格');
    const p: ProjectDoc = {
      _id: newId('pj'),
      communityId: cur.communityId,
      title: cur.title,
      description: `议事决定：${cur.decision?.text ?? cur.title}`.slice(0, 500),
      category: input.category,
      gridIds,
      status: 'planned',
      needIds: [],
      people: 0,
      createdBy: user._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.set(PROJECTS, p._id, p);
    await recordEvent(tx, { communityId: p.communityId, target: 'project', targetId: p._id, from: null, to: 'planned', actor: user, at: ctx.now, why: `议题转为项目：${cur.title}` });
    return { ...moved(cur, 'implementing', user, ctx.now, `转为项目：${p.title}`), projectId: p._id };
  });
  return { topic: await topicView(id, user, ctx.now) };
});
