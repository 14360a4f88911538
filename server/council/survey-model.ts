import type { AnswerValue, Question, SurveyStatus, SurveyTarget } from '../../typings/survey';
import type { ChangeEvent } from '../platform/events';

export const SURVEYS = 'surveys';
/** One document per person and survey: `${surveyId}.${userId}`, so a second answer finds the first. */
export const SURVEY_ANSWERS = 'survey_answers';
/** Who drafted, published, closed a survey, and when. */
export const SURVEY_EVENTS = 'survey_events';

export interface SurveyDoc {
  _id: string;
  communityId: string;
  title: string;
  intro?: string;
  questions: Question[];
  status: SurveyStatus;
  target?: SurveyTarget;
  deadline?: number;
  publishedAt?: number;
  closedAt?: number;
  /** The needs its 「需要哪些服务」 answers became, written once it closed. */
  needIds?: string[];
  fedAt?: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface SurveyAnswerDoc {
  _id: string;
  surveyId: string;
  communityId: string;
  userId: string;
  /** The respondent's grid when answering: the needs list groups by it. */
  gridId?: string;
  values: Array<AnswerValue | null>;
  /** Each choice and score as `${question}:${option or score}`, so one grouping counts them all. */
  picks: string[];
  /** The service categories asked for (the 「需要哪些服务」 questions). */
  needs: string[];
  texts: Array<{ q: number; text: string }>;
  at: number;
}

export type SurveyEvent = ChangeEvent<'survey'>;

export const answerId = (surveyId: string, userId: string) => `${surveyId}.${userId}`;

/** The pick every answer carries once, so the grouping of picks also counts the respondents. */
export const EVERY = '*';
/** The pick an answered question carries, so an option's share is of those who answered it. */
export const answeredPick = (q: number) => `${q}:a`;
