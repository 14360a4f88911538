import { action } from '../core/define';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { isStaff, requireMember } from '../user/caller';
import { gridNames } from '../lists/context';
import { PROJECTS, type ProjectDoc } from '../lists/model';
import { STATUS_LABEL as PROJECT_STATUS_LABEL } from '../lists/actions-projects';
import { ballotId, concerns, householdOf, loadTopic, type CouncilCtx, type Member } from './topic-context';
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

/** Everything about a topic as the caller may see it: stages, meeting, result once closed, decision, project. */
export async function topicView(t: TopicDoc, user: Member, now: number) {
  const staff = isStaff(user);
  const household = householdOf(user);
  const [names, comments, ballot, project] = await Promise.all([
    gridNames(t.communityId),
    findMany<CommentDoc>(TOPIC_COMMENTS, { topicId: t._id }, { orderBy: [['at', 'desc']], limit: COMMENTS_SHOWN }),
    household && t.vote ? docs.get<BallotDoc>(BALLOTS, ballotId(t._id, household.key)) : Promise.resolve(null),
    t.projectId ? docs.get<ProjectDoc>(PROJECTS, t.projectId) : Promise.resolve(null),
  ]);
  return toTopic(t, {
    viewerId: user._id,
    staff,
    concerned: concerns(t.area, user),
    gridNames: names,
    comments,
    ...(household ? { household: { label: household.label, ballot } } : {}),
    ...(project ? { project: { id: project._id, title: project.title, status: project.status, statusLabel: PROJECT_STATUS_LABEL[project.status] } } : {}),
    now,
  });
}

export const topic = action(topicSchema, async function topic(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  return { topic: await topicView(await loadTopic(docs, input.id, user), user, ctx.now) };
});
