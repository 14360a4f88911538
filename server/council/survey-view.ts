import { SCALE_MAX, type AnswerValue, type QuestionResult, type SurveyCard, type SurveyDetail, type SurveyResults } from '../../typings/survey';
import { countEach } from '../platform/aggregate';
import { findMany } from '../platform/store';
import { EVERY, SURVEY_ANSWERS, answeredPick, type SurveyAnswerDoc, type SurveyDoc } from './survey-model';
import { isEnded, targetLabel } from './survey-rules';

/** Latest short answers shown to staff per question; the export has them all. */
const TEXTS_SHOWN = 20;

export interface CardFacts {
  answered: boolean;
  respondents?: number;
  gridNames?: Map<string, string>;
}

export function toSurveyCard(s: SurveyDoc, now: number, f: CardFacts): SurveyCard {
  return {
    id: s._id,
    title: s.title,
    status: s.status,
    ended: isEnded(s, now),
    ...(s.deadline !== undefined ? { deadline: s.deadline } : {}),
    questionCount: s.questions.length,
    answered: f.answered,
    ...(f.respondents !== undefined ? { respondents: f.respondents } : {}),
    ...(f.gridNames ? { targetLabel: targetLabel(s.target, f.gridNames) } : {}),
  };
}

export function toSurveyDetail(s: SurveyDoc, now: number, f: CardFacts & { mine?: Array<AnswerValue | null>; canAnswer: boolean; staff: boolean; results?: SurveyResults }): SurveyDetail {
  return {
    ...toSurveyCard(s, now, f),
    ...(s.intro ? { intro: s.intro } : {}),
    questions: s.questions,
    ...(f.staff && s.target ? { target: s.target } : {}),
    ...(f.mine ? { mine: f.mine.map((v) => v ?? '') } : {}),
    canAnswer: f.canAnswer,
    ...(f.results ? { results: f.results } : {}),
  };
}

const percent = (n: number, of: number) => (of ? Math.round((n * 100) / of) : 0);

/** The tally of a survey from one grouping of its answers' picks; texts (for staff) from the latest answers. */
export async function tally(s: SurveyDoc, withTexts: boolean): Promise<SurveyResults> {
  const [counts, latest] = await Promise.all([
    countEach(SURVEY_ANSWERS, { surveyId: s._id }, 'picks'),
    withTexts && s.questions.some((q) => q.kind === 'text')
      ? findMany<SurveyAnswerDoc>(SURVEY_ANSWERS, { surveyId: s._id, 'texts.0': { $exists: true } }, { orderBy: [['at', 'desc']], limit: 100 })
      : Promise.resolve([]),
  ]);
  const n = new Map(counts.map((c) => [c.value, c.n]));
  const questions = s.questions.map((q, index): QuestionResult => {
    const answered = n.get(answeredPick(index)) ?? 0;
    const base = { index, kind: q.kind, title: q.title, answered };
    if (q.kind === 'text') {
      return { ...base, options: [], ...(withTexts ? { texts: latest.flatMap((a) => a.texts.filter((t) => t.q === index).map((t) => t.text)).slice(0, TEXTS_SHOWN) } : {}) };
    }
    if (q.kind === 'scale') {
      const scores = Array.from({ length: SCALE_MAX }, (_, k) => k + 1);
      const options = scores.map((v) => ({ label: `${v}分`, count: n.get(`${index}:${v}`) ?? 0, percent: 0 })).map((o) => ({ ...o, percent: percent(o.count, answered) }));
      const sum = scores.reduce((t, v) => t + v * (n.get(`${index}:${v}`) ?? 0), 0);
      return { ...base, options, ...(answered ? { average: Math.round((sum * 10) / answered) / 10 } : {}) };
    }
    const options = q.options.map((label, k) => {
      const count = n.get(`${index}:${k}`) ?? 0;
      return { label, count, percent: percent(count, answered) };
    });
    return { ...base, options };
  });
  return { respondents: n.get(EVERY) ?? 0, questions, ...(s.needIds ? { needIds: s.needIds } : {}) };
}
