import type { EarningRule, ReconcileReport, RuleKey } from '../../../../typings/points';
import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import { saveOnce } from '../../../services/retry';
import { toast } from '../../../utils/dialog';
import { formatDateTime } from '../../../utils/date';
import { REASON_MAX } from '../../../utils/points-view';
import { STAFF_POINTS_ACCOUNT } from '../../../utils/routes';
import type { Change } from '../../../base/events';

const RULE_MAX = 1000;

interface RuleRow {
  key: RuleKey;
  label: string;
  /** As saved; `value` is what is typed. */
  points: number;
  value: string;
  custom: boolean;
}

const toRow = (r: EarningRule): RuleRow => ({ key: r.key, label: r.label, points: r.points, value: String(r.points), custom: r.custom });

/** What the admin reads of a reconcile: the totals, then each account or goods that does not add up. */
function reportLines(r: ReconcileReport): { summary: string; ok: boolean; lines: string[] } {
  const lines = [
    ...r.mismatches.map((m) => `${m.name}${m.account === 'vanguard' ? '（先锋积分）' : ''}：余额 ${m.balance ?? '无账户'}，明细合计 ${m.sumOfEntries}（${m.entries}条）`),
    ...r.stockMismatches.map((g) => `${g.name}：库存 ${g.stock} + 未完结订单 ${g.held} ≠ 累计上架 ${g.supplied}`),
    ...(r.negative ? [`${r.negative}个账户余额为负`] : []),
  ];
  const summary = `${formatDateTime(r.checkedAt)} 核对 ${r.accounts} 个账户、${r.entries} 条明细、${r.goods} 件商品：${lines.length ? `发现 ${lines.length} 处不一致` : '全部一致'}`;
  return { summary, ok: !lines.length, lines };
}

/**
 * Staff: the community's earning rules (积分规则), each a number of points; only the changed ones are
 * sent, with the reason kept in the audit trail. Admins also run 对账 here: every balance against its
 * entries and every stock against its orders, each mismatch named.
 */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    rules: [] as RuleRow[],
    reason: '',
    reasonMax: REASON_MAX,
    saving: false,
    admin: false,
    checking: false,
    report: null as { summary: string; ok: boolean; lines: string[] } | null,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureStaff(managersOnly);
      if (!me) return;
      const res = await points.rules();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', rules: res.data.rules.map(toRow), admin: me.roles.includes('admin') });
    },

    onRule(e: Change & { currentTarget: { dataset: { key: RuleKey } } }) {
      const key = e.currentTarget.dataset.key;
      this.setData({ rules: this.data.rules.map((r) => (r.key === key ? { ...r, value: e.detail.value } : r)) });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async onSaveRules() {
      if (this.data.saving) return;
      const values: Partial<Record<RuleKey, number>> = {};
      for (const r of this.data.rules) {
        const n = Number(r.value.trim());
        if (!r.value.trim() || !Number.isInteger(n) || n < 0 || n > RULE_MAX) return toast(`“${r.label}”须为0到${RULE_MAX}之间的整数`);
        if (r.points !== n) values[r.key] = n;
      }
      if (!Object.keys(values).length) return toast('积分规则没有改动');
      const reason = this.data.reason.trim();
      if (reason.length > REASON_MAX) return toast(`调整原因最多${REASON_MAX}个字`);
      const saved = await saveOnce(this, this.retryKey(), { values, ...(reason ? { reason } : {}) }, points.setRules);
      if (!saved) return;
      this.setData({ rules: saved.rules.map(toRow), reason: '' });
      toast('积分规则已保存');
    },

    async onReconcile() {
      if (this.data.checking) return;
      this.setData({ checking: true });
      const res = await points.reconcile();
      this.setData({ checking: false });
      if (!res.ok) return toast(res.message);
      this.setData({ report: reportLines(res.data) });
    },

    onAccounts() {
      wx.navigateTo({ url: STAFF_POINTS_ACCOUNT });
    },
  },
});
