import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as lists from '../../../services/lists';
import { LISTS_PAGES } from '../../../utils/routes';
import { forResident, toTicketCardView } from '../../../utils/ticket-view';
import { elderPage } from '../../../behaviors/elder-page';

/** 我的诉求: what I raised, the latest first, with where each stands and its deadline. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  methods: {
    onLoad() {
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const now = Date.now();
      return viewPage(await lists.tickets({ scope: 'mine', ...(cursor ? { cursor } : {}) }), (t) => forResident(toTicketCardView(t, now), now));
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${LISTS_PAGES.ticket}?id=${e.currentTarget.dataset.id}` });
    },

    onNew() {
      wx.navigateTo({ url: LISTS_PAGES.request });
    },

  },
});
