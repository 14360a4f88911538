import type { BallotKind, Meeting, TopicArea, TopicStage } from '../../typings/council';
import type { Hold } from '../core/screen';

export const TOPICS = 'council_topics';
export const TOPIC_COMMENTS = 'council_comments';
/** One document per (topic, household): its id is derived from both, so a household's second vote finds the first. */
export const BALLOTS = 'council_ballots';
/** A community's 议事 rules (one document, id = community id). */
export const COUNCIL_RULES = 'council_rules';

/** Co-signers a resident's proposal needs when staff set no rule. */
export const DEFAULT_COSIGNERS = 5;

export interface StageEntry {
  stage: TopicStage;
  at: number;
  byId: string;
  by: string;
  why?: string;
}

export interface VoteDoc {
  options: Array<{ id: string; label: string }>;
  ballot: BallotKind;
  quorum: number;
  threshold: number;
  closesAt: number;
  openedAt: number;
  closedAt?: number;
  /** Counted from the stored ballots when the vote closes. */
  tally?: Record<string, number>;
}

export interface TopicDoc {
  _id: string;
  communityId: string;
  title: string;
  background: string;
  photos: string[];
  options: string[];
  area: TopicArea;
  stage: TopicStage;
  proposerId: string;
  proposerName: string;
  byStaff: boolean;
  cosignersNeeded: number;
  /** Co-signers' user ids: bounded by `cosignersNeeded`, written in the cosign transaction. */
  cosignerIds: string[];
  history: StageEntry[];
  meeting?: Meeting;
  vote?: VoteDoc;
  decision?: { text: string; at: number; byId: string };
  projectId?: string;
  createdAt: number;
  updatedAt: number;
}

export interface CommentDoc {
  _id: string;
  topicId: string;
  communityId: string;
  authorId: string;
  authorName: string;
  text: string;
  hold?: Hold;
  /** Not published, by staff's decision (kept: nothing a resident wrote is lost). */
  hidden?: { reason: string; at: number; byId: string };
  at: number;
}

/**
 * A household's vote. On a secret ballot it keeps no voter: only the option (the id is a hash of
 * the household, which no staff view shows).
 */
export interface BallotDoc {
  _id: string;
  topicId: string;
  communityId: string;
  optionId: string;
  at: number;
  voterId?: string;
  voterName?: string;
}

export interface CouncilRulesDoc {
  _id: string;
  cosigners: number;
  updatedBy: string;
  updatedAt: number;
}
