import { TOPIC_STAGES, TOPIC_STAGE_LABELS, type Topic, type TopicCard, type TopicStage } from '../../typings/council';
import { friendlyDay, friendlyTime } from './date';

/** The stages a resident sees as steps; 联名 only while a proposal gathers names. */
const STEPS = TOPIC_STAGES.filter((s) => s !== 'signing');

export const STAGE_TABS: Array<{ value: '' | TopicStage; label: string }> = [{ value: '', label: '全部' }, ...TOPIC_STAGES.map((s) => ({ value: s, label: TOPIC_STAGE_LABELS[s] }))];

export interface TopicCardView extends TopicCard {
  /** 还差3人联名 / 表决截止 明天 18:00 / 全社区 */
  note: string;
  tone: 'active' | 'plain';
}

function cosignNote(t: TopicCard): string {
  return `已有${t.cosigners}人联名，还差${Math.max(0, t.cosignersNeeded - t.cosigners)}人`;
}

export function toTopicCardView(t: TopicCard, now = Date.now()): TopicCardView {
  const note = t.stage === 'signing' ? cosignNote(t) : t.voteClosesAt ? `表决截止 ${friendlyTime(t.voteClosesAt, now)}` : `${friendlyDay(t.updatedAt, now)}更新`;
  return { ...t, note, tone: t.stage === 'implementing' ? 'plain' : 'active' };
}

export interface StepView {
  stage: TopicStage;
  label: string;
  state: 'done' | 'now' | 'todo';
}

export interface TopicPageView extends Topic {
  steps: StepView[];
  cosignText: string;
  /** 东侧空地、北门花园 */
  suggestedText: string;
  historyRows: Array<{ key: string; label: string; when: string; by: string; why: string }>;
  meetingWhen: string;
  closesText: string;
  ballotText: string;
  rulesText: string;
  /** The result as bars drawn with views: each option's share of the households that voted. */
  bars: Array<{ optionId: string; label: string; count: number; percent: number; width: string; winner: boolean }>;
  resultText: string;
  householdText: string;
  comments: Array<Topic['comments'][number] & { when: string }>;
}

export function toTopicPageView(t: Topic, now = Date.now()): TopicPageView {
  const at = STEPS.indexOf(t.stage as (typeof STEPS)[number]);
  const steps = STEPS.map((s, i): StepView => ({ stage: s, label: TOPIC_STAGE_LABELS[s], state: at < 0 ? 'todo' : i < at ? 'done' : i === at ? 'now' : 'todo' }));
  const v = t.vote;
  const r = v?.result;
  const winner = r?.winner;
  const mine = v && t.household?.optionId ? v.options.find((o) => o.id === t.household!.optionId)?.label : undefined;
  return {
    ...t,
    steps,
    cosignText: cosignNote(t),
    suggestedText: t.suggestedOptions.join('、'),
    historyRows: t.history.map((h, i) => ({ key: `${i}`, label: h.label, when: friendlyTime(h.at, now), by: h.by, why: h.why ?? '' })),
    meetingWhen: t.meeting ? friendlyTime(t.meeting.at, now) : '',
    closesText: v ? (v.closed ? '表决已结束' : `${friendlyTime(v.closesAt, now)} 截止`) : '',
    ballotText: v ? (v.ballot === 'secret' ? '无记名投票，每户一票' : '记名投票，每户一票') : '',
    rulesText: v ? `至少${v.quorum}户参加，得票过${v.threshold}%为通过` : '',
    bars: (r?.tally ?? []).map((x) => ({ ...x, width: `${Math.max(x.percent, 2)}%`, winner: x.label === winner })),
    resultText: r ? `${r.cast}户参加表决，${!r.quorumMet ? '未达到最少户数，表决无效' : r.passed ? `“${winner}”获得通过` : '没有选项达到通过比例'}` : '',
    householdText: t.household ? (t.household.voted ? `本户已投票${mine ? `：${mine}` : ''}` : `以本户（${t.household.label}）投票`) : '',
    comments: t.comments.map((c) => ({ ...c, when: friendlyTime(c.at, now) })),
  };
}
