import { docs } from '../platform/store';
import { recordEvent, type Member } from './context';

/**
 * Every export is on record in the lists' events: who took which records, of which period, in
 * which form and how many rows (a paged CSV once, at its first page).
 */
export function auditExport(user: Member, e: { key: string; label: string; format: 'csv' | 'xlsx'; rows: number; from?: string; to?: string }, at: number): Promise<void> {
  const period = e.from || e.to ? `（${e.from ?? '最早'}至${e.to ?? '今天'}）` : '';
  return recordEvent(docs, {
    communityId: user.communityId,
    target: 'export',
    targetId: `${user.communityId}.export.${e.key}`,
    field: 'data',
    from: null,
    to: e.format,
    actor: user,
    at,
    why: `导出${e.label}${period}${e.format === 'xlsx' ? 'Excel' : 'CSV'} ${e.rows}行`,
  });
}
