import { retryKeyed } from '../../../behaviors/retry-key';
import type { EarningRule, RuleKey } from '../../../../typings/points';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import * as user from '../../../services/user';
import type { ResidentRow } from '../../../../typings/user';
import { sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { AWARD_MAX, REASON_MAX, memberQuery, spacedMemberNo } from '../../../utils/points-view';
import type { Change, Tap } from '../../../base/events';

/** A resident as staff pick them: real name, grid, 会员号 and the masked phone, to tell namesakes apart. */
interface Match {
  id: string;
  text: string;
}

const toMatch = (r: ResidentRow): Match => ({
  id: r.id,
  text: [r.displayName, r.grid?.name, r.memberNo ? `会员号 ${spacedMemberNo(r.memberNo)}` : '', r.phoneMasked].filter(Boolean).join(' · '),
});

/**
 * Staff: points for something a resident did, by one of the community's rules or a number, with
 * the reason the resident will read. The resident is found by the 积分码 on their 我的积分 page
 * (scanned), or by their 会员号, name or phone (searched): never by an internal id.
 */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    q: '',
    finding: false,
    matches: [] as Match[],
    chosen: null as Match | null,
    notFound: false,
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

    onQuery(e: Change) {
      this.setData({ q: e.detail.value });
    },

    onScan() {
      wx.scanCode({
        onlyFromCamera: false,
        scanType: ['qrCode'],
        success: (r) => {
          const q = memberQuery(r.result);
          if (!/^\d{7}$/.test(q)) return tell('无法识别', '请扫描居民“我的积分”页上的积分码');
          void this.find(q);
        },
        fail: () => undefined,
      });
    },

    onFind() {
      const q = memberQuery(this.data.q);
      if (!q) return toast('请输入会员号、姓名或手机号');
      void this.find(q);
    },

    /** One match is chosen at once; several are listed to pick from. */
    async find(q: string) {
      if (this.data.finding) return;
      this.setData({ finding: true, notFound: false });
      const res = await user.residents({ q });
      this.setData({ finding: false });
      if (!res.ok) return toast(res.message);
      const matches = res.data.items.map(toMatch);
      if (matches.length === 1) return this.setData({ chosen: matches[0], matches: [], q: '' });
      this.setData({ matches, chosen: null, notFound: !matches.length });
    },

    onChoose(e: Tap<{ id: string }>) {
      const chosen = this.data.matches.find((m) => m.id === e.currentTarget.dataset.id) ?? null;
      this.setData({ chosen, matches: [], q: '' });
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
