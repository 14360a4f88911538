import { RULE_KEYS, RULE_LABELS, type EarningRule, type RuleKey } from '../../typings/points';
import type { DocStore } from '../platform/store';

export const RULES = 'points_rules';

/** What earns how much when a community has not set its own. */
export const DEFAULT_RULES: Readonly<Record<RuleKey, number>> = {
  wish_completed: 10,
  activity_attended: 5,
  request_resolved: 5,
  volunteer_hour: 2,
  garbage_sorting: 2,
  neighbour_help: 3,
  grid_report: 2,
};

export type { RuleKey };

export interface RulesDoc {
  _id: string;
  values?: Partial<Record<RuleKey, number>>;
  updatedBy?: string;
  updatedAt?: number;
}

export async function pointsFor(store: DocStore, communityId: string, rule: RuleKey): Promise<number> {
  const custom = await store.get<RulesDoc>(RULES, communityId);
  return custom?.values?.[rule] ?? DEFAULT_RULES[rule];
}

/** Every rule of a community, its own value where it set one. */
export function rulesView(doc: RulesDoc | null): EarningRule[] {
  return RULE_KEYS.map((key) => {
    const own = doc?.values?.[key];
    return { key, label: RULE_LABELS[key], points: own ?? DEFAULT_RULES[key], custom: own !== undefined };
  });
}
