import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { toCardView } from '../../../utils/wish-view';
import { elderPage } from '../../../behaviors/elder-page';

type Tab = 'posted' | 'claimed';

Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  data: {
    tab: 'posted' as Tab,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.tab === 'claimed') this.setData({ tab: 'claimed' });
      void this.start();
    },

    async fetchPage(cursor?: string) {
      return viewPage(await wish.mine({ role: this.data.tab, ...(cursor ? { cursor } : {}) }), (c) => toCardView(c, imageUrl));
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      void this.switchList({ tab });
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

  },
});
