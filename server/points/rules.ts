import type { DocStore } from '../platform/store';

export const RULES = 'points_rules';

/** What earns how much when a community has not set its own. */
export const DEFAULT_RULES = {
  wish_completed: 10,
  activity_attended: 5,
  request_resolved: 5,
} as const;

export type RuleKey = keyof typeof DEFAULT_RULES;

export async function pointsFor(store: DocStore, communityId: string, rule: RuleKey): Promise<number> {
  const custom = await store.get<{ values?: Partial<Record<RuleKey, number>> }>(RULES, communityId);
  return custom?.values?.[rule] ?? DEFAULT_RULES[rule];
}
