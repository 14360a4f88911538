import type { ReportFigures } from '../../../../typings/party';
import type { UnitGoods, UnitPortal, UnitProject } from '../../../../typings/unit';
import { friendlyDay } from '../../../utils/date';
import { PROJECT_STATUS_LABELS } from '../../../utils/lists-view';
import { figureLines } from '../../../utils/party-view';

export interface ProjectLine {
  id: string;
  title: string;
  detail: string;
}

const projectLine = (p: UnitProject): ProjectLine => ({
  id: p.id,
  title: p.title,
  detail: [PROJECT_STATUS_LABELS[p.status], p.category, p.people ? `需${p.people}人` : '', p.plannedStart ? `${p.plannedStart}开始` : ''].filter(Boolean).join(' · '),
});

const goodsLine = (g: UnitGoods) => ({ id: g.id, name: g.name, detail: `${g.onShelf ? '在售' : '已下架'} · 库存 ${g.stock} · 待领取 ${g.pending} · 已领取 ${g.redeemed}` });

/** What the unit's page shows: lists as lines, the year's contribution with what the unit gave through its goods. */
export function portalView(p: UnitPortal, figures: ReportFigures | null, now = Date.now()) {
  const given = p.goods.reduce((s, g) => s + g.redeemed * g.cost, 0);
  const pieces = p.goods.reduce((s, g) => s + g.redeemed, 0);
  const contribution = [
    ...(figures ? figureLines(figures).filter((l) => ['hours', 'wishes', 'tickets', 'callouts', 'activities'].includes(l.key)) : []),
    { key: 'projects', label: '认领项目', value: `${p.projects.claimed.length} 个` },
    { key: 'given', label: '积分兑换商品', value: `${pieces} 件，折 ${given} 积分` },
  ];
  return {
    title: p.unit.name,
    kind: p.unit.kind,
    open: p.projects.open.map(projectLine),
    claimed: p.projects.claimed.map(projectLine),
    needs: p.needs.map((n) => ({ id: n.id, title: n.title, detail: [n.category, n.gridName, `${friendlyDay(n.createdAt, now)}提出`].filter(Boolean).join(' · ') })),
    members: p.members.map((m) => ({ ...m, tag: m.contact ? '联系人' : m.verifier ? '核销人员' : '' })),
    goods: p.goods.map(goodsLine),
    contribution,
  };
}
