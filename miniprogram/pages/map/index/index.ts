import type { LatLng, MapApi, PlaceCategory } from '../../../../typings/map';
import { type Located, locate, navigateTo, openLocationSetting } from '../../../services/location';
import * as map from '../../../services/map';
import * as session from '../../../services/session';
import { COMMUNITY_INTRO } from '../../../utils/routes';
import {
  type ChipView,
  type MarkerView,
  type PlaceView,
  type Within,
  appendPlaces,
  categoryChips,
  centerOf,
  toMarkers,
  toPlaceView,
  walkCircles,
} from '../../../utils/map-view';
import { toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

type PlacesRes = MapApi['places']['res'];

/** Where the map would look with nothing to show; it is hidden then (no places, no position). */
const NOWHERE: LatLng = { lat: 32.85, lng: 120.32 };

Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'unbound',
    errorText: '',
    communityName: '',
    /** locating → ok (sorted by distance) or off (sorted by name, with a way to try again). */
    loc: 'locating' as 'locating' | 'ok' | 'off',
    /** The refusal came from the person or WeChat's settings: only the settings page can undo it. */
    denied: false,
    location: null as LatLng | null,
    center: NOWHERE,
    chips: [] as ChipView[],
    category: '',
    within: 0 as Within,
    circleCounts: null as { five: number; ten: number } | null,
    total: 0,
    places: [] as PlaceView[],
    markers: [] as MarkerView[],
    mapCircles: [] as ReturnType<typeof walkCircles>,
    includePoints: [] as { latitude: number; longitude: number }[],
    /** Index of the place whose marker was tapped, or -1. */
    selected: -1,
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') {
        this.useLocation(await locate());
        await this.reload();
      } else {
        await this.start();
      }
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    /** Who and where, together; then the first page: two calls in all. */
    async start() {
      const [me, located] = await Promise.all([session.ensureMe(), locate()]);
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      this.setData({ communityName: me.data.community.name });
      this.useLocation(located);
      await this.reload();
    },

    useLocation(located: Located) {
      if (located.ok) this.setData({ loc: 'ok', denied: false, location: located.location });
      // A position found earlier stays good enough when a later attempt fails.
      else if (!this.data.location) this.setData({ loc: 'off', denied: located.denied, within: 0 });
    },

    query(cursor?: string): MapApi['places']['req'] {
      const { category, location, within } = this.data;
      return {
        ...(category ? { category: category as PlaceCategory } : {}),
        ...(location ? { location } : {}),
        ...(location && within ? { within } : {}),
        ...(cursor ? { cursor } : {}),
      };
    },

    async reload() {
      this.setData({ listLoading: true });
      const res = await map.places(this.query());
      this.setData({ listLoading: false });
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.show(res.data, res.data.items.map(toPlaceView));
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await map.places(this.query(this.data.next));
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      this.show(res.data, appendPlaces(this.data.places, res.data.items.map(toPlaceView)));
    },

    show(data: PlacesRes, places: PlaceView[]) {
      const { location, within } = this.data;
      const markers = toMarkers(places);
      const points = markers.map((m) => ({ latitude: m.latitude, longitude: m.longitude }));
      if (location) points.push({ latitude: location.lat, longitude: location.lng });
      this.setData({
        state: 'ready',
        chips: categoryChips(data.categories),
        total: data.total,
        // The circle counts are shown on the 服务圈 buttons: take them from an unfiltered answer.
        circleCounts: data.circles && !within ? data.circles : this.data.circleCounts,
        places,
        markers,
        mapCircles: walkCircles(location, within),
        includePoints: points,
        center: centerOf(location, places, NOWHERE),
        selected: -1,
        next: data.next ?? '',
      });
    },

    onCategory(e: Tap<{ value: string }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.category || this.data.listLoading) return;
      // Counts of the 服务圈 belong to a category: unknown for the new one while a circle is on.
      this.setData({ category: value, ...(this.data.within ? { circleCounts: null } : {}) });
      void this.reload();
    },

    onWithin(e: Tap<{ value: number }>) {
      const value = Number(e.currentTarget.dataset.value) as Within;
      if (!this.data.location) return toast('需要您的位置才能按步行时间筛选');
      if (value === this.data.within || this.data.listLoading) return;
      this.setData({ within: value });
      void this.reload();
    },

    /** 点此重新定位: a refusal can only be lifted on the settings page; other failures are retried. */
    async onRelocate() {
      if (this.data.denied && !(await openLocationSetting())) return;
      const located = await locate();
      if (!located.ok) {
        this.setData({ denied: located.denied });
        return toast(located.denied ? '请在设置中允许使用位置信息' : '定位失败，请打开手机的定位服务后再试');
      }
      this.useLocation(located);
      await this.reload();
    },

    onMyLocation() {
      if (!this.data.location) return void this.onRelocate();
      wx.createMapContext('map', this).moveToLocation({});
    },

    onMarker(e: WechatMiniprogram.CustomEvent<{ markerId: number }>) {
      const i = Number(e.detail.markerId);
      if (this.data.places[i]) this.setData({ selected: i });
    },

    onCallout(e: WechatMiniprogram.CustomEvent<{ markerId: number }>) {
      const p = this.data.places[Number(e.detail.markerId)];
      if (p) this.open(p.id);
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      this.open(e.detail.id);
    },

    open(id: string) {
      wx.navigateTo({ url: `/pages/map/place/index?id=${id}` });
    },

    onNavigate(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      const p = this.data.places.find((x) => x.id === e.detail.id);
      if (p) navigateTo({ location: { lat: p.lat, lng: p.lng }, name: p.name, address: p.address });
    },

    onIntro() {
      wx.navigateTo({ url: COMMUNITY_INTRO });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
