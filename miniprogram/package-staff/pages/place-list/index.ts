import * as map from '../../../services/map';
import * as session from '../../../services/session';
import { PLACE_EDIT } from '../../../utils/entries';
import { isManager } from '../../../utils/labels';
import { type PlaceView, appendPlaces, toPlaceView } from '../../../utils/map';

function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

/** Every place of the community, closed ones too, for staff to correct, close or reopen. */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    places: [] as PlaceView[],
    total: 0,
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      // Back from editing: names, hours and states may have changed.
      if (this.data.state === 'ready') void this.reload();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!isManager(me.data.roles) || !me.data.community) return this.setData({ state: 'forbidden' });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const res = await map.places({ includeClosed: true });
      this.setData({ listLoading: false });
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.setData({ state: 'ready', places: res.data.items.map(toPlaceView), total: res.data.total, next: res.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await map.places({ includeClosed: true, cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      this.setData({ places: appendPlaces(this.data.places, res.data.items.map(toPlaceView)), next: res.data.next ?? '' });
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `${PLACE_EDIT}?id=${e.detail.id}` });
    },

    onCreate() {
      wx.navigateTo({ url: PLACE_EDIT });
    },
  },
});
