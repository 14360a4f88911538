import type { Booking } from '../../../../typings/booking';
import * as booking from '../../../services/booking';
import { type RetryKey, retryKey } from '../../../services/retry';
import * as session from '../../../services/session';
import { addDays, shanghaiDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import { personalCode } from '../../../utils/booking';
import { dayLabel } from '../../../utils/booking-view';
import { isManager, isStaff } from '../../../utils/labels';
import { scanQr } from '../../../utils/scan';
import { SUMMARY_LABELS, type ServiceGroup, groupByService } from './view';

interface Internals {
  key: RetryKey;
  /** The day's bookings loaded so far (pages of 20). */
  rows: Booking[];
}

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, D>;

/**
 * 今日预约 (staff and grid workers): one day's bookings per service with the day's counts (no-shows
 * included); 签到 by scanning the person's code or typing its 8 digits. Staff also print a place's
 * 现场签到码, which residents scan themselves.
 */
Component({
  lifetimes: {
    created() {
      (this as unknown as { _: Internals })._ = { key: retryKey(), rows: [] };
    },
  },

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    manager: false,
    date: '',
    dateText: '',
    isToday: true,
    services: [] as Array<{ id: string; name: string; placeId: string; placeName: string }>,
    serviceId: '',
    groups: [] as ServiceGroup[],
    summary: [] as Array<{ key: string; label: string; count: number }>,
    next: '',
    listLoading: false,
    code: '',
    busy: false,
    done: '',
    refusal: '',
    poster: null as { placeName: string; qr: string } | null,
  },

  methods: {
    internals(): Internals {
      return (this as unknown as { _: Internals })._;
    },

    onLoad(query: Record<string, string | undefined>) {
      this.setDate(query.date && /^\d{4}-\d{2}-\d{2}$/.test(query.date) ? query.date : shanghaiDate());
      if (query.serviceId) this.setData({ serviceId: query.serviceId });
      void this.start();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    setDate(date: string) {
      const today = shanghaiDate();
      const noon = Date.parse(`${date}T04:00:00Z`); // 12:00 in Shanghai that day
      const word = date === today ? '今天 ' : date === addDays(today, 1) ? '明天 ' : date === addDays(today, -1) ? '昨天 ' : '';
      this.setData({ date, dateText: `${word}${dayLabel(noon)}`, isToday: date === today });
      wx.setNavigationBarTitle({ title: date === today ? '今日预约' : '预约日程' });
    },

    async start() {
      const res = await session.ensureMe();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const me = res.data;
      // The server decides every check-in; this spares residents a page that would only refuse.
      if (!me.community || !isStaff(me.roles)) return this.setData({ state: 'forbidden' });
      this.setData({ manager: isManager(me.roles) });
      const [list] = await Promise.all([booking.services({ kind: 'appointment' }), this.reload()]);
      if (list.ok) this.setData({ services: list.data.items.map((s) => ({ id: s.id, name: s.name, placeId: s.placeId, placeName: s.placeName })) });
    },

    query(cursor?: string) {
      const { date, serviceId } = this.data;
      return { date, ...(serviceId ? { serviceId } : {}), ...(cursor ? { cursor } : {}) };
    },

    async reload() {
      this.setData({ listLoading: true });
      const res = await booking.schedule(this.query());
      this.setData({ listLoading: false });
      if (!res.ok) {
        if (res.code === 'FORBIDDEN') return this.setData({ state: 'forbidden' });
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.internals().rows = res.data.items;
      this.setData({
        state: 'ready',
        groups: groupByService(res.data.items),
        summary: SUMMARY_LABELS.map((s) => ({ ...s, count: res.data.summary[s.key] ?? 0 })),
        next: res.data.next ?? '',
      });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await booking.schedule(this.query(this.data.next));
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      const self = this.internals();
      const seen = new Set(self.rows.map((b) => b.id));
      self.rows = self.rows.concat(res.data.items.filter((b) => !seen.has(b.id)));
      this.setData({ groups: groupByService(self.rows), next: res.data.next ?? '' });
    },

    onDay(e: Tap<{ delta: number }>) {
      this.setDate(addDays(this.data.date, Number(e.currentTarget.dataset.delta)));
      void this.reload();
    },

    onService(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id ?? '';
      if (id === this.data.serviceId) return;
      this.setData({ serviceId: id, poster: null });
      void this.reload();
    },

    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value });
    },

    async onScan() {
      if (this.data.busy) return;
      const text = await scanQr();
      if (text === null) return;
      const code = personalCode(text);
      if (!code) return tell('无法识别', '这不是红邻的预约码，请让居民打开预约详情出示预约码');
      await this.checkIn(code);
    },

    async onSubmit() {
      const code = personalCode(this.data.code);
      if (!code) return toast('请输入8位数字预约码');
      await this.checkIn(code);
    },

    async checkIn(code: string) {
      if (this.data.busy) return;
      this.setData({ busy: true, refusal: '', done: '' });
      const key = this.internals().key;
      const res = await booking.checkIn({ code, requestId: key.for({ code }) });
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到签到结果', `${res.message}。请再签到一次，不会重复签到。`);
        key.settle();
        this.setData({ refusal: res.message });
        return tell('未能签到', res.message);
      }
      key.settle();
      const b = res.data.booking;
      const s = res.data.signup;
      const done = b ? `${b.who} · ${b.serviceName} ${b.time}` : s ? `${s.who} · ${s.title}` : '';
      this.setData({ code: '', done });
      toast('签到成功');
      await this.reload();
    },

    /** Staff: the check-in poster of the chosen service's place. */
    async onPoster() {
      const s = this.data.services.find((x) => x.id === this.data.serviceId);
      if (!s || this.data.busy) return toast('请先选择一项服务');
      this.setData({ busy: true });
      const res = await booking.placeCode({ placeId: s.placeId });
      this.setData({ busy: false });
      if (!res.ok) return toast(res.message);
      this.setData({ poster: { placeName: res.data.placeName, qr: res.data.qr } });
    },
  },
});
