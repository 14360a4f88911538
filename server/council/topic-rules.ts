import { action } from '../core/define';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, requireMember } from '../user/caller';
import type { CouncilCtx } from './topic-context';
import { COUNCIL_RULES, DEFAULT_COSIGNERS, type CouncilRulesDoc } from './topic-model';
import { councilRulesSchema, setCouncilRulesSchema } from './topic-schemas';

/** Co-signers a resident's proposal needs in the community. */
export async function cosignersRule(communityId: string): Promise<number> {
  return (await docs.get<CouncilRulesDoc>(COUNCIL_RULES, communityId))?.cosigners ?? DEFAULT_COSIGNERS;
}

export const councilRules = action(councilRulesSchema, async function councilRules(ctx: CouncilCtx) {
  const user = await requireMember(ctx.openid);
  return { rules: { cosigners: await cosignersRule(user.communityId) } };
});

/** Staff set how many co-signers a resident's proposal needs; topics already raised keep theirs. */
export const setCouncilRules = action(setCouncilRulesSchema, async function setCouncilRules(ctx: CouncilCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以设置议事规则');
  await transact((tx) =>
    once(tx, requestKey(user._id, 'council', 'setCouncilRules', input.requestId), async () => {
      const doc: CouncilRulesDoc = { _id: user.communityId, cosigners: input.cosigners, updatedBy: user._id, updatedAt: ctx.now };
      await tx.set(COUNCIL_RULES, doc._id, doc);
      return doc._id;
    }),
  );
  return { rules: { cosigners: await cosignersRule(user.communityId) } };
});
