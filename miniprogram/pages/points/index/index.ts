import type { EarningRule } from '../../../../typings/points';
import * as points from '../../../services/points';
import * as session from '../../../services/session';
import { toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/entries';
import { type EntryView, MEMBER_QR_PREFIX, appendById, toEntryView } from '../../../utils/points';

type Link = keyof typeof POINTS_PAGES;

/** 我的积分: the balance, how it was earned and spent, what earns points, and the way to the mall. */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    balance: 0,
    earned: 0,
    spent: 0,
    entries: [] as EntryView[],
    next: '',
    listLoading: false,
    rulesOpen: false,
    rules: [] as EarningRule[],
    memberId: '',
    memberQr: '',
    codeOpen: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      // Back from the mall or an order: the balance may have changed.
      if (this.data.state === 'ready') void this.reload();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'error', errorText: '请先扫描社区海报上的二维码加入社区' });
      this.setData({ memberId: me.data.id, memberQr: `${MEMBER_QR_PREFIX}${me.data.id}` });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const [bal, page] = await Promise.all([points.balance(), points.history({})]);
      this.setData({ listLoading: false });
      const failed = !bal.ok ? bal : !page.ok ? page : null;
      if (failed) {
        if (this.data.state === 'ready') return toast(failed.message);
        return this.setData({ state: 'error', errorText: failed.message });
      }
      if (!bal.ok || !page.ok) return;
      this.setData({
        state: 'ready',
        balance: bal.data.balance,
        earned: bal.data.earned,
        spent: bal.data.spent,
        entries: page.data.items.map(toEntryView),
        next: page.data.next ?? '',
      });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await points.history({ cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      this.setData({ entries: appendById(this.data.entries, page.data.items.map(toEntryView)), next: page.data.next ?? '' });
    },

    /** The rules are read when someone opens them: one call fewer for everyone who does not. */
    async onToggleRules() {
      if (this.data.rulesOpen) return this.setData({ rulesOpen: false });
      this.setData({ rulesOpen: true });
      if (this.data.rules.length) return;
      const res = await points.rules();
      if (!res.ok) {
        this.setData({ rulesOpen: false });
        return toast(res.message);
      }
      this.setData({ rules: res.data.rules.filter((r) => r.points > 0) });
    },

    onToggleCode() {
      this.setData({ codeOpen: !this.data.codeOpen });
    },

    onLink(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { to: Link }>) {
      wx.navigateTo({ url: POINTS_PAGES[e.currentTarget.dataset.to] });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
