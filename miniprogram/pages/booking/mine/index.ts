import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Booking, Errand, ServiceHoursSummary, Signup } from '../../../../typings/booking';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as booking from '../../../services/booking';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { BOOKING_PAGES, hoursText, scanKind } from '../../../utils/booking';
import { type BookingView, type ErrandView, type SignupView, toBookingView, toErrandView, toSignupView } from '../../../utils/booking-view';
import { scanQr } from '../../../utils/scan';
import { elderPage } from '../../../behaviors/elder-page';

type Kind = 'bookings' | 'errands' | 'signups';

const TABS: Array<{ value: Kind; label: string }> = [
  { value: 'bookings', label: '预约' },
  { value: 'errands', label: '代办帮办' },
  { value: 'signups', label: '志愿活动' },
];

type Item = BookingView | ErrandView | SignupView;

/** 我的预约: bookings, errands and activity sign-ups, with my service hours and 扫码签到 at a place. */
Component({
  behaviors: [elderPage, memberPage, pagedList, retryKeyed, freshOnShow],

  data: {
    tabs: TABS,
    tab: 'bookings' as Kind,
    hours: null as { hours: string; activities: number } | null,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.value === query.tab);
      if (tab) this.setData({ tab: tab.value });
      void this.start();
    },

    view(kind: Kind, item: Booking | Errand | Signup): Item {
      if (kind === 'bookings') return toBookingView(item as Booking);
      if (kind === 'errands') return toErrandView(item as Errand);
      return toSignupView(item as Signup);
    },

    showHours(h: ServiceHoursSummary | undefined) {
      if (h) this.setData({ hours: { hours: hoursText(h.minutes), activities: h.activities } });
    },

    async fetchPage(cursor?: string) {
      const kind = this.data.tab;
      const res = await booking.mine({ kind, ...(cursor ? { cursor } : {}) });
      if (res.ok && !cursor) this.showHours(res.data.hours);
      return viewPage(res, (x) => this.view(kind, x));
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Kind }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      void this.switchList({ tab });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${BOOKING_PAGES.detail}?id=${e.currentTarget.dataset.id}` });
    },

    onBrowse() {
      const tab = this.data.tab === 'signups' ? '?tab=activity' : this.data.tab === 'errands' ? '?tab=proxy' : '';
      wx.navigateTo({ url: `${BOOKING_PAGES.index}${tab}` });
    },

    /** At the place: the resident scans its check-in poster (or an activity's code) to check in. */
    async onScan() {
      if (this.data.busy) return;
      const text = await scanQr();
      if (text === null) return;
      const kind = scanKind(text);
      if (kind === 'personal') return tell('这是预约码', '这是您的个人预约码，请向工作人员出示；自助签到请扫描现场张贴的签到码');
      if (!kind) return tell('无法识别', '请扫描服务点张贴的签到码，或活动现场工作人员出示的签到码');
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.checkIn({ code: text, requestId: rid({ code: text }) }), {
        title: '没有收到签到结果',
        again: '请再扫一次，不会重复签到',
      });
      if (!res) return;
      if (!res.ok) return tell('未能签到', res.message);
      const done = res.data.booking ?? res.data.signup;
      toast(res.data.booking ? `签到成功：${res.data.booking.serviceName}` : '签到成功');
      await this.reload();
      if (done) wx.navigateTo({ url: `${BOOKING_PAGES.detail}?id=${done.id}` });
    },

  },
});
