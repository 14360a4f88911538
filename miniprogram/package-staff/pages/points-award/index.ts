import { retryKeyed } from '../../../behaviors/retry-key';
import type { EarningRule, RuleKey } from '../../../../typings/points';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import { residentFinder } from '../../../behaviors/resident-finder';
import { sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { AWARD_MAX, REASON_MAX } from '../../../utils/points-view';
import type { Change, Tap } from '../../../base/events';

/**
 * Staff: points for something a resident did, by one of the community's rules or a number, with
 * the reason the resident will read. The resident is found by the 积分码 on their 我的积分 page
 * (scanned), or by their 会员号, name or phone (searched): never by an internal id.
 */
Component({
  behaviors: [retryKeyed, staffPage, residentFinder],

  data: {
    rules: [] as EarningRule[],
    /** A rule's key, or '' for a number of points typed in. */
    rule: '' as RuleKey | '',
    amount: '',
    reason: '',
    reasonMax: REASON_MAX,
    busy: false,
    done: [] as Array<{ id: string; text: string }>,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const res = await points.rules();
      const rules = res.ok ? res.data.rules.filter((r) => r.points > 0) : [];
      this.setData({ state: 'ready', rules, rule: rules[0]?.key ?? '' });
    },

    onRule(e: Tap<{ key: RuleKey | '' }>) {
      this.setData({ rule: e.currentTarget.dataset.key });
    },

    onAmount(e: Change) {
      this.setData({ amount: e.detail.value });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    /** What to send, or why not. */
    request(): { req: { userId: string; reason: string; rule?: RuleKey; points?: number }; what: string } | string {
      const userId = this.data.chosen?.id;
      if (!userId) return '请扫描居民的积分码，或查找居民';
      const reason = this.data.reason.trim();
      if (!reason) return '请填写奖励原因，居民会在积分明细里看到';
      if (reason.length > REASON_MAX) return `奖励原因最多${REASON_MAX}个字`;
      const rule = this.data.rules.find((r) => r.key === this.data.rule);
      if (rule) return { req: { userId, reason, rule: rule.key }, what: `${rule.points} 积分（${rule.label}）` };
      const n = Number(this.data.amount.trim());
      if (!Number.isInteger(n) || n < 1 || n > AWARD_MAX) return `奖励积分须为1到${AWARD_MAX}之间的整数`;
      return { req: { userId, reason, points: n }, what: `${n} 积分` };
    },

    async onSubmit() {
      if (this.data.busy) return;
      const r = this.request();
      if (typeof r === 'string') return toast(r);
      this.setData({ busy: true });
      if (!(await ask('确认奖励', `为${this.data.chosen?.text ?? ''}奖励 ${r.what}\n原因：${r.req.reason}`, '确认奖励'))) return this.setData({ busy: false });
      const res = await sendOnce(this, this.retryKey(), (rid) => points.award({ ...r.req, requestId: rid(r.req) }), { again: '请再点一次“奖励积分”，不会重复加分' });
      if (!res) return;
      if (!res.ok) return tell('没有奖励', res.message);
      const line = { id: res.data.entry.id, text: `${res.data.holder} +${res.data.entry.amount} · ${res.data.entry.reason}` };
      this.setData({ chosen: null, reason: '', amount: '', done: [line, ...this.data.done] });
      toast(`已为${res.data.holder}奖励${res.data.entry.amount}积分`);
    },
  },
});
