import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { detailPage, pick } from '../../../behaviors/detail-page';
import type { PlaceDetail } from '../../../../typings/map';
import { lastLocation, navigateTo } from '../../../services/location';
import * as map from '../../../services/map';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import { PLACE_EDIT } from '../../../utils/routes';
import { isManager } from '../../../utils/labels';
import { type DetailView, toDetailView } from './view';
import { elderPage } from '../../../behaviors/elder-page';

/** Where 预约 leads: the booking feature's service page. */
const BOOKING_PAGE = '/pages/booking/service/index';

Component({
  behaviors: [elderPage, detailPage, freshOnShow],

  data: {
    goneText: '地点不存在或已关闭',
    place: null as DetailView | null,
    /** Staff of the community may edit the place. */
    canEdit: false,
    /** The first bookable service, for 预约. */
    serviceId: '',
  },

  methods: {
    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      this.setData({ canEdit: isManager(me.data.roles) });
      await this.reload();
    },

    async fetchDetail() {
      const location = lastLocation();
      return pick(await map.place({ id: this.data.id, ...(location ? { location } : {}) }), (d) => d.place);
    },

    show(p: PlaceDetail) {
      wx.setNavigationBarTitle({ title: p.name });
      this.setData({ state: 'ready', place: toDetailView(p, imageUrl), serviceId: p.bookableServiceIds[0] ?? '' });
    },

    onNavigate() {
      const p = this.data.place;
      if (p) navigateTo({ location: { lat: p.lat, lng: p.lng }, name: p.name, address: p.address });
    },

    onCall() {
      const phoneNumber = this.data.place?.phone;
      if (phoneNumber) wx.makePhoneCall({ phoneNumber });
    },

    onBook() {
      if (this.data.serviceId) wx.navigateTo({ url: `${BOOKING_PAGE}?id=${this.data.serviceId}` });
    },

    onEdit() {
      if (this.data.canEdit) wx.navigateTo({ url: `${PLACE_EDIT}?id=${this.data.id}` });
    },

    onPreview(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: this.data.place?.photos ?? [] });
    },

  },
});
