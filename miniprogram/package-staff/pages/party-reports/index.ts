import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import { toast } from '../../../utils/dialog';
import { figureLines } from '../../../utils/party-view';
import type { ReportFigures, ReportRow } from '../../../../typings/party';
import type { Tap } from '../../../base/events';

interface RowView {
  id: string;
  title: string;
  branch: string;
  lines: ReturnType<typeof figureLines>;
}

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const linesOf = (f?: ReportFigures) => (f ? figureLines(f) : []);
const toRow = (r: ReportRow): RowView => ({ id: r.subjectId, title: `${r.name} · ${r.kindLabel}`, branch: r.branch ?? '', lines: linesOf(r.figures) });

/** 年度双报告: every confirmed member and unit of the community, with this year's figures once generated. */
Component({
  behaviors: [pagedList, managersList],

  data: {
    items: [] as RowView[],
    year: thisYear(),
    busy: '',
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
      this.setData({ items: this.data.items.map((i) => (i.id === id ? { ...i, lines: linesOf(res.data.report.figures) } : i)) });
    },
  },
});
