import * as booking from '../../../services/booking';
import * as session from '../../../services/session';
import { toast } from '../../../utils/dialog';
import { type ServiceView, toServiceView } from '../../../utils/booking-view';
import { STAFF_BOOKING_PAGES } from '../../../utils/entries';
import { isManager } from '../../../utils/labels';
import { appendById } from '../../../utils/points';

/** 服务管理 (staff): every service of the community, paused ones too; open one to edit or pause it. */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    items: [] as ServiceView[],
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      if (this.data.state === 'ready') void this.reload();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const res = await session.ensureMe();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      if (!res.data.community || !isManager(res.data.roles)) return this.setData({ state: 'forbidden' });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const res = await booking.services({ includePaused: true });
      this.setData({ listLoading: false });
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', items: res.data.items.map(toServiceView), next: res.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await booking.services({ includePaused: true, cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      this.setData({ items: appendById(this.data.items, res.data.items.map(toServiceView)), next: res.data.next ?? '' });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${STAFF_BOOKING_PAGES.serviceEdit}?id=${e.currentTarget.dataset.id}` });
    },

    onCreate() {
      wx.navigateTo({ url: STAFF_BOOKING_PAGES.serviceEdit });
    },
  },
});
