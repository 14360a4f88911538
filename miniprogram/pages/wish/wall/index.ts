import type { WishCategory, WishStats } from '../../../../typings/wish';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { type CardView, WISH_CATEGORIES, appendCards, toCardView } from '../../../utils/wish-view';
import { toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

type Sort = 'newest' | 'most_wanted';

interface Banner {
  title: string;
  collected: number;
  claimed: number;
  completed: number;
}

function toBanner(s: WishStats): Banner {
  return { title: s.season ? `${s.season.name} 微心愿` : '点亮微心愿', collected: s.collected, claimed: s.claimed, completed: s.completed };
}

Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'unbound',
    errorText: '',
    banner: null as Banner | null,
    categories: ['全部', ...WISH_CATEGORIES],
    category: '全部',
    sort: 'newest' as Sort,
    cards: [] as CardView[],
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      // Back from a wish or from publishing: the wall may have moved on.
      if (this.data.state === 'ready') void this.refresh();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.refresh();
      else await this.start();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      await this.refresh();
    },

    /** Banner and the first page, together: one page load is at most three calls. */
    async refresh() {
      this.setData({ listLoading: true });
      const [stats, page] = await Promise.all([wish.stats({}), wish.list(this.query())]);
      this.setData({ listLoading: false });
      if (!page.ok) {
        if (this.data.state === 'ready') return toast(page.message);
        return this.setData({ state: 'error', errorText: page.message });
      }
      this.setData({
        state: 'ready',
        banner: stats.ok ? toBanner(stats.data.stats) : this.data.banner,
        cards: page.data.items.map((c) => toCardView(c, imageUrl)),
        next: page.data.next ?? '',
      });
    },

    query(cursor?: string) {
      const category = this.data.category === '全部' ? undefined : (this.data.category as WishCategory);
      return { sort: this.data.sort, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) };
    },

    async reloadList() {
      this.setData({ listLoading: true, cards: [], next: '' });
      const page = await wish.list(this.query());
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      this.setData({ cards: page.data.items.map((c) => toCardView(c, imageUrl)), next: page.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await wish.list(this.query(this.data.next));
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      const more = page.data.items.map((c) => toCardView(c, imageUrl));
      this.setData({ cards: appendCards(this.data.cards, more), next: page.data.next ?? '' });
    },

    onCategory(e: Tap<{ value: string }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.category) return;
      this.setData({ category: value });
      void this.reloadList();
    },

    onSort(e: Tap<{ value: Sort }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.sort) return;
      this.setData({ sort: value });
      void this.reloadList();
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
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
