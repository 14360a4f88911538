import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as council from '../../../services/survey';
import * as user from '../../../services/user';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { SERVICE_CATEGORIES } from '../../../utils/lists-view';
import { STAFF_SURVEY_PAGES } from '../../../utils/routes';
import { QUESTION_KINDS, QUESTION_KIND_LABELS, type QuestionKind, type SurveyDetail } from '../../../../typings/survey';
import type { Change, Tap } from '../../../base/events';
import { DAY_CHOICES, ROLE_CHOICES, type QuestionDraft, type Scope, draftOf, newDraft, questionsOf, targetOf } from './form';

const DAY_MS = 24 * 3600 * 1000;

/** 编辑问卷: the questions of a draft, then who is asked and until when; 发布 sends it to them. */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    title: '',
    intro: '',
    questions: [] as QuestionDraft[],
    kinds: QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] })),
    kindLabels: QUESTION_KIND_LABELS,
    categories: SERVICE_CATEGORIES as readonly string[],
    scope: 'community' as Scope,
    grids: [] as Array<{ id: string; name: string; on: boolean }>,
    roles: ROLE_CHOICES.map((r) => ({ ...r, on: false })),
    dayChoices: DAY_CHOICES,
    days: 7,
    problem: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    async start(query: Record<string, string | undefined>) {
      if (!(await this.ensureStaff(managersOnly))) return;
      const id = query.id ?? this.data.id;
      const [grids, existing] = await Promise.all([user.grids(), id ? council.survey({ id }) : Promise.resolve(null)]);
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      if (existing && !existing.ok) return this.setData({ state: 'error', errorText: existing.message });
      this.setData({ state: 'ready', grids: grids.data.grids.map((g) => ({ id: g.id, name: g.name, on: false })) });
      if (existing?.ok) this.fill(existing.data.survey);
    },

    fill(s: SurveyDetail) {
      this.setData({ id: s.id, title: s.title, intro: s.intro ?? '', questions: s.questions.map(draftOf) });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, problem: '' });
    },

    onAdd(e: Tap<{ kind: QuestionKind }>) {
      this.setData({ questions: [...this.data.questions, newDraft(e.currentTarget.dataset.kind)], problem: '' });
    },

    onRemove(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ questions: this.data.questions.filter((_, k) => k !== i) });
    },

    onQuestion(e: Change<{ index: number; field: 'title' | 'optionsText' }>) {
      const { index, field } = e.currentTarget.dataset;
      this.setData({ [`questions[${Number(index)}].${field}`]: e.detail.value, problem: '' });
    },

    onNeed(e: Tap<{ index: number; value: string }>) {
      const i = Number(e.currentTarget.dataset.index);
      const value = e.currentTarget.dataset.value;
      const cur = this.data.questions[i].needs;
      this.setData({ [`questions[${i}].needs`]: cur.includes(value) ? cur.filter((c) => c !== value) : [...cur, value] });
    },

    onScope(e: Tap<{ value: Scope }>) {
      this.setData({ scope: e.currentTarget.dataset.value, problem: '' });
    },

    onGrid(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`grids[${i}].on`]: !this.data.grids[i].on, problem: '' });
    },

    onRole(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`roles[${i}].on`]: !this.data.roles[i].on, problem: '' });
    },

    onDays(e: Tap<{ value: number }>) {
      this.setData({ days: Number(e.currentTarget.dataset.value) });
    },

    /** Saves the draft; the id of the saved survey, or null (the problem shown). */
    async save(): Promise<string | null> {
      const title = this.data.title.trim();
      if (!title) {
        this.setData({ problem: '请填写问卷标题' });
        return null;
      }
      const { questions, problem } = questionsOf(this.data.questions);
      if (problem) {
        this.setData({ problem });
        return null;
      }
      const intro = this.data.intro.trim();
      const req = { ...(this.data.id ? { id: this.data.id } : {}), title, ...(intro ? { intro } : {}), questions };
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.saveSurvey({ ...req, requestId: requestId(req) }));
      if (!res) return null;
      if (!res.ok) {
        tell('没有保存', res.message);
        return null;
      }
      this.setData({ id: res.data.survey.id });
      return res.data.survey.id;
    },

    async onSave() {
      if (this.data.busy) return;
      if (await this.save()) toast('草稿已保存');
    },

    async onPublish() {
      if (this.data.busy) return;
      const { target, problem } = targetOf(this.data.scope, this.data.grids.filter((g) => g.on).map((g) => g.id), this.data.roles.filter((r) => r.on).map((r) => r.value));
      if (!target) return this.setData({ problem: problem ?? '' });
      const id = await this.save();
      if (!id) return;
      const deadline = Date.now() + this.data.days * DAY_MS;
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.publishSurvey({ id, target, deadline, requestId: requestId({ id, target, days: this.data.days }) }));
      if (!res) return;
      if (!res.ok) return tell('没有发布', res.message);
      toast('已发布');
      wx.redirectTo({ url: `${STAFF_SURVEY_PAGES.results}?id=${id}` });
    },
  },
});
