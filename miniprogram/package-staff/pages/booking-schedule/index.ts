import { retryKeyed } from '../../../behaviors/retry-key';
import type { Booking } from '../../../../typings/booking';
import { pagedList } from '../../../behaviors/paged-list';
import { staffPage } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import { sendOnce } from '../../../services/retry';
import { addDays, shanghaiDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import { personalCode } from '../../../utils/booking';
import { dayLabel } from '../../../utils/booking-view';
import { isManager } from '../../../utils/labels';
import { scanQr } from '../../../utils/scan';
import { SUMMARY_LABELS, type ServiceGroup, groupByService } from './view';
import type { Change, Tap } from '../../../base/events';

/**
 * 今日预约 (staff and grid workers): one day's bookings per service with the day's counts (no-shows
 * included); 签到 by scanning the person's code or typing its 8 digits. Staff also print a place's
 * 现场签到码, which residents scan themselves.
 */
Component({
  behaviors: [retryKeyed, pagedList, staffPage],

  observers: {
    // The day's bookings loaded so far (pages of 20), shown per service.
    items(rows: Booking[]) {
      this.setData({ groups: groupByService(rows) });
    },
  },

  data: {
    manager: false,
    date: '',
    dateText: '',
    isToday: true,
    services: [] as Array<{ id: string; name: string; placeId: string; placeName: string }>,
    serviceId: '',
    groups: [] as ServiceGroup[],
    summary: [] as Array<{ key: string; label: string; count: number }>,
    code: '',
    busy: false,
    done: '',
    refusal: '',
    poster: null as { placeName: string; qr: string } | null,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setDate(query.date && /^\d{4}-\d{2}-\d{2}$/.test(query.date) ? query.date : shanghaiDate());
      if (query.serviceId) this.setData({ serviceId: query.serviceId });
      void this.start();
    },

    setDate(date: string) {
      const today = shanghaiDate();
      const noon = Date.parse(`${date}T04:00:00Z`); // 12:00 in Shanghai that day
      const word = date === today ? '今天 ' : date === addDays(today, 1) ? '明天 ' : date === addDays(today, -1) ? '昨天 ' : '';
      this.setData({ date, dateText: `${word}${dayLabel(noon)}`, isToday: date === today });
      wx.setNavigationBarTitle({ title: date === today ? '今日预约' : '预约日程' });
    },

    async start() {
      // The server decides every check-in; this spares residents a page that would only refuse.
      const me = await this.ensureStaff();
      if (!me) return;
      this.setData({ manager: isManager(me.roles) });
      const [list] = await Promise.all([booking.services({ kind: 'appointment' }), this.reload()]);
      if (list.ok) this.setData({ services: list.data.items.map((s) => ({ id: s.id, name: s.name, placeId: s.placeId, placeName: s.placeName })) });
    },

    listKey(): string {
      return `${this.data.date} ${this.data.serviceId}`;
    },

    /** The first page comes with the day's counts. */
    async fetchPage(cursor?: string) {
      const { date, serviceId } = this.data;
      const key = this.listKey();
      const res = await booking.schedule({ date, ...(serviceId ? { serviceId } : {}), ...(cursor ? { cursor } : {}) });
      if (res.ok && !cursor && key === this.listKey()) this.setData({ summary: SUMMARY_LABELS.map((s) => ({ ...s, count: res.data.summary[s.key] ?? 0 })) });
      return res;
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

    onCode(e: Change) {
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
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.checkIn({ code, requestId: rid({ code }) }), { title: '没有收到签到结果', again: '请再签到一次，不会重复签到' });
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        return tell('未能签到', res.message);
      }
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
