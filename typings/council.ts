import type { Idempotent, Page } from './api';
import type { ServiceCategory } from './lists';

/**
 * 议事协商: a topic (议题) residents or staff raise, followed through 征集 → 协商 → 表决 → 公示 → 落实
 * (民意小圆桌, 阳光议事会). A resident's proposal first gathers co-signers (联名).
 */
export const TOPIC_STAGES = ['signing', 'collecting', 'meeting', 'voting', 'publicized', 'implementing'] as const;
export type TopicStage = (typeof TOPIC_STAGES)[number];
export const TOPIC_STAGE_LABELS: Record<TopicStage, string> = {
  signing: '联名',
  collecting: '征集',
  meeting: '协商',
  voting: '表决',
  publicized: '公示',
  implementing: '落实',
};

/** Who a topic concerns: the whole community, some grids, or some buildings. Only they may co-sign and vote. */
export type TopicArea = { scope: 'community' } | { scope: 'grids'; gridIds: string[] } | { scope: 'buildings'; buildings: string[] };

export type BallotKind = 'open' | 'secret';

export interface TopicCard {
  id: string;
  title: string;
  stage: TopicStage;
  stageLabel: string;
  /** 全社区 / 第一网格、第二网格 / 3幢、5幢 */
  areaLabel: string;
  cosigners: number;
  cosignersNeeded: number;
  /** While a vote is open: when it closes. */
  voteClosesAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface StageStep {
  stage: TopicStage;
  label: string;
  at: number;
  by: string;
  why?: string;
}

export interface Meeting {
  /** Epoch ms. */
  at: number;
  place: string;
  attendees: string;
  minutes?: string;
}

export interface TallyRow {
  optionId: string;
  label: string;
  count: number;
  /** Of the households that voted, 0–100. */
  percent: number;
}

export interface TopicVote {
  options: Array<{ id: string; label: string }>;
  ballot: BallotKind;
  /** Households that must vote for the result to count. */
  quorum: number;
  /** Share (percent) of the votes cast the leading option needs to pass. */
  threshold: number;
  closesAt: number;
  closed: boolean;
  /** Only once the vote is closed. */
  result?: { cast: number; tally: TallyRow[]; quorumMet: boolean; passed: boolean; winner?: string };
}

export interface TopicComment {
  id: string;
  /** 王** (the author reads their own name). */
  author: string;
  text: string;
  mine: boolean;
  /** Held for staff review: shown to its author and staff only. */
  held?: string;
  /** Staff decided not to publish it, and why: shown to its author and staff only. */
  hidden?: string;
  at: number;
}

export interface Topic extends TopicCard {
  background: string;
  photos: string[];
  /** 社区 for staff-raised topics, else the proposer's masked name. */
  proposer: string;
  /** Options suggested when proposed. */
  suggestedOptions: string[];
  area: TopicArea;
  history: StageStep[];
  meeting?: Meeting;
  vote?: TopicVote;
  decision?: { text: string; at: number };
  /** What became of it: the project on the projects list, its status as it is now. */
  project?: { id: string; title: string; status: string; statusLabel: string };
  comments: TopicComment[];
  /** The caller lives in the topic's area. */
  concerned: boolean;
  cosigned: boolean;
  /** The caller's household: whether it has voted (and, on an open ballot or one's own, for what). */
  household?: { label: string; voted: boolean; optionId?: string; byMe?: boolean };
  can: { cosign: boolean; comment: boolean; vote: boolean; manage: boolean };
}

export interface ProposeTopic {
  title: string;
  background: string;
  photos?: string[];
  options?: string[];
  area: TopicArea;
  /** Staff only: co-signers this topic needs (0 opens it at once); residents' topics take the community's rule. */
  cosignersNeeded?: number;
}

export interface OpenVote {
  id: string;
  options: string[];
  ballot: BallotKind;
  quorum: number;
  threshold: number;
  closesAt: number;
}

export interface CouncilRules {
  /** Co-signers a resident's proposal needs before it opens for comments. */
  cosigners: number;
}

type TopicRes = { res: { topic: Topic } };

export interface CouncilApi {
  topics: { req: { stage?: TopicStage; cursor?: string }; res: Page<TopicCard> };
  topic: { req: { id: string }; res: { topic: Topic } };
  propose: { req: ProposeTopic & Idempotent } & TopicRes;
  cosign: { req: { id: string } & Idempotent } & TopicRes;
  comment: { req: { id: string; text: string } & Idempotent; res: { comment: TopicComment } };
  moderateComment: { req: { id: string; show: boolean; reason?: string } & Idempotent; res: { comment: TopicComment } };
  setMeeting: { req: { id: string } & Meeting & Idempotent } & TopicRes;
  openVote: { req: OpenVote & Idempotent } & TopicRes;
  vote: { req: { id: string; optionId: string } & Idempotent } & TopicRes;
  closeVote: { req: { id: string } & Idempotent } & TopicRes;
  publish: { req: { id: string; decision: string } & Idempotent } & TopicRes;
  implement: { req: { id: string; category: ServiceCategory; gridIds?: string[] } & Idempotent } & TopicRes;
  councilRules: { req: Record<string, never>; res: { rules: CouncilRules } };
  setCouncilRules: { req: CouncilRules & Idempotent; res: { rules: CouncilRules } };
}
