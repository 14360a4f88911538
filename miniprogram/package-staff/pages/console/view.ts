import type { Role, WorkbenchCounts } from '../../../../typings/user';
import { CONSOLE_GROUPS, type ConsoleAudience, type ConsoleEntry, type ConsoleGroup } from '../../../utils/routes';
import { isManager } from '../../../utils/labels';

export interface ConsoleTile {
  key: string;
  title: string;
  /** What waits there; absent when the person has no such queue, 0 shows nothing. */
  count: number;
  /** Such as 超期 2 · 今日到期 1. */
  note: string;
  urgent: boolean;
  /** Read aloud by screen readers: the title and what waits. */
  label: string;
}

export interface ConsoleSection {
  group: ConsoleGroup;
  /** For the node's id. */
  slug: string;
  tiles: ConsoleTile[];
  waiting: number;
}

const SLUGS: Record<ConsoleGroup, string> = { 审核: 'review', 派单: 'dispatch', 核销: 'verify', 服务台: 'desk', 清单: 'lists', 设置: 'settings' };

function sees(roles: Role[], audience: ConsoleAudience = 'staff'): boolean {
  const staff = isManager(roles);
  switch (audience) {
    case 'staff':
      return staff;
    case 'desk':
      return staff || roles.includes('grid_worker');
    case 'unit':
      return staff || roles.includes('unit_member');
    case 'admin':
      return roles.includes('admin');
    case 'county':
      return roles.includes('county');
  }
}

function tileOf(e: ConsoleEntry, counts: WorkbenchCounts): ConsoleTile {
  const count = (e.badge && counts[e.badge]) || 0;
  const notes = (e.notes ?? []).map((n) => ({ ...n, n: counts[n.key] ?? 0 })).filter((n) => n.n > 0);
  const note = notes.map((n) => `${n.label} ${n.n}`).join(' · ');
  const waiting = [count ? `待处理 ${count}` : '', note].filter(Boolean).join('，');
  return { key: e.key, title: e.title, count, note, urgent: notes.some((n) => n.urgent), label: waiting ? `${e.title}，${waiting}` : e.title };
}

/** Past a deadline first, then what waits, then as declared. */
const rank = (t: ConsoleTile) => (t.urgent ? 0 : t.count || t.note ? 1 : 2);

/**
 * The console's sections: the entries the person may use, grouped by what they do. Sections with
 * something overdue come first, then those where work waits, then the rest in their usual order;
 * inside a section the same.
 */
export function consoleSections(entries: ConsoleEntry[], roles: Role[], counts: WorkbenchCounts): ConsoleSection[] {
  const sections = CONSOLE_GROUPS.map((group) => {
    const tiles = entries.filter((e) => e.group === group && e.path && sees(roles, e.for)).map((e) => tileOf(e, counts));
    tiles.sort((a, b) => rank(a) - rank(b));
    return { group, slug: SLUGS[group], tiles, waiting: tiles.reduce((n, t) => n + t.count, 0) };
  }).filter((s) => s.tiles.length > 0);
  const sectionRank = (s: ConsoleSection) => Math.min(...s.tiles.map(rank));
  return sections.sort((a, b) => sectionRank(a) - sectionRank(b));
}
