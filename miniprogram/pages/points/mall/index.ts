import * as points from '../../../services/points';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import { toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/entries';
import { type GoodsView, appendById, toGoodsView } from '../../../utils/points';

/** 积分商城: what the community's points buy, with what is left and where to pick it up. */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    balance: 0,
    goods: [] as GoodsView[],
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      // Back from redeeming: stock and balance have changed.
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
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const [page, bal] = await Promise.all([points.goods({}), points.balance()]);
      this.setData({ listLoading: false });
      if (!page.ok) {
        if (this.data.state === 'ready') return toast(page.message);
        return this.setData({ state: 'error', errorText: page.message });
      }
      this.setData({
        state: 'ready',
        goods: page.data.items.map((g) => toGoodsView(g, imageUrl)),
        next: page.data.next ?? '',
        ...(bal.ok ? { balance: bal.data.balance } : {}),
      });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await points.goods({ cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      const more = page.data.items.map((g) => toGoodsView(g, imageUrl));
      this.setData({ goods: appendById(this.data.goods, more), next: page.data.next ?? '' });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${POINTS_PAGES.goods}?id=${e.currentTarget.dataset.id}` });
    },

    onOrders() {
      wx.navigateTo({ url: POINTS_PAGES.orders });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
