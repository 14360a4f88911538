import type { ExportFormat, ExportKind } from '../../../../typings/lists';
import { dateRange } from '../../../behaviors/date-range';
import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { openDocument, readExport, saveBase64, saveText, shareFile } from '../../../services/files';
import { tell, toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';

const KINDS: Array<{ kind: ExportKind; label: string }> = [
  { kind: 'wishes', label: '微心愿' },
  { kind: 'points', label: '积分明细' },
  { kind: 'orders', label: '兑换订单' },
  { kind: 'bookings', label: '服务预约' },
  { kind: 'activities', label: '活动与服务时长' },
  { kind: 'tickets', label: '工单' },
  { kind: 'needs', label: '需求清单' },
];

/**
 * 数据导出: one kind of records over a period as an Excel workbook (opened in WeChat's viewer or
 * sent to a chat) or as CSV (sent to a chat). The server writes every export to its events.
 */
Component({
  behaviors: [staffPage, dateRange],

  data: {
    kinds: KINDS,
    kind: 'wishes' as ExportKind,
    exporting: '' as ExportFormat | '',
    done: null as { label: string; rows: number; filename: string; filePath: string; format: ExportFormat } | null,
  },

  methods: {
    onLoad() {
      this.thisYear();
      void this.start();
    },

    async start() {
      if (await this.ensureStaff(managersOnly)) this.setData({ state: 'ready' });
    },

    onKind(e: Tap<{ kind: ExportKind }>) {
      this.setData({ kind: e.currentTarget.dataset.kind, done: null });
    },

    rangeChanged() {
      this.setData({ done: null });
    },

    /** Reads the export, keeps it as a file on the phone; Excel opens at once. */
    async onExport(e: Tap<{ format: ExportFormat }>) {
      const format = e.currentTarget.dataset.format;
      if (this.data.exporting) return;
      const { kind, from, to } = this.data;
      const label = KINDS.find((k) => k.kind === kind)?.label ?? '';
      this.setData({ exporting: format, done: null });
      const ask = { kind, from, to };
      let saved: { filename: string; rows: number; filePath: string | null };
      if (format === 'xlsx') {
        const res = await lists.exportFile({ ...ask, format });
        if (!res.ok || !res.data.xlsx) {
          this.setData({ exporting: '' });
          return tell('导出没有完成', res.ok ? '请稍后再试。' : res.message);
        }
        saved = { filename: res.data.filename, rows: res.data.rows, filePath: await saveBase64(res.data.filename, res.data.xlsx) };
      } else {
        const res = await readExport(async (cursor) => {
          const page = await lists.exportFile({ ...ask, format, ...(cursor ? { cursor } : {}) });
          return page.ok ? { ok: true, data: { ...page.data, csv: page.data.csv ?? '' } } : page;
        });
        if (!res.ok) {
          this.setData({ exporting: '' });
          return tell('导出没有完成', `${res.message}。请稍后再试。`);
        }
        const ok = await saveText(res.data.filename, res.data.csv);
        saved = { filename: res.data.filename, rows: res.data.rows, filePath: ok ? `${wx.env.USER_DATA_PATH}/${res.data.filename}` : null };
      }
      this.setData({ exporting: '' });
      if (!saved.filePath) return tell('没有保存', '手机存储空间不足或不允许保存文件，请清理后再试。');
      this.setData({ done: { label, rows: saved.rows, filename: saved.filename, filePath: saved.filePath, format } });
      if (format === 'xlsx') await this.onOpen();
    },

    async onOpen() {
      const done = this.data.done;
      if (done?.format === 'xlsx' && !(await openDocument(done.filePath, 'xlsx'))) toast('无法打开，可以发给同事或在电脑上查看');
    },

    async onShare() {
      const done = this.data.done;
      if (done && !(await shareFile(done.filePath, done.filename))) toast('没有发送');
    },
  },
});
