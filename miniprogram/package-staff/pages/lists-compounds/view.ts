import type { CompoundView, PropertyQuarter } from '../../../../typings/lists';

export interface CompoundRow {
  id: string;
  name: string;
  grids: string;
  property: string;
  propertyContact: string;
  committee: string;
  committeeContact: string;
  workers: string;
  unitId: string;
  figures: Array<{ key: string; label: string; value: string }>;
}

const rate = (r: number | null) => (r === null ? '暂无' : `${Math.round(r * 1000) / 10}%`);

export function figureLines(f: PropertyQuarter): CompoundRow['figures'] {
  return [
    { key: 'tickets', label: '本季度物业工单', value: `${f.tickets}件` },
    { key: 'onTime', label: '按时办结率', value: `${rate(f.onTimeRate)}（按时${f.onTime} · 超时${f.late}）` },
    { key: 'stars', label: '居民评价', value: f.avgStars === null ? '暂无' : `${f.avgStars}星（${f.rated}人评价）` },
    { key: 'overdue', label: '超时未办', value: `${f.overdueOpen}件` },
  ];
}

export function toCompoundRow(c: CompoundView): CompoundRow {
  const who = (x: { name: string; phone: string; branch?: string }) => `党建联络人 ${x.name} ${x.phone}${x.branch ? ` · ${x.branch}` : ''}`;
  return {
    id: c.id,
    name: c.name,
    grids: c.gridNames.join('、') + (c.buildings?.length ? `（${c.buildings.join('、')}）` : ''),
    property: c.property.name,
    propertyContact: who(c.property.contact),
    committee: c.committee.name,
    committeeContact: who(c.committee.contact),
    workers: `物业人员 ${c.workers} 人`,
    unitId: c.propertyUnitId,
    figures: figureLines(c.figures),
  };
}

/** 2026-Q4 → 2026年第四季度 */
export function quarterLabel(q: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  return m ? `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度` : q;
}
