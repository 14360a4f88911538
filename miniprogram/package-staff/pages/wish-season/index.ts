import type { SeasonView, WishStats } from '../../../../typings/wish';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as wish from '../../../services/wish';
import { shanghaiDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import type { Change } from '../../../base/events';

/** A season runs about three months unless staff pick otherwise. */
const DEFAULT_DAYS = 90;

interface Current {
  name: string;
  collected: number;
  claimed: number;
  completed: number;
}

const toCurrent = (s: WishStats): Current | null =>
  s.season ? { name: s.season.name, collected: s.collected, claimed: s.claimed, completed: s.completed } : null;

Component({
  behaviors: [staffPage],

  data: {
    current: null as Current | null,
    seasons: [] as SeasonView[],
    name: '',
    namePlaceholder: '第1季',
    startDate: shanghaiDate(),
    endDate: shanghaiDate(Date.now(), DEFAULT_DAYS - 1),
    today: shanghaiDate(),
    saving: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      await this.reload();
    },

    async reload() {
      const res = await wish.stats({});
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const { seasons, stats } = res.data;
      const last = seasons.reduce((n, s) => Math.max(n, s.number), 0);
      // A new season starts the day after the last one ends, if that is still ahead.
      const lastEnd = seasons.reduce((d, s) => (s.endDate > d ? s.endDate : d), '');
      const start = lastEnd >= this.data.today ? nextDay(lastEnd) : this.data.today;
      this.setData({
        state: 'ready',
        current: toCurrent(stats),
        seasons,
        namePlaceholder: `第${last + 1}季`,
        startDate: start,
        endDate: addDays(start, DEFAULT_DAYS - 1),
      });
    },

    onName(e: Change) {
      this.setData({ name: e.detail.value });
    },

    onStart(e: Change) {
      const startDate = e.detail.value;
      this.setData({ startDate, endDate: this.data.endDate < startDate ? addDays(startDate, DEFAULT_DAYS - 1) : this.data.endDate });
    },

    onEnd(e: Change) {
      this.setData({ endDate: e.detail.value });
    },

    async onOpen() {
      if (this.data.saving) return;
      const { startDate, endDate } = this.data;
      const name = this.data.name.trim();
      if (endDate < startDate) return toast('结束日期不能早于开始日期');
      this.setData({ saving: true });
      const res = await wish.openSeason({ startDate, endDate, ...(name ? { name } : {}) });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      toast(`已开启${res.data.season.name}`);
      this.setData({ name: '' });
      await this.reload();
    },
  },
});

function addDays(date: string, days: number): string {
  // Noon in Shanghai: adding days never crosses a date line whatever the phone's zone.
  return shanghaiDate(Date.parse(`${date}T12:00:00+08:00`), days);
}

function nextDay(date: string): string {
  return addDays(date, 1);
}
