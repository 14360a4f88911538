import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as reading from './topic-read';
import * as proposing from './topic-propose';
import { comment, moderateComment } from './topic-comment';
import * as stages from './topic-stages';
import { vote } from './topic-vote';
import * as rules from './topic-rules';
import * as surveying from './survey-actions';
import { exportSurvey } from './survey-export';
import { closeDueSurveys } from './survey-close';
import type { CouncilCtx } from './topic-context';
import type { CouncilApi } from '../../typings/council';
import type { SurveyApi } from '../../typings/survey';

/** 议事协商 and 问卷: topics, co-signing, comments, the household vote and what became of the decision; surveys and the needs they gather. */
export const councilFunction = defineFunction<CouncilApi & SurveyApi, CouncilCtx>(
  'council',
  {
    topics: reading.topics,
    topic: reading.topic,
    propose: proposing.propose,
    cosign: proposing.cosign,
    comment,
    moderateComment,
    setMeeting: stages.setMeeting,
    openVote: stages.openVote,
    vote,
    closeVote: stages.closeVote,
    publish: stages.publish,
    implement: stages.implement,
    councilRules: rules.councilRules,
    setCouncilRules: rules.setCouncilRules,
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
