import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import { toServiceView } from '../../../utils/booking-view';
import { STAFF_BOOKING_PAGES } from '../../../utils/entries';

/** 服务管理 (staff): every service of the community, paused ones too; open one to edit or pause it. */
Component({
  behaviors: [pagedList, staffPage],

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      if (this.data.state === 'ready') void this.reload();
    },

    async start() {
      if (await this.ensureStaff(managersOnly)) await this.reload();
    },

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
