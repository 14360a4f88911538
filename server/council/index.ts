import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import type { CallCtx } from '../user/caller';
import type { SurveyApi } from '../../typings/survey';
import * as surveying from './survey-actions';
import { exportSurvey } from './survey-export';
import { closeDueSurveys } from './survey-close';

/** 议事协商 and 问卷: residents decide together and are asked. */
export const councilFunction = defineFunction<SurveyApi, CallCtx>(
  'council',
  {
    surveys: surveying.surveys,
    survey: surveying.survey,
    answer: surveying.answer,
    saveSurvey: surveying.saveSurvey,
    publishSurvey: surveying.publishSurvey,
    closeSurvey: surveying.closeSurvey,
    surveyResults: surveying.surveyResults,
    exportSurvey,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);

/** Timer triggers, declared in cloudfunctions/council/config.json (every ten minutes). */
export const councilTimers: Record<string, () => Promise<unknown>> = {
  closeSurveys: () => closeDueSurveys(Date.now()),
};
