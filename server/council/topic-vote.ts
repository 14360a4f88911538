import { action } from '../core/define';
import { conflict, forbidden, invalid, precondition } from '../core/errors';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, precheck, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { ballotId, concerns, householdOf, loadTopic, type CouncilCtx, type Member } from './topic-context';
import { BALLOTS, type BallotDoc, type TopicDoc } from './topic-model';
import { voteSchema } from './topic-schemas';
import { topicView } from './topic-read';

const VOTED = '本户已投票';

function assertOpen(t: TopicDoc, user: Member, optionId: string, now: number): void {
  if (t.stage !== 'voting' || !t.vote) throw conflict('议题不在表决阶段');
  if (t.vote.closedAt || t.vote.closesAt <= now) throw conflict('表决已截止');
  if (!concerns(t.area, user)) throw forbidden('只有议题涉及范围内的居民可以投票');
  if (!t.vote.options.some((o) => o.id === optionId)) throw invalid('没有这个选项');
}

/**
 * 表决, one vote per household: the ballot's id is derived from the topic and the household, and
 * it is read and written in one transaction, so of a household's residents voting at once exactly
 * one vote counts and the others are told their household has voted. The transaction also reads the
 * topic, so a vote racing the close either lands before it or is refused. A secret ballot stores
 * the option alone.
 */
export const vote = action(voteSchema, async function vote(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  const current = await loadTopic(docs, input.id, user);
  const household = householdOf(user);
  if (!household) throw precondition('请先在“我住哪里”选好楼栋并填写单元和室号，以户为单位投票');
  const id = ballotId(input.id, household.key);
  const key = requestKey(user._id, 'council', 'vote', input.requestId);
  await precheck(key, async () => {
    assertOpen(current, user, input.optionId, ctx.now);
    if (await docs.get(BALLOTS, id)) throw conflict(VOTED);
  });
  await transact((tx) =>
    once(tx, key, async () => {
      const t = await loadTopic(tx, input.id, user);
      assertOpen(t, user, input.optionId, ctx.now);
      if (await tx.get(BALLOTS, id)) throw conflict(VOTED);
      const voter = t.vote!.ballot === 'open' ? { voterId: user._id, voterName: user.displayName } : {};
      const b: BallotDoc = { _id: id, topicId: t._id, communityId: t.communityId, optionId: input.optionId, at: ctx.now, ...voter };
      await tx.set(BALLOTS, id, b);
      return id;
    }),
  );
  return { topic: await topicView(input.id, user, ctx.now) };
});
