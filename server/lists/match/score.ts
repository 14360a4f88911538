import type { Need, ScoreParts } from './model';
import { DAY_MS } from '../../core/time';

/**
 * Scores are integers, so the optimum is exact (no float ties or drift).
 *
 *   score(need, resource) = BASE                                  100  serving a need at all
 *                         + fit        exact skill 40 | related category 15
 *                         + proximity  same grid 30 | within radius 5 + round(20 · (1 − d / r))
 *                         + urgency    一般 0 | 较急 20 | 紧急 40
 *                         + waited     1 a day, at most 30
 *                         + people     3 per extra resident, at most 30
 *
 *   objective = Σ score(assigned pairs) − Σ_providers Σ_{k=1..load} loadCost(k)
 *   loadCost(k) = min(8 · (k − 1), 80)       cost of a provider's k-th need this period
 *
 * loadCost is non-decreasing in k (convex total), so each further need given to the same provider
 * is worth less and work spreads across providers. Its cap (80) stays below the smallest pair score
 * (100 + 15 + 5), so balancing reorders who serves whom but never leaves a servable need unserved
 * for that reason alone. BASE dominates the preference terms, so the optimum serves (nearly) as
 * many needs as possible and uses the rest to choose well among them.
 */
export const BASE = 100;
export const FIT_EXACT = 40;
export const FIT_RELATED = 15;
export const SAME_GRID = 30;
export const RADIUS_MIN = 5;
export const RADIUS_SPAN = 20;
export const URGENCY = [0, 0, 20, 40] as const;
export const WAITED_CAP_DAYS = 30;
export const PER_EXTRA_PERSON = 3;
export const PEOPLE_CAP = 30;
export const LOAD_STEP = 8;
export const LOAD_CAP = 80;


/** Cost of giving a provider its k-th need (k ≥ 1). */
export function loadCost(k: number): number {
  return Math.min(LOAD_STEP * (k - 1), LOAD_CAP);
}

export function daysWaited(need: Need, now: number): number {
  return Math.max(0, Math.floor((now - need.createdAt) / DAY_MS));
}

/** The parts that depend on the need alone. */
export function needParts(need: Need, now: number): Pick<ScoreParts, 'base' | 'urgency' | 'waited' | 'people'> {
  const urgency = URGENCY[need.urgency] ?? 0;
  const waited = Math.min(daysWaited(need, now), WAITED_CAP_DAYS);
  const people = Math.min(PER_EXTRA_PERSON * Math.max(0, Math.floor(need.people) - 1), PEOPLE_CAP);
  return { base: BASE, urgency, waited, people };
}

export function needValue(need: Need, now: number): number {
  const p = needParts(need, now);
  return p.base + p.urgency + p.waited + p.people;
}

/** Proximity of a need within a radius: closer is better, always below SAME_GRID. */
export function radiusProximity(distanceM: number, radiusM: number): number {
  return RADIUS_MIN + Math.round(RADIUS_SPAN * (1 - distanceM / radiusM));
}
