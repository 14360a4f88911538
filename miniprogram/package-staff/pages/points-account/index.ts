import type { AccountEntry, AccountTrail } from '../../../../typings/points';
import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { openedWith } from '../../../behaviors/page-state';
import { residentFinder, type ResidentMatch } from '../../../behaviors/resident-finder';
import * as points from '../../../services/points';
import { sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { REASON_MAX, appendById, spacedMemberNo, toEntryView, type EntryView } from '../../../utils/points-view';
import type { Change, Tap } from '../../../base/events';

type Line = EntryView & { by: string; reversed: boolean; reversible: boolean };

const toLine = (e: AccountEntry): Line => ({ ...toEntryView(e), by: e.by, reversed: e.reversed, reversible: e.reversible });

const holderText = (h: AccountTrail['holder']) => [h.name, h.grid, h.memberNo ? `会员号 ${spacedMemberNo(h.memberNo)}` : ''].filter(Boolean).join(' · ');

/**
 * Staff: a resident's 积分账户 — found by 积分码 or search (or opened with `?id=`), the balance and
 * every entry with who posted it, and 冲正 of an earning given by mistake, with the reason the
 * resident will read. A reversal is a new entry; nothing is deleted.
 */
Component({
  behaviors: [retryKeyed, staffPage, residentFinder],

  data: {
    userId: '',
    holder: '',
    balance: 0,
    earned: 0,
    spent: 0,
    lines: [] as Line[],
    next: '',
    listLoading: false,
    /** The entry whose 冲正 form is open. */
    reversing: '',
    reason: '',
    reasonMax: REASON_MAX,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      Object.assign(openedWith(this), query);
      void this.start(query);
    },

    async start(query: Record<string, string | undefined>) {
      if (!(await this.ensureStaff(managersOnly))) return;
      if (query.id) return this.open(query.id);
      this.setData({ state: 'ready' });
    },

    onResidentChosen(m: ResidentMatch) {
      void this.open(m.id);
    },

    async open(userId: string) {
      this.setData({ userId, listLoading: true, reversing: '' });
      const res = await points.account({ userId });
      this.setData({ listLoading: false });
      if (!res.ok) return this.data.state === 'ready' ? toast(res.message) : this.setData({ state: 'error', errorText: res.message });
      const t = res.data;
      this.setData({ state: 'ready', holder: holderText(t.holder), balance: t.balance, earned: t.earned, spent: t.spent, lines: t.entries.map(toLine), next: t.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await points.account({ userId: this.data.userId, cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      this.setData({ lines: appendById(this.data.lines, res.data.entries.map(toLine)), next: res.data.next ?? '' });
    },

    onReverse(e: Tap<{ id: string }>) {
      this.setData({ reversing: e.currentTarget.dataset.id, reason: '' });
    },

    onCancelReverse() {
      this.setData({ reversing: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async onSubmitReverse() {
      if (this.data.busy) return;
      const line = this.data.lines.find((l) => l.id === this.data.reversing);
      if (!line) return;
      const reason = this.data.reason.trim();
      if (!reason) return toast('请填写冲正原因，居民会在积分明细里看到');
      if (reason.length > REASON_MAX) return toast(`冲正原因最多${REASON_MAX}个字`);
      if (!(await ask('确认冲正', `扣回 ${line.amount.replace('+', '')} 积分（${line.reason}）\n原因：${reason}`, '确认冲正'))) return;
      const req = { entryId: line.id, reason };
      const res = await sendOnce(this, this.retryKey(), (rid) => points.reverse({ ...req, requestId: rid(req) }), { again: '请再点一次“确认冲正”，不会重复扣分' });
      if (!res) return;
      if (!res.ok) return tell('没有冲正', res.message);
      toast(`已冲正，扣回${-res.data.entry.amount}积分`);
      await this.open(this.data.userId);
    },
  },
});
