import { detailPage, pick } from '../../../behaviors/detail-page';
import { elderPage } from '../../../behaviors/elder-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as council from '../../../services/survey';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { instanceState } from '../../../base/instance';
import type { SurveyDetail } from '../../../../typings/survey';
import type { Change, Tap } from '../../../base/events';
import { type Draft, answersOf, choose, deadlineText, emptyDraft, missing, questionViews, resultViews } from './view';

const held = instanceState(() => ({ survey: null as SurveyDetail | null, draft: [] as Draft }));

/**
 * 填问卷: one question per card with big options to tap, 提交 once; afterwards the person's own
 * answers, and the results as bars once the survey has ended.
 */
Component({
  behaviors: [elderPage, detailPage, retryKeyed],

  data: {
    goneText: '问卷不存在或已删除',
    title: '',
    intro: '',
    deadline: '',
    canAnswer: false,
    answered: false,
    questions: [] as ReturnType<typeof questionViews>,
    results: [] as ReturnType<typeof resultViews>,
    respondents: 0,
    problem: '',
    busy: false,
  },

  methods: {
    fetchDetail() {
      return council.survey({ id: this.data.id }).then((res) => pick(res, (d) => d.survey));
    },

    show(s: SurveyDetail) {
      const state = held(this);
      state.survey = s;
      state.draft = s.mine ? s.mine.map((v) => (v === '' ? null : v)) : emptyDraft(s);
      this.setData({
        state: 'ready',
        title: s.title,
        intro: s.intro ?? '',
        deadline: deadlineText(s),
        canAnswer: s.canAnswer,
        answered: s.answered,
        questions: questionViews(s, state.draft),
        results: s.results ? resultViews(s.results) : [],
        respondents: s.results?.respondents ?? 0,
        problem: '',
      });
    },

    redraw() {
      const { survey, draft } = held(this);
      if (survey) this.setData({ questions: questionViews(survey, draft), problem: '' });
    },

    onChoose(e: Tap<{ question: number; choice: number }>) {
      const state = held(this);
      if (!state.survey || !this.data.canAnswer) return;
      const { question, choice } = e.currentTarget.dataset;
      state.draft = choose(state.survey, state.draft, Number(question), Number(choice));
      this.redraw();
    },

    onText(e: Change<{ question: number }>) {
      const state = held(this);
      state.draft = state.draft.map((v, i) => (i === Number(e.currentTarget.dataset.question) ? e.detail.value : v));
    },

    async onSubmit() {
      const state = held(this);
      if (!state.survey || this.data.busy) return;
      const gap = missing(state.survey, state.draft);
      if (gap) {
        this.setData({ problem: gap.message });
        wx.pageScrollTo({ selector: `#question-${gap.index}`, duration: 200 });
        return;
      }
      const answers = answersOf(state.draft);
      const id = this.data.id;
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.answer({ id, answers, requestId: requestId({ id, answers }) }));
      if (!res) return;
      if (!res.ok) {
        if (res.code === 'FAILED_PRECONDITION' || res.code === 'CONFLICT') void this.reload();
        return tell('未能提交', res.message);
      }
      this.show(res.data.survey);
      toast('已提交，谢谢您');
    },
  },
});
