import { action } from '../core/define';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { notFound } from '../core/errors';
import { findMany } from '../platform/store';
import { readWith } from '../platform/aggregate';
import { GRIDS, type GridDoc } from '../community/model';
import { isStaff, requireMember } from '../user/caller';
import { gridNames } from '../lists/context';
import { PROJECTS, type ProjectDoc } from '../lists/model';
import { STATUS_LABEL as PROJECT_STATUS_LABEL } from '../lists/actions-projects';
import { ballotId, concerns, householdOf, type CouncilCtx, type Member } from './topic-context';
import { BALLOTS, TOPICS, TOPIC_COMMENTS, type BallotDoc, type CommentDoc, type TopicDoc } from './topic-model';
import { toTopic, toTopicCard } from './topic-view';
import { topicSchema, topicsSchema } from './topic-schemas';

/** The community's topics, latest activity first; a stage tab filters them. */
export const topics = action(topicsSchema, async function topics(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, ...(input.stage ? { stage: input.stage } : {}) };
  const [rows, names] = await Promise.all([
    findMany<TopicDoc>(TOPICS, where, { orderBy: [['updatedAt', 'desc'], ['_id', 'asc']], skip: offset, limit: PAGE_MAX + 1 }),
    gridNames(user.communityId),
  ]);
  const page = pageOf(rows, offset, PAGE_MAX);
  return { ...page, items: page.items.map((t) => toTopicCard(t, names)) };
});

/** Comments shown on the topic page, latest first. */
const COMMENTS_SHOWN = 50;

/**
 * Everything about a topic as the caller may see it: stages, meeting, result once closed, decision,
 * project, comments and the caller's household ballot, read with the grid names in one request.
 * Another community's topic is reported as missing.
 */
export async function topicView(id: string, user: Member, now: number) {
  const household = householdOf(user);
  const got = await readWith(TOPICS, id, {
    comments: { from: TOPIC_COMMENTS, where: { topicId: id }, orderBy: [['at', 'desc']], limit: COMMENTS_SHOWN },
    ballot: { from: BALLOTS, where: { _id: household ? ballotId(id, household.key) : '' }, limit: 1 },
    project: { from: PROJECTS, localField: 'projectId', foreignField: '_id' },
    grids: { from: GRIDS, where: { communityId: user.communityId }, limit: 200 },
  });
  const t = got?.doc as unknown as TopicDoc | undefined;
  if (!got || !t || t.communityId !== user.communityId) throw notFound('议题不存在');
  const project = got.rows.project[0] as unknown as ProjectDoc | undefined;
  const ballot = (got.rows.ballot[0] as unknown as BallotDoc | undefined) ?? null;
  return toTopic(t, {
    viewerId: user._id,
    staff: isStaff(user),
    concerned: concerns(t.area, user),
    gridNames: new Map((got.rows.grids as unknown as GridDoc[]).map((g) => [g._id, g.name])),
    comments: got.rows.comments as unknown as CommentDoc[],
    ...(household ? { household: { label: household.label, ballot } } : {}),
    ...(project ? { project: { id: project._id, title: project.title, status: project.status, statusLabel: PROJECT_STATUS_LABEL[project.status] } } : {}),
    now,
  });
}

export const topic = action(topicSchema, async function topic(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  return { topic: await topicView(input.id, user, ctx.now) };
});
