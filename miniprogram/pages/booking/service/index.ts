import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { SlotDay } from '../../../../typings/booking';
import * as booking from '../../../services/booking';
import { sendOnce } from '../../../services/retry';
import { offerNotice } from '../../../services/subscribe';
import { addDays, shanghaiDate } from '../../../utils/date';
import { ask, tell, toast } from '../../../utils/dialog';
import { BOOKING_PAGES } from '../../../utils/booking';
import { type DayView, type ServiceView, type SlotView, toDayView, toServiceView } from '../../../utils/booking-view';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

/** The day to show first: the first with a slot to pick, else the first open one, else the first. */
function firstDay(days: DayView[]): number {
  const free = days.findIndex((d) => d.free > 0);
  if (free >= 0) return free;
  return Math.max(0, days.findIndex((d) => d.open));
}

/**
 * 预约时段: a strip of days (closed days greyed, with why), the chosen day's slots with what is
 * left, booking with a confirmation, 候补 on a full slot; then the reminder offer and the booking.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed, freshOnShow],

  data: {
    id: '',
    service: null as ServiceView | null,
    days: [] as DayView[],
    dayIndex: 0,
    day: null as DayView | null,
    /** The first day shown ('' = today, the server's default). */
    from: '',
    hasEarlier: false,
    hasLater: false,
    picked: null as SlotView | null,
    busy: false,
    refusal: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? '';
      if (!id) return this.setData({ state: 'error', errorText: '服务不存在或已下线' });
      this.setData({ id });
      void this.start();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      await this.reload(true);
    },

    async reload(pickFirst = false) {
      const from = this.data.from;
      const res = await booking.slots({ serviceId: this.data.id, ...(from ? { from } : {}) });
      if (!res.ok) {
        // A 代办 or 上门帮办 service (the map links every service of a place here) has no slots.
        if (res.code === 'FAILED_PRECONDITION' && this.data.state !== 'ready') {
          return wx.redirectTo({ url: `${BOOKING_PAGES.errand}?serviceId=${this.data.id}` });
        }
        if (this.data.state === 'ready' && res.code !== 'NOT_FOUND') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const service = toServiceView(res.data.service);
      wx.setNavigationBarTitle({ title: service.name });
      this.show(service, res.data.days, pickFirst);
    },

    show(service: ServiceView, slotDays: SlotDay[], pickFirst: boolean) {
      const days = slotDays.map((d) => toDayView(d));
      const shown = this.data.day?.date;
      const kept = days.findIndex((d) => d.date === shown);
      const dayIndex = pickFirst || kept < 0 ? firstDay(days) : kept;
      const today = shanghaiDate();
      const lastBookable = addDays(today, service.horizonDays - 1);
      const lastShown = days[days.length - 1]?.date ?? today;
      const pickedId = this.data.picked?.id;
      const picked = days[dayIndex]?.slots.find((s) => s.id === pickedId && s.pickable) ?? null;
      this.setData({
        state: 'ready',
        service,
        days,
        dayIndex,
        day: days[dayIndex] ?? null,
        picked,
        hasEarlier: (days[0]?.date ?? today) > today,
        hasLater: lastShown < lastBookable,
      });
    },

    onDay(e: Tap<{ index: number }>) {
      const dayIndex = Number(e.currentTarget.dataset.index);
      if (dayIndex === this.data.dayIndex) return;
      this.setData({ dayIndex, day: this.data.days[dayIndex], picked: null, refusal: '' });
    },

    onWeek(e: Tap<{ dir: 'later' | 'earlier' }>) {
      const days = this.data.days;
      if (!days.length) return;
      const later = e.currentTarget.dataset.dir === 'later';
      const from = later ? addDays(days[days.length - 1].date, 1) : addDays(days[0].date, -7);
      const today = shanghaiDate();
      this.setData({ from: from <= today ? '' : from, picked: null, refusal: '' });
      void this.reload(true);
    },

    onSlot(e: Tap<{ index: number }>) {
      const slot = this.data.day?.slots[Number(e.currentTarget.dataset.index)];
      if (!slot) return;
      if (slot.mine) return wx.navigateTo({ url: `${BOOKING_PAGES.detail}?id=${slot.mineId}` });
      if (!slot.pickable) return toast(slot.status === 'past' ? '该时段已开始，请选择其他时段' : '该时段已约满，候补也已满，请选择其他时段');
      this.setData({ picked: slot, refusal: '' });
    },

    async onBook() {
      const { picked, day, service, busy } = this.data;
      if (busy || !picked || !day || !service) return;
      // Busy from the first tap: a second tap while the question is open does nothing.
      this.setData({ busy: true, refusal: '' });
      const wait = picked.waitlist;
      const content = [
        `${service.name}`,
        `${day.title} ${picked.time}`,
        `地点：${service.placeName}`,
        wait ? '该时段已约满，加入候补后有人取消时按顺序递补，递补成功会通知您。' : `请按时到场，出示预约码签到。${service.cutoffText}。`,
      ].join('\n');
      if (!(await ask(wait ? '加入候补' : '确认预约', content, wait ? '加入候补' : '确认预约'))) return this.setData({ busy: false });

      const req = { slotId: picked.id };
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.book({ ...req, requestId: rid(req) }), {
        title: '没有收到预约结果',
        again: '请再点一次，不会重复预约',
      });
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        tell(wait ? '未能候补' : '未能预约', res.message);
        return this.reload();
      }
      const b = res.data.booking;
      void this.reload();
      const open = () => wx.redirectTo({ url: `${BOOKING_PAGES.detail}?id=${b.id}` });
      if (b.status === 'waitlisted') {
        return offerNotice('已加入候补', `您是候补第${b.waitlistPosition ?? 1}位。递补成功时通知您，好吗？`, ['bookingPromoted', 'bookingReminder'], open);
      }
      offerNotice('预约成功', '开始前一天提醒您按时前往，好吗？', ['bookingReminder'], open);
    },

  },
});
