import type { AnswerValue, QuestionKind, SurveyCard, SurveyDetail, SurveyResults } from '../../../../typings/survey';
import { friendlyTime } from '../../../utils/date';

/** One choice on screen: a row to tap (options) or a score (1–5). */
export interface ChoiceView {
  index: number;
  label: string;
  selected: boolean;
}

export interface QuestionView {
  index: number;
  kind: QuestionKind;
  number: string;
  title: string;
  hint: string;
  choices: ChoiceView[];
  text: string;
  optional: boolean;
}

export interface BarView {
  label: string;
  count: number;
  /** The bar's width, 2–100 (a sliver stays visible for a nil count). */
  width: number;
  percentText: string;
}

export interface ResultView {
  index: number;
  title: string;
  answeredText: string;
  bars: BarView[];
  averageText: string;
  texts: string[];
}

const HINTS: Record<QuestionKind, string> = { single: '选一项', multiple: '可选多项', needs: '您需要哪些服务？可选多项', scale: '1分最差，5分最好', text: '写几句话' };

/** A draft answer per question: the option index, the indexes, the score, or the words. */
export type Draft = Array<AnswerValue | null>;

export function emptyDraft(s: SurveyDetail): Draft {
  return s.questions.map((q) => (q.kind === 'multiple' || q.kind === 'needs' ? [] : q.kind === 'text' ? '' : null));
}

const isSelected = (v: AnswerValue | null | undefined, i: number) => (Array.isArray(v) ? v.includes(i) : v === i);

export function questionViews(s: SurveyDetail, draft: Draft): QuestionView[] {
  return s.questions.map((q, index) => {
    const v = draft[index];
    const labels = q.kind === 'scale' ? ['1', '2', '3', '4', '5'] : q.options;
    const choices = labels.map((label, i) => {
      const value = q.kind === 'scale' ? i + 1 : i;
      return { index: value, label: q.kind === 'scale' ? `${label}分` : label, selected: isSelected(v, value) };
    });
    return { index, kind: q.kind, number: `第${index + 1}题`, title: q.title, hint: `${HINTS[q.kind]}${q.optional ? '（选答）' : ''}`, choices, text: typeof v === 'string' ? v : '', optional: !!q.optional };
  });
}

/** The draft after a tap on a choice: single and scale take it, multiple and needs toggle it. */
export function choose(s: SurveyDetail, draft: Draft, question: number, choice: number): Draft {
  const kind = s.questions[question].kind;
  const cur = draft[question];
  const next = [...draft];
  if (kind === 'multiple' || kind === 'needs') {
    const list = Array.isArray(cur) ? cur : [];
    next[question] = list.includes(choice) ? list.filter((x) => x !== choice) : [...list, choice].sort((a, b) => a - b);
  } else next[question] = choice;
  return next;
}

/** The first question left unanswered that must be answered, as the person reads it; null when ready. */
export function missing(s: SurveyDetail, draft: Draft): { index: number; message: string } | null {
  for (let i = 0; i < s.questions.length; i++) {
    const q = s.questions[i];
    const v = draft[i];
    const blank = v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
    if (blank && !q.optional) return { index: i, message: `第${i + 1}题还没有回答` };
  }
  return null;
}

/** What is sent: blanks as null, words trimmed. */
export function answersOf(draft: Draft): Draft {
  return draft.map((v) => (typeof v === 'string' ? v.trim() || null : Array.isArray(v) ? (v.length ? v : null) : v));
}

export function resultViews(r: SurveyResults): ResultView[] {
  return r.questions.map((q) => ({
    index: q.index,
    title: `${q.index + 1}. ${q.title}`,
    answeredText: `${q.answered}人作答`,
    bars: q.options.map((o) => ({ label: o.label, count: o.count, width: Math.max(2, o.percent), percentText: `${o.count}人 · ${o.percent}%` })),
    averageText: q.average !== undefined ? `平均${q.average}分` : '',
    texts: q.texts ?? [],
  }));
}

export function deadlineText(s: Pick<SurveyCard, 'deadline' | 'ended' | 'status'>, now = Date.now()): string {
  if (s.status === 'closed') return '已结束';
  if (s.deadline === undefined) return '';
  return s.ended ? '已截止' : `${friendlyTime(s.deadline, now)}截止`;
}
