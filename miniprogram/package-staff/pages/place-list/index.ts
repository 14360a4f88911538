import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as map from '../../../services/map';
import { PLACE_EDIT } from '../../../utils/routes';
import { toPlaceView } from '../../../utils/map-view';

/** Every place of the community, closed ones too, for staff to correct, close or reopen. */
Component({
  behaviors: [pagedList, managersList, freshOnShow],

  data: {
    total: 0,
  },

  methods: {
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
