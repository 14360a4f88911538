import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as map from '../../../services/map';
import { PLACE_EDIT } from '../../../utils/entries';
import { toPlaceView } from '../../../utils/map';

/** Every place of the community, closed ones too, for staff to correct, close or reopen. */
Component({
  behaviors: [pagedList, staffPage],

  data: {
    total: 0,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      // Back from editing: names, hours and states may have changed.
      if (this.data.state === 'ready') void this.reload();
    },

    async start() {
      if (await this.ensureStaff(managersOnly)) await this.reload();
    },

    /** The first page says how many places there are in all. */
    async fetchPage(cursor?: string) {
      const res = await map.places({ includeClosed: true, ...(cursor ? { cursor } : {}) });
      if (res.ok && !cursor) this.setData({ total: res.data.total });
      return viewPage(res, toPlaceView);
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `${PLACE_EDIT}?id=${e.detail.id}` });
    },

    onCreate() {
      wx.navigateTo({ url: PLACE_EDIT });
    },
  },
});
