import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { addDays, shanghaiDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { chartCanvas, drawChart } from './draw';
import { PERIODS, toChartSpecs, type ChartSpec } from './view';

/**
 * 数据看板: the charts a 书记 puts in a report — requests and the on-time rate by week, each grid,
 * the categories, the seasons' wishes and volunteer hours — over the last weeks, from one call.
 * Each chart says its figures in words too.
 */
Component({
  behaviors: [staffPage],

  data: {
    periods: PERIODS,
    weeks: 12,
    from: '',
    to: '',
    loading: false,
    charts: [] as ChartSpec[],
    /** The client has no canvas 2d: the figures are shown in words only. */
    noCanvas: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      await this.load();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.load();
      wx.stopPullDownRefresh();
    },

    async load() {
      const weeks = this.data.weeks;
      const to = shanghaiDate();
      this.setData({ loading: true });
      const res = await lists.charts({ from: addDays(to, -7 * (weeks - 1)), to });
      // Another period was chosen meanwhile: its answer is the one to show.
      if (weeks !== this.data.weeks) return;
      this.setData({ loading: false });
      if (!res.ok) {
        if (res.code === 'FORBIDDEN') return this.setData({ state: 'forbidden' });
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.setData({ state: 'ready', from: res.data.from, to: res.data.to, charts: toChartSpecs(res.data) }, () => void this.draw());
    },

    /** Draws every chart with figures once the canvases are laid out. */
    async draw() {
      const pixelRatio = wx.getWindowInfo().pixelRatio;
      for (const spec of this.data.charts) {
        if (spec.empty) continue;
        const canvas = await chartCanvas(this, `#chart-${spec.id}`);
        if (!canvas) return this.setData({ noCanvas: true });
        drawChart(canvas, spec, pixelRatio);
      }
    },

    onPeriod(e: Tap<{ weeks: number }>) {
      const weeks = Number(e.currentTarget.dataset.weeks);
      if (weeks === this.data.weeks) return;
      this.setData({ weeks });
      void this.load();
    },
  },
});
