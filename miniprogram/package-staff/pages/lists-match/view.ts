import type { MatchJobStatus, MatchJobView, MatchSummary, ProjectSuggestionView, SuggestionStatus, SuggestionView } from '../../../../typings/lists';
import { formatShort } from '../../../utils/date';
import { STAFF_LISTS_PAGES } from '../../../utils/routes';
import { NEED_SOURCE_LABELS, PROVIDER_KIND_LABELS, type Tone, URGENCY_LABELS } from '../../../utils/lists-view';

/** How often the page asks whether a queued or running match job has finished. */
export const MATCH_POLL_MS = 1500;

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = { proposed: '待处理', accepted: '已采纳', adjusted: '已调整', rejected: '未采纳' };
const SUGGESTION_TONES: Record<SuggestionStatus, Tone> = { proposed: 'open', accepted: 'done', adjusted: 'done', rejected: 'off' };

const JOB_STATUS_TEXT: Record<MatchJobStatus, string> = {
  queued: '排队中，马上开始计算…',
  running: '正在计算匹配，请稍候…',
  done: '匹配完成',
  failed: '匹配没有完成',
};

export function jobBusy(job: Pick<MatchJobView, 'status'> | null | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

export interface SummaryView {
  needs: number;
  resources: number;
  matched: number;
  unmatched: number;
  /** '为 12 条待对接需求中的 9 条找到了资源' */
  headline: string;
  /** The comparison with first-come matching on the same lists, or ''. */
  greedy: string;
  projects: string;
}

export function toSummaryView(s: MatchSummary): SummaryView {
  let greedy = '';
  if (typeof s.greedyMatched === 'number') {
    if (s.matched > s.greedyMatched) greedy = `比“先来先配”多配上 ${s.matched - s.greedyMatched} 条（先来先配只能配上 ${s.greedyMatched} 条）`;
    else if (s.total > s.greedyTotal) greedy = `配上的条数与“先来先配”相同（${s.greedyMatched} 条），但更照顾紧急和等待久的需求`;
    else greedy = '与“先来先配”的结果相同';
  }
  return {
    needs: s.needs,
    resources: s.resources,
    matched: s.matched,
    unmatched: s.unmatched,
    headline: s.needs ? `为 ${s.needs} 条待对接需求中的 ${s.matched} 条找到了资源` : '目前没有待对接的需求',
    greedy,
    projects: s.projectSuggestions ? `另有 ${s.projectSuggestions} 组同类需求建议合并成项目` : '',
  };
}

export interface JobCardView {
  id: string;
  status: MatchJobStatus;
  busy: boolean;
  statusText: string;
  error: string;
  /** When it finished (or was asked for, while it runs). */
  time: string;
  summary: SummaryView | null;
}

export function toJobCardView(j: MatchJobView): JobCardView {
  return {
    id: j.id,
    status: j.status,
    busy: jobBusy(j),
    statusText: JOB_STATUS_TEXT[j.status] ?? j.status,
    error: j.status === 'failed' ? j.error ?? '匹配计算失败，请稍后重试' : '',
    time: formatShort(j.finishedAt ?? j.createdAt),
    summary: j.status === 'done' && j.summary ? toSummaryView(j.summary) : null,
  };
}

export interface SuggestionCardView extends SuggestionView {
  /** The id as an element id can carry it (no dots). */
  key: string;
  statusLabel: string;
  tone: Tone;
  sourceLabel: string;
  urgencyLabel: string;
  urgent: boolean;
  providerKindLabel: string;
  open: boolean;
  /** What became of it: '已生成工单，派给…', '已纳入项目', '不采纳：…', or ''. */
  outcome: string;
  ticketId: string;
}

function outcomeOf(s: SuggestionView): string {
  const d = s.decision;
  if (!d) return '';
  if (s.status === 'rejected') return `不采纳：${d.why ?? ''}`;
  if (d.projectId) return '已纳入项目';
  if (d.ticketId) return s.status === 'adjusted' ? '已调整资源，生成工单并派单' : '已生成工单并派单';
  return SUGGESTION_STATUS_LABELS[s.status];
}

export function toSuggestionCardView(s: SuggestionView): SuggestionCardView {
  return {
    ...s,
    key: s.id.replace(/\./g, '-'),
    statusLabel: SUGGESTION_STATUS_LABELS[s.status] ?? s.status,
    tone: SUGGESTION_TONES[s.status] ?? 'off',
    sourceLabel: NEED_SOURCE_LABELS[s.need.source] ?? s.need.source,
    urgencyLabel: URGENCY_LABELS[s.need.urgency] ?? '',
    urgent: s.need.urgency >= 2,
    providerKindLabel: PROVIDER_KIND_LABELS[s.resource.providerKind] ?? '',
    open: s.status === 'proposed',
    outcome: outcomeOf(s),
    ticketId: s.decision?.ticketId ?? '',
  };
}

export interface ProjectIdeaView extends ProjectSuggestionView {
  key: string;
  count: number;
  /** The project form, filled with these needs. */
  url: string;
}

export function toProjectIdeaView(p: ProjectSuggestionView, i: number): ProjectIdeaView {
  return {
    ...p,
    key: `idea-${i}`,
    count: p.needIds.length,
    url: `${STAFF_LISTS_PAGES.projectEdit}?needIds=${p.needIds.join(',')}&category=${p.category}&gridId=${p.gridId}`,
  };
}
