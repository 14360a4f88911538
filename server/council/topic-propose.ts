import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { screenText } from '../core/screen';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { isStaff, requireMember } from '../user/caller';
import { gridsOf } from '../lists/context';
import { changeTopic, concerns, stageEntry, type CouncilCtx, type Member } from './topic-context';
import { TOPICS, type TopicDoc } from './topic-model';
import { cosignSchema, proposeSchema } from './topic-schemas';
import { cosignersRule } from './topic-rules';
import { topicView } from './topic-read';
import type { TopicArea } from '../../typings/council';

/** Grids and buildings must be the community's own, so the area reaches real residents. */
async function checkArea(area: TopicArea, user: Member): Promise<void> {
  if (area.scope === 'community') return;
  const grids = await gridsOf(user.communityId);
  if (area.scope === 'grids') {
    for (const g of area.gridIds) if (!grids.some((x) => x._id === g)) throw notFound('网格不存在或不在本社区');
    return;
  }
  const known = new Set(grids.flatMap((g) => g.buildings));
  for (const b of area.buildings) if (!known.has(b)) throw invalid(`本社区没有“${b}”，请从列表中选择`);
}

/**
 * 提议题: staff open it for comments at once (unless they ask for co-signers); a resident's waits
 * for the co-signers the community's rule asks. A resident's words pass the content check; one
 * that cannot be checked now is refused rather than published unchecked.
 */
export const propose = action(proposeSchema, async function propose(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = isStaff(user);
  if (!staff && input.cosignersNeeded !== undefined) throw forbidden('联名人数由社区设定');
  if (!staff && !concerns(input.area, user)) throw forbidden('只能就您所住范围内的事提出议题');
  await checkArea(input.area, user);
  if (!staff) {
    const s = await screenText([input.title, input.background, ...(input.options ?? [])].join('\n'), user.openid);
    if (s.verdict === 'risky') throw invalid('填写的内容含有不适宜的词语，请修改后再提交');
    if (s.verdict === 'held') throw conflict(`${s.reason}，议题暂未提交，请稍后再试`);
  }
  const needed = staff ? (input.cosignersNeeded ?? 0) : await cosignersRule(user.communityId);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'propose', input.requestId), async () => {
      const base = { communityId: user.communityId };
      const stage = needed > 0 ? 'signing' : 'collecting';
      const t: TopicDoc = {
        _id: newId('tp'),
        ...base,
        title: input.title,
        background: input.background,
        photos: input.photos ?? [],
        options: input.options ?? [],
        area: input.area,
        stage,
        proposerId: user._id,
        proposerName: user.displayName,
        byStaff: staff,
        cosignersNeeded: needed,
        cosignerIds: [],
        history: [stageEntry(base, stage, user, ctx.now, staff ? '社区提出议题' : `居民提出议题，需${needed}人联名`)],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(TOPICS, t._id, t);
      return t._id;
    }),
  );
  return { topic: await topicView(id, user, ctx.now) };
});

/** 联名: a resident of the area adds their name once; the last one needed opens the topic for comments. */
export const cosign = action(cosignSchema, async function cosign(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  const id = await changeTopic(ctx, user, 'cosign', input, async (_tx, cur) => {
    if (!concerns(cur.area, user)) throw forbidden('只有议题涉及范围内的居民可以联名');
    if (cur.proposerId === user._id) throw conflict('提出人不需要再联名');
    if (cur.cosignerIds.includes(user._id)) throw conflict('您已联名');
    if (cur.stage !== 'signing') throw conflict('联名已满，议题已进入征集');
    const cosignerIds = [...cur.cosignerIds, user._id];
    if (cosignerIds.length < cur.cosignersNeeded) return { ...cur, cosignerIds };
    return { ...cur, cosignerIds, stage: 'collecting', history: [...cur.history, stageEntry(cur, 'collecting', user, ctx.now, `${cosignerIds.length}人联名，进入意见征集`)] };
  });
  return { topic: await topicView(id, user, ctx.now) };
});
