import type { QuestionInput, QuestionKind, Question, SurveyTarget } from '../../../../typings/survey';
import { SERVICE_CATEGORIES } from '../../../utils/lists-view';

/** One question as staff are writing it. */
export interface QuestionDraft {
  kind: QuestionKind;
  title: string;
  /** single / multiple: one option a line. */
  optionsText: string;
  /** needs: the service categories ticked. */
  needs: string[];
}

/** 送餐助餐、陪同就医 … the services a 「需要哪些服务」 question offers at first. */
export const DEFAULT_NEEDS = ['助老服务', '送餐助餐', '陪同就医', '电脑手机教学', '儿童托管', '家电维修'];

export const draftOf = (q: Question): QuestionDraft => ({ kind: q.kind, title: q.title, optionsText: q.kind === 'needs' ? '' : q.options.join('\n'), needs: q.kind === 'needs' ? q.options : [] });

export const newDraft = (kind: QuestionKind): QuestionDraft => ({ kind, title: kind === 'needs' ? '您或家人需要哪些服务？' : '', optionsText: '', needs: kind === 'needs' ? [...DEFAULT_NEEDS] : [] });

const optionsOf = (text: string) => text.split(/[\n、,，]/).map((s) => s.trim()).filter(Boolean);

/** The questions as the server takes them; the first problem in words, or null. */
export function questionsOf(drafts: QuestionDraft[]): { questions: QuestionInput[]; problem: string | null } {
  if (!drafts.length) return { questions: [], problem: '请至少添加一道题' };
  const questions: QuestionInput[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const n = `第${i + 1}题`;
    if (!d.title.trim()) return { questions, problem: `请填写${n}的题目` };
    if (d.kind === 'single' || d.kind === 'multiple') {
      const options = optionsOf(d.optionsText);
      if (options.length < 2) return { questions, problem: `${n}请至少写两个选项，一行一个` };
      questions.push({ kind: d.kind, title: d.title.trim(), options });
    } else if (d.kind === 'needs') {
      if (d.needs.length < 2) return { questions, problem: `${n}请至少选两类服务` };
      questions.push({ kind: 'needs', title: d.title.trim(), options: SERVICE_CATEGORIES.filter((c) => d.needs.includes(c)) });
    } else questions.push({ kind: d.kind, title: d.title.trim(), ...(d.kind === 'text' ? { optional: true } : {}) });
  }
  return { questions, problem: null };
}

export type Scope = SurveyTarget['scope'];
export const ROLE_CHOICES = [
  { value: 'volunteer', label: '志愿者' },
  { value: 'grid_worker', label: '网格员' },
  { value: 'unit_member', label: '共建单位成员' },
] as const;
export const DAY_CHOICES = [3, 7, 14, 30];

export function targetOf(scope: Scope, gridIds: string[], roles: string[]): { target: SurveyTarget | null; problem: string | null } {
  if (scope === 'community') return { target: { scope }, problem: null };
  if (scope === 'grids') return gridIds.length ? { target: { scope, gridIds }, problem: null } : { target: null, problem: '请选择网格' };
  return roles.length ? { target: { scope, roles: roles as Array<(typeof ROLE_CHOICES)[number]['value']> }, problem: null } : { target: null, problem: '请选择身份' };
}
