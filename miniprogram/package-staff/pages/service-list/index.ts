import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import { toServiceView } from '../../../utils/booking-view';
import { STAFF_BOOKING_PAGES } from '../../../utils/routes';

/** 服务管理 (staff): every service of the community, paused ones too; open one to edit or pause it. */
Component({
  behaviors: [pagedList, managersList, freshOnShow],

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await booking.services({ includePaused: true, ...(cursor ? { cursor } : {}) }), toServiceView);
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${STAFF_BOOKING_PAGES.serviceEdit}?id=${e.currentTarget.dataset.id}` });
    },

    onCreate() {
      wx.navigateTo({ url: STAFF_BOOKING_PAGES.serviceEdit });
    },
  },
});
