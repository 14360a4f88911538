import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { holdOf, screenText } from '../core/screen';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { concerns, loadTopic, type CouncilCtx } from './topic-context';
import { TOPIC_COMMENTS, type CommentDoc } from './topic-model';
import { toComment } from './topic-view';
import { commentSchema, moderateCommentSchema } from './topic-schemas';

/**
 * 征集意见: a resident of the area (or staff) says what they think while the topic gathers views.
 * The words pass the same content check as wishes: unsuitable ones are refused, and when the check
 * cannot be made the comment waits for staff, shown to its author alone.
 */
export const comment = action(commentSchema, async function comment(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = isStaff(user);
  const t = await loadTopic(docs, input.id, user);
  if (!staff && !concerns(t.area, user)) throw forbidden('只有议题涉及范围内的居民可以发表意见');
  if (t.stage !== 'collecting') throw conflict('议题不在意见征集阶段');
  const screening = staff ? undefined : await screenText(input.text, user.openid);
  if (screening?.verdict === 'risky') throw invalid('意见含有不适宜的词语，请修改后再提交');
  const hold = screening && holdOf(screening, ctx.now);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'comment', input.requestId), async () => {
      const cur = await loadTopic(tx, input.id, user);
      if (cur.stage !== 'collecting') throw conflict('议题不在意见征集阶段');
      const c: CommentDoc = { _id: newId('tc'), topicId: cur._id, communityId: cur.communityId, authorId: user._id, authorName: user.displayName, text: input.text, ...(hold ? { hold } : {}), at: ctx.now };
      await tx.set(TOPIC_COMMENTS, c._id, c);
      return c._id;
    }),
  );
  return { comment: toComment((await docs.get<CommentDoc>(TOPIC_COMMENTS, id))!, user._id, staff) };
});

/**
 * Staff decide on a held comment, or on one already out: shown (the hold lifted) or kept from
 * others with the reason, which its author reads. Never deleted.
 */
export const moderateComment = action(moderateCommentSchema, async function moderateComment(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以审核意见');
  if (!input.show && !input.reason) throw invalid('请填写不公开的原因');
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'moderateComment', input.requestId), async () => {
      const c = await tx.get<CommentDoc>(TOPIC_COMMENTS, input.id);
      if (!c || c.communityId !== user.communityId) throw notFound('意见不存在');
      const { hold: _h, hidden: _x, ...rest } = c;
      await tx.set(TOPIC_COMMENTS, c._id, input.show ? rest : { ...rest, hidden: { reason: input.reason!, at: ctx.now, byId: user._id } });
      return c._id;
    }),
  );
  return { comment: toComment((await docs.get<CommentDoc>(TOPIC_COMMENTS, id))!, user._id, true) };
});
