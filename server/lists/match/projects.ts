import type { Need, Urgency } from './model';
import { daysWaited } from './score';

export const PROJECT_MIN_NEEDS = 5;

export interface ProjectSuggestion {
  category: string;
  gridId: string;
  /** Most urgent, then longest waiting, first. */
  needIds: string[];
  people: number;
  maxUrgency: Urgency;
  oldestCreatedAt: number;
  /** "同网格同类需求7条 · 共15人 · 最早已等待12天 · 含紧急" */
  explanation: string;
}

/**
 * Groups of similar open needs (same category and grid, at least `minNeeds`) that one service
 * project (民生项目) could take on together. Pass the needs still open (e.g. those the matching
 * left unmatched). Largest groups first.
 */
export function suggestProjects(needs: Need[], options: { now: number; minNeeds?: number }): ProjectSuggestion[] {
  const min = options.minNeeds ?? PROJECT_MIN_NEEDS;
  const groups = new Map<string, Need[]>();
  for (const n of needs) {
    const key = `${n.category}\u0000${n.gridId}`;
    const g = groups.get(key);
    if (g) g.push(n);
    else groups.set(key, [n]);
  }
  const out: ProjectSuggestion[] = [];
  for (const group of groups.values()) {
    if (group.length < min) continue;
    group.sort((a, b) => b.urgency - a.urgency || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const people = group.reduce((s, n) => s + Math.max(1, n.people), 0);
    const maxUrgency = group[0].urgency;
    const oldestCreatedAt = group.reduce((t, n) => Math.min(t, n.createdAt), Infinity);
    const reasons = [`同网格同类需求${group.length}条`, `共${people}人`];
    const days = daysWaited({ ...group[0], createdAt: oldestCreatedAt }, options.now);
    if (days >= 1) reasons.push(`最早已等待${days}天`);
    if (maxUrgency === 3) reasons.push('含紧急');
    out.push({ category: group[0].category, gridId: group[0].gridId, needIds: group.map((n) => n.id), people, maxUrgency, oldestCreatedAt, explanation: reasons.join(' · ') });
  }
  return out.sort((a, b) => b.needIds.length - a.needIds.length || b.people - a.people || (a.category + a.gridId < b.category + b.gridId ? -1 : 1));
}
