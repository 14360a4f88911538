import { TOPIC_STAGE_LABELS, type Topic, type TopicCard, type TopicComment, type TopicVote } from '../../typings/council';
import { maskName } from '../core/mask';
import type { BallotDoc, CommentDoc, TopicDoc, VoteDoc } from './topic-model';
import { areaLabel } from './topic-context';

export function toTopicCard(t: TopicDoc, gridNames: Map<string, string>): TopicCard {
  return {
    id: t._id,
    title: t.title,
    stage: t.stage,
    stageLabel: TOPIC_STAGE_LABELS[t.stage],
    areaLabel: areaLabel(t.area, gridNames),
    cosigners: t.cosignerIds.length,
    cosignersNeeded: t.cosignersNeeded,
    ...(t.vote && !t.vote.closedAt ? { voteClosesAt: t.vote.closesAt } : {}),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** The result of a closed vote: quorum in households, the leading option passes at the threshold's share. */
export function resultOf(v: VoteDoc): NonNullable<TopicVote['result']> | undefined {
  if (!v.closedAt || !v.tally) return undefined;
  const cast = Object.values(v.tally).reduce((a, b) => a + b, 0);
  const tally = v.options.map((o) => {
    const count = v.tally![o.id] ?? 0;
    return { optionId: o.id, label: o.label, count, percent: cast ? Math.round((count * 100) / cast) : 0 };
  });
  const top = Math.max(0, ...tally.map((r) => r.count));
  const leaders = tally.filter((r) => r.count === top && top > 0);
  const quorumMet = cast >= v.quorum;
  const winner = leaders.length === 1 ? leaders[0] : undefined;
  const passed = quorumMet && !!winner && winner.count * 100 >= v.threshold * cast;
  return { cast, tally, quorumMet, passed, ...(winner ? { winner: winner.label } : {}) };
}

function toVote(v: VoteDoc): TopicVote {
  const result = resultOf(v);
  return { options: v.options, ballot: v.ballot, quorum: v.quorum, threshold: v.threshold, closesAt: v.closesAt, closed: !!v.closedAt, ...(result ? { result } : {}) };
}

export function toComment(c: CommentDoc, viewerId: string, staff: boolean): TopicComment {
  const mine = c.authorId === viewerId;
  return {
    id: c._id,
    author: mine || staff ? c.authorName : maskName(c.authorName),
    text: c.text,
    mine,
    ...(c.hold ? { held: c.hold.reason } : {}),
    ...(c.hidden ? { hidden: c.hidden.reason } : {}),
    at: c.at,
  };
}

export interface TopicSides {
  viewerId: string;
  staff: boolean;
  concerned: boolean;
  gridNames: Map<string, string>;
  comments: CommentDoc[];
  household?: { label: string; ballot: BallotDoc | null };
  project?: Topic['project'];
  now: number;
}

export function toTopic(t: TopicDoc, s: TopicSides): Topic {
  const cosigned = t.cosignerIds.includes(s.viewerId);
  const open = t.stage === 'voting' && !!t.vote && !t.vote.closedAt && t.vote.closesAt > s.now;
  const b = s.household?.ballot;
  const byMe = !!b && b.voterId === s.viewerId;
  return {
    ...toTopicCard(t, s.gridNames),
    background: t.background,
    photos: t.photos,
    proposer: t.byStaff ? '社区' : s.staff || t.proposerId === s.viewerId ? t.proposerName : maskName(t.proposerName),
    suggestedOptions: t.options,
    area: t.area,
    history: t.history.map((h) => ({ stage: h.stage, label: TOPIC_STAGE_LABELS[h.stage], at: h.at, by: h.by, ...(h.why ? { why: h.why } : {}) })),
    ...(t.meeting ? { meeting: t.meeting } : {}),
    ...(t.vote ? { vote: toVote(t.vote) } : {}),
    ...(t.decision ? { decision: { text: t.decision.text, at: t.decision.at } } : {}),
    ...(s.project ? { project: s.project } : {}),
    comments: s.comments.filter((c) => (!c.hold && !c.hidden) || c.authorId === s.viewerId || s.staff).map((c) => toComment(c, s.viewerId, s.staff)),
    concerned: s.concerned,
    cosigned,
    ...(s.household
      ? { household: { label: s.household.label, voted: !!b, ...(b && (t.vote?.ballot === 'open' || byMe) ? { optionId: b.optionId, byMe } : {}) } }
      : {}),
    can: {
      cosign: t.stage === 'signing' && s.concerned && !cosigned && t.proposerId !== s.viewerId,
      comment: t.stage === 'collecting' && (s.concerned || s.staff),
      vote: open && s.concerned && !!s.household && !b,
      manage: s.staff,
    },
  };
}
