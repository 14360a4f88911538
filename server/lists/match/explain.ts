import { pairDetail, type PairDetail, type RelatedMap } from './feasibility';
import { WISH_NEED_PREFIX, type Need, type Resource, type ScoreParts, type Suggestion } from './model';
import { daysWaited, needParts } from './score';

const URGENCY_LABEL = ['', '', '较急', '紧急'] as const;

function distanceLabel(m: number): string {
  return m < 1000 ? `${Math.max(10, Math.round(m / 10) * 10)}米` : `${(m / 1000).toFixed(1)}公里`;
}

/**
 * 技能匹配 only when the resource offers the need's very category; a related category says which
 * skill it leans on: 相近技能 for a neighbouring category, 类别相符 for one a wish's broad category covers.
 */
function fitLabel(need: Need, detail: PairDetail): string {
  if (detail.exact) return '技能匹配';
  return need.category.startsWith(WISH_NEED_PREFIX) ? `类别相符·${detail.skill}` : `相近技能·${detail.skill}`;
}

/**
 * A suggestion with its score parts and its reasons in Chinese, most telling first:
 * "同网格 · 技能匹配 · 已等待5天 · 紧急 · 3人需要". Recomputed from the pair itself, so the words
 * always agree with the score the solver used.
 */
export function explainPair(need: Need, resource: Resource, related: RelatedMap, now: number): Suggestion {
  const detail = pairDetail(need, resource, related);
  if (!detail) throw new Error(`${need.id} × ${resource.id} is not a feasible pair`);
  // Spelled out: a spread here made this the slowest line of a large run.
  const { base, urgency, waited, people } = needParts(need, now);
  const parts: ScoreParts = { base, fit: detail.fit, proximity: detail.proximity, urgency, waited, people };
  const reasons: string[] = [];
  reasons.push(detail.sameGrid ? '同网格' : `相距约${distanceLabel(detail.distanceM!)}`);
  reasons.push(fitLabel(need, detail));
  const days = daysWaited(need, now);
  if (days >= 1) reasons.push(`已等待${days}天`);
  if (URGENCY_LABEL[need.urgency]) reasons.push(URGENCY_LABEL[need.urgency]);
  if (need.people > 1) reasons.push(`${need.people}人需要`);
  return {
    needId: need.id,
    resourceId: resource.id,
    providerId: resource.providerId,
    score: parts.base + parts.fit + parts.proximity + parts.urgency + parts.waited + parts.people,
    parts,
    reasons,
    explanation: reasons.join(' · '),
  };
}
