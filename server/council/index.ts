import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as reading from './topic-read';
import * as proposing from './topic-propose';
import { comment, moderateComment } from './topic-comment';
import * as stages from './topic-stages';
import { vote } from './topic-vote';
import * as rules from './topic-rules';
import type { CouncilCtx } from './topic-context';
import type { CouncilApi } from '../../typings/council';

/** 议事协商: topics, co-signing, comments, the household vote and what became of the decision. */
export const councilFunction = defineFunction<CouncilApi, CouncilCtx>(
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
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);
