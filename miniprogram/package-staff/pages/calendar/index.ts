import type { CalendarDay } from '../../../../typings/booking';
import { instanceState } from '../../../base/instance';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as booking from '../../../services/booking';
import { sendOnce } from '../../../services/retry';
import { shanghaiDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import { type DayCell, cellsOf, dayStatus, dayTitle, horizonNotice, monthRange, monthTitle, shiftMonth } from './view';
import type { Change, Tap } from '../../../base/events';

/** The month's days as last read, to open one by its date without keeping them in `data`. */
const shown = instanceState<{ days: CalendarDay[] }>(() => ({ days: [] }));

interface Picked {
  date: string;
  title: string;
  status: string;
  workday: boolean;
  community: boolean;
}

/**
 * 工作日历: the month as the community's working-day calendar has it (班/休, the festival, 预估 for
 * days past the official arrangement); staff tap a day to make it a working day or a day off, with
 * the festival's name, or to restore the official or estimated day.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    month: shanghaiDate().slice(0, 7),
    monthTitle: '',
    today: shanghaiDate(),
    cells: [] as DayCell[],
    special: [] as Array<{ date: string; text: string }>,
    notice: '',
    picked: null as Picked | null,
    name: '',
    busy: false,
  },

  methods: {
    onLoad(query: { month?: string }) {
      if (query.month && /^\d{4}-\d{2}$/.test(query.month)) this.setData({ month: query.month });
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      await this.reload();
    },

    async reload() {
      const { month } = this.data;
      const res = await booking.calendar(monthRange(month));
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data.days);
      this.setData({ state: 'ready', monthTitle: monthTitle(month), notice: horizonNotice(res.data.horizon) });
    },

    show(days: CalendarDay[]) {
      shown(this).days = days;
      const picked = this.data.picked ? days.find((d) => d.date === this.data.picked!.date) : undefined;
      this.setData({
        cells: cellsOf(days, this.data.today, picked?.date ?? ''),
        special: days.filter((d) => d.name || d.workday === isWeekendDay(d.date) || d.source === 'community').map((d) => ({ date: d.date, text: `${dayTitle(d.date)}：${dayStatus(d)}` })),
        picked: picked ? pickedOf(picked) : null,
      });
    },

    async onMonth(e: Tap<{ step: number }>) {
      if (this.data.busy) return;
      const month = shiftMonth(this.data.month, Number(e.currentTarget.dataset.step));
      this.setData({ month, picked: null, name: '' });
      await this.reload();
    },

    onDay(e: Tap<{ date: string }>) {
      const days = shown(this).days;
      const d = days.find((x) => x.date === e.currentTarget.dataset.date);
      if (!d) return;
      this.setData({ picked: pickedOf(d), name: d.name ?? '', cells: this.data.cells.map((c) => ({ ...c, selected: c.date === d.date })) });
    },

    onName(e: Change) {
      this.setData({ name: e.detail.value });
    },

    async onSet(e: Tap<{ workday: string }>) {
      const picked = this.data.picked;
      if (!picked || this.data.busy) return;
      const workday = e.currentTarget.dataset.workday === 'true';
      const name = this.data.name.trim();
      await this.change({ op: 'set', date: picked.date, workday, name }, (requestId) =>
        booking.setCalendarDay({ date: picked.date, workday, ...(name ? { name } : {}), requestId }),
      );
    },

    async onRestore() {
      const picked = this.data.picked;
      if (!picked || this.data.busy) return;
      await this.change({ op: 'clear', date: picked.date }, (requestId) => booking.clearCalendarDay({ date: picked.date, requestId }));
    },

    async change(what: object, send: (requestId: string) => ReturnType<typeof booking.clearCalendarDay>) {
      const res = await sendOnce(this, this.retryKey(), (rid) => send(rid(what)), { again: '请再点一次，不会重复设置' });
      if (!res) return;
      if (!res.ok) return tell('未能保存', res.message);
      toast('已保存');
      await this.reload();
    },
  },
});

function isWeekendDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

function pickedOf(d: CalendarDay): Picked {
  return { date: d.date, title: dayTitle(d.date), status: dayStatus(d), workday: d.workday, community: d.source === 'community' };
}
