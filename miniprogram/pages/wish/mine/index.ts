import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { type CardView, appendCards, toCardView } from '../../../utils/wish';

type Tab = 'posted' | 'claimed';

function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    tab: 'posted' as Tab,
    cards: [] as CardView[],
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.tab === 'claimed') this.setData({ tab: 'claimed' });
      void this.start();
    },

    onShow() {
      // Back from a wish: its status may have changed.
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
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const page = await wish.mine({ role: this.data.tab });
      this.setData({ listLoading: false });
      if (!page.ok) {
        if (this.data.state === 'ready') return toast(page.message);
        return this.setData({ state: 'error', errorText: page.message });
      }
      this.setData({ state: 'ready', cards: page.data.items.map((c) => toCardView(c, imageUrl)), next: page.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await wish.mine({ role: this.data.tab, cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      const more = page.data.items.map((c) => toCardView(c, imageUrl));
      this.setData({ cards: appendCards(this.data.cards, more), next: page.data.next ?? '' });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      this.setData({ tab, cards: [], next: '' });
      void this.reload();
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
    },

    onWall() {
      wx.switchTab({ url: '/pages/wish/wall/index' });
    },

    onPublish() {
      wx.navigateTo({ url: '/pages/wish/publish/index' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
