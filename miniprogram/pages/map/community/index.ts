import * as map from '../../../services/map';
import { navigateTo } from '../../../services/location';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import { type PlaceView, toPlaceView } from '../../../utils/map-view';
import { type IntroView, contactText, toIntroView } from './view';
import { toast } from '../../../utils/dialog';
import { BRAND_RED } from '../../../utils/brand';
import { COMMUNITY_INTRO } from '../../../utils/routes';
import { sharePath } from '../../../utils/share';
import { elderPage } from '../../../behaviors/elder-page';

/** Where the community's public service line comes from. */
const SERVICE_CENTRE = '党群服务中心';
/** How many centres to ask for a public phone before giving up. */
const PHONE_LOOKUPS = 3;

Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'unbound',
    errorText: '',
    intro: null as IntroView | null,
    centres: [] as PlaceView[],
    /** The community's public service number, once looked up ('' before, '-' when there is none). */
    servicePhone: '',
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    /** 转发: the community intro, opened by a friend, brings them into this community. */
    onShareAppMessage(): WechatMiniprogram.Page.ICustomShareContent {
      const me = session.current();
      return { title: `${me?.community?.name ?? '红邻'}·社区简介`, path: sharePath(COMMUNITY_INTRO, {}, me?.community?.code) };
    },

    async onPullDownRefresh() {
      await this.start();
      wx.stopPullDownRefresh();
    },

    /** Who, then the intro and the service centres together: three calls. */
    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      const [intro, centres] = await Promise.all([map.community(), map.places({ category: SERVICE_CENTRE })]);
      if (!intro.ok) return this.setData({ state: 'error', errorText: intro.message });
      wx.setNavigationBarTitle({ title: intro.data.community.name });
      this.setData({
        state: 'ready',
        intro: toIntroView(intro.data.community, imageUrl),
        centres: centres.ok ? centres.data.items.map(toPlaceView) : [],
      });
    },

    /** The first public number among the service centres; looked up on the first 联系网格员. */
    async findServicePhone(): Promise<string> {
      if (this.data.servicePhone) return this.data.servicePhone === '-' ? '' : this.data.servicePhone;
      for (const c of this.data.centres.slice(0, PHONE_LOOKUPS)) {
        const res = await map.place({ id: c.id });
        if (!res.ok) continue;
        if (res.data.place.phone) {
          this.setData({ servicePhone: res.data.place.phone });
          return res.data.place.phone;
        }
      }
      this.setData({ servicePhone: '-' });
      return '';
    },

    async onContact(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const grid = this.data.intro?.grids[Number(e.currentTarget.dataset.index)];
      if (!grid || this.data.busy) return;
      this.setData({ busy: true });
      const phone = await this.findServicePhone();
      this.setData({ busy: false });
      wx.showModal({
        title: '联系网格员',
        content: contactText(grid, phone),
        showCancel: !!phone,
        confirmText: phone ? '拨打' : '知道了',
        cancelText: '取消',
        confirmColor: BRAND_RED,
        success: (r) => {
          if (phone && r.confirm) wx.makePhoneCall({ phoneNumber: phone, fail: () => toast('没有拨出，请稍后再试') });
        },
      });
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/map/place/index?id=${e.detail.id}` });
    },

    onNavigate(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      const p = this.data.centres.find((x) => x.id === e.detail.id);
      if (p) navigateTo({ location: { lat: p.lat, lng: p.lng }, name: p.name, address: p.address });
    },

    onMap() {
      wx.switchTab({ url: '/pages/map/index/index' });
    },

    onPreview(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: this.data.intro?.photos ?? [] });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
