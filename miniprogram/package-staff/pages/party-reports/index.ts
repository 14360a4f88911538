import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import { tell, toast } from '../../../utils/dialog';
import { copyCsv, readExport, saveText } from '../../../services/files';
import { instanceState } from '../../../base/instance';
import { figureLines } from '../../../utils/party-view';
import { GRADE_LABELS, type Grade, type Report, type ReportFigures, type ReportRow } from '../../../../typings/party';
import type { Change, Tap } from '../../../base/events';

interface RowView {
  id: string;
  title: string;
  branch: string;
  lines: ReturnType<typeof figureLines>;
  grade: string;
  acknowledged: boolean;
}

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const linesOf = (f?: ReportFigures) => (f ? figureLines(f) : []);
const toRow = (r: ReportRow): RowView => ({ id: r.subjectId, title: `${r.name} · ${r.kindLabel}`, branch: r.branch ?? '', lines: linesOf(r.figures), grade: r.gradeLabel ?? '', acknowledged: r.acknowledged });
/** The last export, kept off the page data (it may be large). */
const exported = instanceState(() => ({ csv: '' }));

const GRADES = (Object.keys(GRADE_LABELS) as Grade[]).map((value) => ({ value, label: GRADE_LABELS[value] }));

/** 年度双报告: every confirmed member and unit of the community, with this year's figures once generated. */
Component({
  behaviors: [pagedList, managersList],

  data: {
    items: [] as RowView[],
    year: thisYear(),
    busy: '',
    grades: GRADES,
    appraising: '',
    grade: 'good' as Grade,
    comment: '',
    exporting: false,
    exported: null as null | { rows: number; filename: string; saved: boolean },
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await party.reports({ year: this.data.year, ...(cursor ? { cursor } : {}) }), toRow);
    },

    async onGenerate(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      this.setData({ busy: id });
      const res = await party.report({ subjectId: id, year: this.data.year });
      this.setData({ busy: '' });
      if (!res.ok) return toast(res.message);
      this.update(id, res.data.report);
    },

    update(id: string, r: Report) {
      this.setData({ items: this.data.items.map((i) => (i.id === id ? { ...i, lines: linesOf(r.figures), grade: r.appraisal?.gradeLabel ?? '', acknowledged: !!r.acknowledgedAt } : i)) });
    },

    onAppraise(e: Tap<{ id: string }>) {
      this.setData({ appraising: e.currentTarget.dataset.id, comment: '', grade: 'good' });
    },

    onGrade(e: Tap<{ value: Grade }>) {
      this.setData({ grade: e.currentTarget.dataset.value });
    },

    onComment(e: Change) {
      this.setData({ comment: e.detail.value });
    },

    async onSubmitAppraisal() {
      const id = this.data.appraising;
      const comment = this.data.comment.trim();
      if (!comment) return toast('请填写评语');
      this.setData({ busy: id });
      const res = await party.appraise({ subjectId: id, year: this.data.year, grade: this.data.grade, comment });
      this.setData({ busy: '' });
      if (!res.ok) return toast(res.message);
      this.update(id, res.data.report);
      this.setData({ appraising: '' });
      toast('已评议');
    },

    /** 双报告 in the exports: every confirmed subject's year as one CSV, kept on the phone and offered to copy. */
    async onExport() {
      if (this.data.exporting) return;
      const year = this.data.year;
      this.setData({ exporting: true, exported: null });
      const res = await readExport((cursor) => party.exportReports({ year, ...(cursor ? { cursor } : {}) }));
      if (!res.ok) {
        this.setData({ exporting: false });
        return tell('导出没有完成', `${res.message}。请稍后再试。`);
      }
      exported(this).csv = res.data.csv;
      const saved = await saveText(res.data.filename, res.data.csv);
      this.setData({ exporting: false, exported: { rows: res.data.rows, filename: res.data.filename, saved } });
    },

    onCopy() {
      const csv = exported(this).csv;
      if (!csv) return;
      copyCsv(csv, () => toast('已复制，可粘贴到电脑表格或发给同事'));
    },
  },
});
