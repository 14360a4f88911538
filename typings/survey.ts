import type { Idempotent, Page } from './api';
import type { Role } from './user';

/**
 * 问卷: staff ask the residents (whole community, some grids, or people of some roles) and each
 * answers once before the deadline. The answers to a 「需要哪些服务」 question go into the needs
 * list (source 问卷) when the survey closes, so the matcher pairs them with resources.
 * Part of the `council` cloud function.
 */

/** single 单选 · multiple 多选 · scale 1–5 分 · text 简答 · needs 需要哪些服务 (options are service categories). */
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text', 'needs'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', scale: '打分（1–5分）', text: '简答', needs: '需要哪些服务' };

export const SCALE_MAX = 5;

export interface QuestionInput {
  kind: QuestionKind;
  title: string;
  /** single / multiple: 2–8 options; needs: 2–12 service categories; none for scale and text. */
  options?: string[];
  /** An answer to it may be left out (default: required). */
  optional?: boolean;
}

export interface Question extends QuestionInput {
  options: string[];
}

export type SurveyStatus = 'draft' | 'open' | 'closed';
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { draft: '草稿', open: '进行中', closed: '已结束' };

/** Who is asked: everyone of the community, the residents of some grids, or people holding some roles. */
export type SurveyTarget = { scope: 'community' } | { scope: 'grids'; gridIds: string[] } | { scope: 'roles'; roles: Array<Exclude<Role, 'resident'>> };

/** One answer per question, by its index: the option's index, the options' indexes, the score, or the text. */
export type AnswerValue = number | number[] | string;

export interface SurveyCard {
  id: string;
  title: string;
  status: SurveyStatus;
  /** Past its deadline, or closed. */
  ended: boolean;
  deadline?: number;
  questionCount: number;
  /** The caller answered it. */
  answered: boolean;
  /** Staff only: answers so far. */
  respondents?: number;
  /** 全体居民 / 第一网格、第二网格 / 志愿者 */
  targetLabel?: string;
}

export interface SurveyDetail extends SurveyCard {
  intro?: string;
  questions: Question[];
  target?: SurveyTarget;
  /** The caller's own answers, once given. */
  mine?: AnswerValue[];
  /** May the caller answer now. */
  canAnswer: boolean;
  /** Residents see the results once it ended; staff always. */
  results?: SurveyResults;
}

export interface OptionCount {
  label: string;
  count: number;
  /** Share of the question's respondents, 0–100. */
  percent: number;
}

export interface QuestionResult {
  index: number;
  kind: QuestionKind;
  title: string;
  /** People who answered this question. */
  answered: number;
  /** single / multiple / needs: each option; scale: each score 1–5. */
  options: OptionCount[];
  /** scale: the average score, one decimal. */
  average?: number;
  /** text, staff only: the latest answers. */
  texts?: string[];
}

export interface SurveyResults {
  respondents: number;
  questions: QuestionResult[];
  /** Staff, once closed: needs it put on the needs list. */
  needIds?: string[];
}

export interface SaveSurveyRequest extends Idempotent {
  /** A draft to change; absent: a new draft. */
  id?: string;
  title: string;
  intro?: string;
  questions: QuestionInput[];
}

export interface SurveyApi {
  /** Residents: open surveys meant for me, with the answered mark (and closed ones I answered). Staff with scope 'all': every survey. */
  surveys: { req: { scope?: 'mine' | 'all'; cursor?: string }; res: Page<SurveyCard> };
  survey: { req: { id: string }; res: { survey: SurveyDetail } };
  answer: { req: { id: string; answers: Array<AnswerValue | null> } & Idempotent; res: { survey: SurveyDetail } };
  saveSurvey: { req: SaveSurveyRequest; res: { survey: SurveyDetail } };
  publishSurvey: { req: { id: string; target: SurveyTarget; deadline: number } & Idempotent; res: { survey: SurveyDetail } };
  closeSurvey: { req: { id: string } & Idempotent; res: { survey: SurveyDetail; needs: number } };
  surveyResults: { req: { id: string }; res: { survey: SurveyCard; results: SurveyResults } };
  exportSurvey: { req: { id: string; cursor?: string }; res: { filename: string; csv: string; rows: number; next?: string } };
}

