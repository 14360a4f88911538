import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { isManager } from '../../../utils/labels';
import { type CardView, appendCards, toCardView } from '../../../utils/wish';

function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

/**
 * Wishes whose volunteer has handed in proof. The resident confirms first; the server lets staff
 * confirm alone only after the resident has been silent for 3 days, and says so otherwise.
 */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    cards: [] as CardView[],
    next: '',
    listLoading: false,
    busy: '',
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!isManager(me.data.roles) || !me.data.community) return this.setData({ state: 'forbidden' });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const page = await wish.queue({ kind: 'confirmation' });
      this.setData({ listLoading: false });
      if (!page.ok) return this.setData({ state: page.code === 'FORBIDDEN' ? 'forbidden' : 'error', errorText: page.message });
      this.setData({ state: 'ready', cards: page.data.items.map((c) => toCardView(c, imageUrl)), next: page.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await wish.queue({ kind: 'confirmation', cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      this.setData({ cards: appendCards(this.data.cards, page.data.items.map((c) => toCardView(c, imageUrl))), next: page.data.next ?? '' });
    },

    async onConfirm(e: Tap) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      const yes = await new Promise<boolean>((resolve) =>
        wx.showModal({
          title: '代为确认完成',
          content: '确认后心愿点亮，志愿者获得积分。确定代居民确认吗？',
          confirmText: '代为确认',
          cancelText: '再想想',
          confirmColor: '#C8161D',
          success: (r) => resolve(r.confirm),
          fail: () => resolve(false),
        }),
      );
      if (!yes) return;
      this.setData({ busy: id });
      const res = await wish.confirm({ id });
      this.setData({ busy: '' });
      if (!res.ok) {
        toast(res.message);
        if (res.code === 'FAILED_PRECONDITION' || res.code === 'NOT_FOUND') this.setData({ cards: this.data.cards.filter((c) => c.id !== id) });
        return;
      }
      this.setData({ cards: this.data.cards.filter((c) => c.id !== id) });
      toast(res.data.pointsAwarded > 0 ? `已代为确认，志愿者获得${res.data.pointsAwarded}积分` : '已代为确认');
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
    },

    onDetail(e: Tap) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.currentTarget.dataset.id}` });
    },
  },
});
