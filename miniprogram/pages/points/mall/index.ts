import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as points from '../../../services/points';
import { imageUrl } from '../../../services/storage';
import { POINTS_PAGES } from '../../../utils/routes';
import { toGoodsView } from '../../../utils/points-view';
import { elderPage } from '../../../behaviors/elder-page';

/** 积分商城: what the community's points buy, with what is left and where to pick it up. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  data: {
    balance: 0,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    /** The first page comes with the balance, read at the same time. */
    async fetchPage(cursor?: string) {
      const [page, bal] = await Promise.all([points.goods(cursor ? { cursor } : {}), cursor ? null : points.balance()]);
      if (page.ok && bal?.ok) this.setData({ balance: bal.data.balance });
      return viewPage(page, (g) => toGoodsView(g, imageUrl));
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${POINTS_PAGES.goods}?id=${e.currentTarget.dataset.id}` });
    },

    onOrders() {
      wx.navigateTo({ url: POINTS_PAGES.orders });
    },

  },
});
