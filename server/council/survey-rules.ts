import { SERVICE_CATEGORIES } from '../../typings/lists';
import { ROLE_LABELS } from '../../typings/user';
import { SCALE_MAX, type AnswerValue, type Question, type QuestionInput, type SurveyTarget } from '../../typings/survey';
import { invalid } from '../core/errors';
import { hasRole, type UserDoc } from '../user/model';
import { workerGrids } from '../lists/context';
import { EVERY, answeredPick, type SurveyAnswerDoc, type SurveyDoc } from './survey-model';

const TEXT_MAX = 200;
const CHOICE_OPTIONS = { min: 2, max: 8 };
const NEED_OPTIONS = { min: 2, max: 12 };

/** The questions as staff wrote them, checked: each kind with the options it takes, and nothing else. */
export function checkQuestions(input: QuestionInput[]): Question[] {
  return input.map((q, i) => {
    const n = `第${i + 1}题`;
    const options = q.options ?? [];
    if (new Set(options).size !== options.length) throw invalid(`${n}的选项有重复`);
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (options.length < CHOICE_OPTIONS.min || options.length > CHOICE_OPTIONS.max) throw invalid(`${n}须有${CHOICE_OPTIONS.min}–${CHOICE_OPTIONS.max}个选项`);
    } else if (q.kind === 'needs') {
      if (options.length < NEED_OPTIONS.min || options.length > NEED_OPTIONS.max) throw invalid(`${n}须选${NEED_OPTIONS.min}–${NEED_OPTIONS.max}类服务`);
      const unknown = options.find((o) => !(SERVICE_CATEGORIES as readonly string[]).includes(o));
      if (unknown) throw invalid(`${n}的「${unknown}」不是需求清单的服务类别`);
    } else if (options.length) throw invalid(`${n}是${q.kind === 'scale' ? '打分题' : '简答题'}，不设选项`);
    return { kind: q.kind, title: q.title, options, ...(q.optional ? { optional: true } : {}) };
  });
}

const isIndex = (v: unknown, n: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;

/** One value per question, each of the shape its kind takes; a required one is never left blank. */
export function checkAnswers(questions: Question[], answers: Array<AnswerValue | null>): Array<AnswerValue | null> {
  if (answers.length !== questions.length) throw invalid(`请回答全部${questions.length}道题`);
  return questions.map((q, i) => {
    const n = `第${i + 1}题`;
    let v = answers[i];
    if (typeof v === 'string') v = v.trim();
    if (Array.isArray(v)) v = [...new Set(v)].sort((a, b) => a - b);
    const blank = v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (blank) {
      if (!q.optional) throw invalid(`${n}还没有回答`);
      return null;
    }
    switch (q.kind) {
      case 'single':
        if (!isIndex(v, q.options.length)) throw invalid(`${n}请选择一个选项`);
        return v;
      case 'multiple':
      case 'needs':
        if (!Array.isArray(v) || !v.every((x) => isIndex(x, q.options.length))) throw invalid(`${n}的选项不正确`);
        return v;
      case 'scale':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SCALE_MAX) throw invalid(`${n}请打1到${SCALE_MAX}分`);
        return v;
      case 'text':
        if (typeof v !== 'string') throw invalid(`${n}请填写文字`);
        if ([...v].length > TEXT_MAX) throw invalid(`${n}不能超过${TEXT_MAX}个字`);
        return v;
    }
  });
}

/** What the tally reads of one answer: its picks, the services asked for, the texts. */
export function indexAnswer(questions: Question[], values: Array<AnswerValue | null>): Pick<SurveyAnswerDoc, 'picks' | 'needs' | 'texts'> {
  const picks: string[] = [EVERY];
  const needs: string[] = [];
  const texts: SurveyAnswerDoc['texts'] = [];
  values.forEach((v, q) => {
    if (v === null) return;
    picks.push(answeredPick(q));
    if (typeof v === 'string') texts.push({ q, text: v });
    else for (const o of Array.isArray(v) ? v : [v]) {
      picks.push(`${q}:${o}`);
      if (questions[q].kind === 'needs') needs.push(questions[q].options[o]);
    }
  });
  return { picks, needs, texts };
}

/** Is the person among those asked: everyone, the residents (or grid workers) of the grids, or holders of the roles. */
export function isAsked(s: Pick<SurveyDoc, 'target' | 'communityId'>, user: UserDoc): boolean {
  const t = s.target;
  if (!t || user.communityId !== s.communityId) return false;
  if (t.scope === 'community') return true;
  if (t.scope === 'grids') return (!!user.gridId && t.gridIds.includes(user.gridId)) || workerGrids(user).some((g) => t.gridIds.includes(g));
  return hasRole(user, ...t.roles);
}

export function targetLabel(t: SurveyTarget | undefined, gridNames: Map<string, string>): string | undefined {
  if (!t) return undefined;
  if (t.scope === 'community') return '全体居民';
  if (t.scope === 'grids') return t.gridIds.map((g) => gridNames.get(g) ?? '网格').join('、');
  return t.roles.map((r) => ROLE_LABELS[r]).join('、');
}

/** Answers are taken while it is open and before its deadline. */
export const isEnded = (s: Pick<SurveyDoc, 'status' | 'deadline'>, now: number) => s.status === 'closed' || (s.status === 'open' && (s.deadline ?? 0) <= now);
