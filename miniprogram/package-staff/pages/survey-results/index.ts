import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as council from '../../../services/survey';
import { sendOnce } from '../../../services/retry';
import { copyCsv, readExport, saveText } from '../../../services/files';
import { instanceState } from '../../../base/instance';
import { ask, tell, toast } from '../../../utils/dialog';
import { SURVEY_STATUS_LABELS, type SurveyCard, type SurveyResults } from '../../../../typings/survey';
import { deadlineText, resultViews } from '../../../pages/council/survey/view';

const exported = instanceState(() => ({ csv: '' }));

/** A survey's results for staff: bars per option, averages, the short answers; 结束问卷 and 导出. */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    title: '',
    status: '',
    open: false,
    line: '',
    respondents: 0,
    results: [] as ReturnType<typeof resultViews>,
    needs: 0,
    busy: false,
    exporting: false,
    exported: null as null | { rows: number; filename: string; saved: boolean },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    async start(query: Record<string, string | undefined>) {
      const id = query.id ?? this.data.id;
      if (!id) return this.setData({ state: 'error', errorText: '问卷不存在或已删除' });
      this.setData({ id });
      if (await this.ensureStaff(managersOnly)) await this.reload();
    },

    async reload() {
      const res = await council.surveyResults({ id: this.data.id });
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data.survey, res.data.results);
    },

    show(s: SurveyCard, r: SurveyResults) {
      this.setData({
        state: 'ready',
        title: s.title,
        status: s.ended && s.status === 'open' ? '已截止' : SURVEY_STATUS_LABELS[s.status],
        open: s.status === 'open',
        line: [s.targetLabel, deadlineText(s)].filter(Boolean).join(' · '),
        respondents: r.respondents,
        results: resultViews(r),
        needs: r.needIds?.length ?? 0,
      });
    },

    async onClose() {
      if (this.data.busy || !(await ask('结束问卷', '结束后居民不能再填写，“需要哪些服务”的回答将进入需求清单。', '结束问卷'))) return;
      const id = this.data.id;
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.closeSurvey({ id, requestId: requestId({ id }) }));
      if (!res) return;
      if (!res.ok) return tell('未能结束', res.message);
      await this.reload();
      toast(res.data.needs ? `已结束，${res.data.needs}条需求进入需求清单` : '已结束');
    },

    async onExport() {
      if (this.data.exporting) return;
      const id = this.data.id;
      this.setData({ exporting: true, exported: null });
      const res = await readExport((cursor) => council.exportSurvey({ id, ...(cursor ? { cursor } : {}) }));
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
      if (csv) copyCsv(csv, () => toast('已复制，可粘贴到电脑表格或发给同事'));
    },
  },
});
