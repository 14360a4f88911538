import { pairDetail, type RelatedMap } from './feasibility';
import type { Need, Resource, ScoreParts, Suggestion } from './model';
import { daysWaited, needParts } from './score';

const URGENCY_LABEL = ['', '', '较急', '紧急'] as const;

function distanceLabel(m: number): string {
  return m < 1000 ? `${Math.max(10, Math.round(m / 10) * 10)}米` : `${(m / 1000).toFixed(1)}公里`;
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
  reasons.push(detail.exact ? '技能匹配' : `相近技能·${detail.skill}`);
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
