import type { DeadlineHours, ExportList } from '../../../../typings/lists';
import { retryKeyed } from '../../../behaviors/retry-key';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { copyCsv, readExport, saveText } from '../../../services/files';
import { tell, toast } from '../../../utils/dialog';
import { isManager } from '../../../utils/labels';
import { DEADLINE_HOURS_CHOICES, EXPORT_LISTS, type RatingView, type StatsView, thisMonth, toRatingView, toStatsView } from './view';
import type { Change, Tap } from '../../../base/events';
import { instanceState } from '../../../base/instance';

/** The last export, kept off the page data (it may be large). */
const exported = instanceState(() => ({ csv: '' }));

/**
 * 办结统计: over a date range (this month unless chosen), the on-time rate — tickets still open
 * past their deadline count as late — completion, satisfaction and counts, for the community and
 * each grid; the lists as they stand; and CSV exports for the office.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    from: '',
    to: '',
    today: '',
    loading: false,
    stats: null as StatsView | null,
    exports: EXPORT_LISTS,
    exporting: '' as ExportList | '',
    exported: null as { label: string; rows: number; filename: string; saved: boolean } | null,
    /** 简单事项24小时办结: how the hours count; admins change it here. */
    hoursChoices: DEADLINE_HOURS_CHOICES,
    deadlineHours: '' as DeadlineHours | '',
    admin: false,
    savingHours: false,
    /** 网格员星级评定 over the chosen range, read when asked for (it is not on the first screen). */
    ratings: null as RatingView[] | null,
    ratingsFormula: '',
    ratingsLoading: false,
  },

  methods: {
    onLoad() {
      const { from, to } = thisMonth();
      this.setData({ from, to, today: to });
      void this.start();
    },

    async start() {
      const me = await this.ensureStaff((m) => isManager(m.roles));
      if (!me) return;
      this.setData({ admin: me.roles.includes('admin') });
      await Promise.all([this.load(), this.loadSettings()]);
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.load();
      wx.stopPullDownRefresh();
    },

    async load() {
      const { from, to } = this.data;
      this.setData({ loading: true });
      const res = await lists.stats({ from, to });
      // Another range was chosen meanwhile: its answer is the one to show.
      if (from !== this.data.from || to !== this.data.to) return;
      this.setData({ loading: false, ratings: null });
      if (!res.ok) {
        if (res.code === 'FORBIDDEN') return this.setData({ state: 'forbidden' });
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.setData({ state: 'ready', stats: toStatsView(res.data) });
    },

    /** 网格员星级评定: each grid worker's stars and 金银铜 over the same range, computed now. */
    async onRatings() {
      const { from, to } = this.data;
      if (this.data.ratingsLoading) return;
      this.setData({ ratingsLoading: true });
      const res = await lists.workerRatings({ from, to });
      if (from !== this.data.from || to !== this.data.to) return this.setData({ ratingsLoading: false });
      this.setData({ ratingsLoading: false });
      if (!res.ok) return tell('没有读到评定', res.message);
      this.setData({ ratings: res.data.items.map(toRatingView), ratingsFormula: res.data.formula });
    },

    async loadSettings() {
      const res = await lists.settings({});
      if (res.ok) this.setData({ deadlineHours: res.data.settings.deadlineHours });
    },

    /** New tickets count their 24 hours this way; running clocks keep the way they started with. */
    async onDeadlineHours(e: Tap<{ value: DeadlineHours }>) {
      const value = e.currentTarget.dataset.value;
      if (!this.data.admin || this.data.savingHours || value === this.data.deadlineHours) return;
      this.setData({ savingHours: true });
      const key = this.retryKey();
      const res = await lists.setSettings({ deadlineHours: value, requestId: key.for({ deadlineHours: value }) });
      this.setData({ savingHours: false });
      if (!res.ok) {
        if (res.code !== 'INTERNAL') key.settle();
        return tell('没有保存', res.message);
      }
      key.settle();
      this.setData({ deadlineHours: res.data.settings.deadlineHours });
      toast('已保存，新提交的简单事项按此计时');
    },

    onFrom(e: Change) {
      const from = e.detail.value;
      if (from > this.data.to) return toast('开始日期不能晚于结束日期');
      this.setData({ from });
      void this.load();
    },

    onTo(e: Change) {
      const to = e.detail.value;
      if (to < this.data.from) return toast('结束日期不能早于开始日期');
      this.setData({ to });
      void this.load();
    },

    onThisMonth() {
      this.setData(thisMonth());
      void this.load();
    },

    /** Reads every page of one list, then keeps the file on the phone and offers to copy it. */
    async onExport(e: Tap<{ list: ExportList }>) {
      const list = e.currentTarget.dataset.list;
      const label = EXPORT_LISTS.find((x) => x.list === list)?.label ?? '';
      if (this.data.exporting) return;
      this.setData({ exporting: list, exported: null });
      const res = await readExport((cursor) => lists.exportCsv({ list, ...(cursor ? { cursor } : {}) }));
      if (!res.ok) {
        this.setData({ exporting: '' });
        return tell('导出没有完成', `${res.message}。请稍后再试。`);
      }
      const { csv, rows, filename } = res.data;
      exported(this).csv = csv;
      const saved = await saveText(filename, csv);
      this.setData({ exporting: '', exported: { label, rows, filename, saved } });
    },

    onCopy() {
      const csv = exported(this).csv;
      if (!csv) return;
      copyCsv(csv, () => toast('已复制，可粘贴到电脑表格或发给同事'));
    },
  },
});
