import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import { sendOnce } from '../../../services/retry';
import { formatDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import * as party from '../../../services/party';
import { figureLines } from '../../../utils/party-view';
import { PARTY_PAGES } from '../../../utils/routes';
import type { Report } from '../../../../typings/party';
import type { Change, Tap } from '../../../base/events';
import { a4File, saveToAlbum } from '../../../services/files';
import { paintReport } from './draw';

/** The year in Shanghai, where the reports' years are counted. */
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** 双报告: my year in figures, generated from the records, with a unit's commitments and their progress. */
Component({
  behaviors: [elderPage, memberPage, retryKeyed],

  data: {
    years: [] as number[],
    year: 0,
    name: '',
    kindLabel: '',
    people: 0,
    lines: [] as ReturnType<typeof figureLines>,
    commitments: [] as Array<{ id: string; text: string; progress: string; done: string }>,
    subjectId: '',
    /** A unit's contact keeps its commitments' progress until the report is confirmed. */
    canProgress: false,
    notRegistered: false,
    /** 社区评议: grade and comment, once staff have appraised the year. */
    appraisal: '',
    comment: '',
    acknowledged: '',
    busy: false,
    printing: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const year = Number(query.year) || thisYear();
      this.setData({ year, years: [thisYear(), thisYear() - 1] });
      void this.start();
    },

    async reload() {
      const res = await party.report({ year: this.data.year });
      if (!res.ok) {
        if (res.code === 'FAILED_PRECONDITION') return this.setData({ state: 'ready', notRegistered: true, errorText: res.message });
        return this.setData({ state: 'error', errorText: res.message });
      }
      this.show(res.data.report);
    },

    show(r: Report) {
      this.setData({
        state: 'ready',
        notRegistered: false,
        name: r.name,
        kindLabel: r.kind === 'unit' ? `共建单位 · ${r.people}人` : r.kind === 'courier' ? '兼职网格员' : '在职党员',
        lines: figureLines(r.figures),
        commitments: r.commitments.map((c) => ({ id: c.id, text: c.title, progress: `${c.done}/${c.target}${c.unit}`, done: String(c.done) })),
        subjectId: r.subjectId,
        canProgress: r.kind === 'unit' && !r.acknowledgedAt,
        appraisal: r.appraisal ? `${r.appraisal.gradeLabel}（${r.appraisal.by}，${formatDate(r.appraisal.at)}）` : '',
        comment: r.appraisal?.comment ?? '',
        acknowledged: r.acknowledgedAt ? `已于 ${formatDate(r.acknowledgedAt)} 确认` : '',
      });
    },

    onYear(e: Tap<{ year: number }>) {
      this.setData({ year: Number(e.currentTarget.dataset.year), state: 'loading' });
      void this.reload();
    },

    /** 本人确认: the year's report as it stands, appraisal included, is final. */
    async onAcknowledge() {
      const year = this.data.year;
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.acknowledge({ year, requestId: requestId({ year }) }));
      if (!res) return;
      if (!res.ok) return tell('未能确认', res.message);
      this.show(res.data.report);
      toast('已确认');
    },

    onDone(e: Change<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ commitments: this.data.commitments.map((c) => (c.id === id ? { ...c, done: e.detail.value } : c)) });
    },

    async onSaveProgress(e: Tap<{ id: string }>) {
      const c = this.data.commitments.find((x) => x.id === e.currentTarget.dataset.id);
      if (!c || this.data.busy) return;
      const done = Number(c.done);
      if (!/^\d{1,6}$/.test(c.done.trim())) return toast('完成数请填写整数');
      const change = { id: this.data.subjectId, commitmentId: c.id, done };
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.progress({ ...change, requestId: requestId(change) }));
      if (!res) return;
      if (!res.ok) return tell('未能保存', res.message);
      const saved = res.data.registration.commitments.find((x) => x.id === c.id);
      this.setData({ commitments: this.data.commitments.map((x) => (x.id === c.id && saved ? { ...x, progress: `${saved.done}/${saved.target}${saved.unit}` } : x)) });
      toast('进度已保存');
    },

    onRegister() {
      wx.navigateTo({ url: PARTY_PAGES.register });
    },

    /** 打印报告: the report as an A4 image, saved to the album for printing and shown to keep or send. */
    async onPrint() {
      if (this.data.printing) return;
      this.setData({ printing: true });
      try {
        const d = this.data;
        const file = await a4File(this, '#report-canvas', (canvas) =>
          paintReport(canvas.getContext('2d'), {
            title: `${d.name} ${d.year}年度报告`,
            kindLabel: d.kindLabel,
            lines: d.lines,
            commitments: d.commitments,
            appraisal: d.appraisal,
            comment: d.comment,
            acknowledged: d.acknowledged,
            footer: `生成于 ${formatDate(Date.now())}`,
          }),
        );
        if (!file) return toast('此设备无法生成报告图片，请在手机微信中操作');
        const saved = await saveToAlbum(file);
        toast(saved ? '报告图片已保存到相册，可直接打印' : '没有保存到相册，可在预览中长按保存');
        wx.previewImage({ urls: [file], current: file });
      } catch {
        toast('报告图片生成失败，请稍后再试');
      } finally {
        this.setData({ printing: false });
      }
    },
  },
});
