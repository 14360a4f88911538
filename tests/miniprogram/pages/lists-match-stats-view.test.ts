import type { MatchSummary, SuggestionView, TicketStats } from '../../../typings/lists';
import { toJobCardView, toProjectIdeaView, toSuggestionCardView, toSummaryView } from '../../../miniprogram/package-staff/pages/lists-match/view';
import { pasteText, percent, thisMonth, toTicketStatsView } from '../../../miniprogram/package-staff/pages/lists-stats/view';

const summary = (over: Partial<MatchSummary> = {}): MatchSummary => ({
  needs: 12, resources: 4, pairs: 30, matched: 9, unmatched: 3, total: 1500, greedyMatched: 7, greedyTotal: 1200, projectSuggestions: 0, solveMs: 3, ...over,
});

describe('lists-match view', () => {
  it('compares the optimal matching with first-come matching in words', () => {
    expect(toSummaryView(summary()).greedy).toBe('比“先来先配”多配上 2 条（先来先配只能配上 7 条）');
    expect(toSummaryView(summary({ greedyMatched: 9 })).greedy).toBe('配上的条数与“先来先配”相同（9 条），但更照顾紧急和等待久的需求');
    expect(toSummaryView(summary({ greedyMatched: 9, greedyTotal: 1500 })).greedy).toBe('与“先来先配”的结果相同');
    expect(toSummaryView(summary()).headline).toBe('为 12 条待对接需求中的 9 条找到了资源');
    expect(toSummaryView(summary({ needs: 0, matched: 0 })).headline).toBe('目前没有待对接的需求');
  });

  it('shows a job’s state; a summary only once it is done', () => {
    expect(toJobCardView({ id: 'mj_1', status: 'running', createdAt: 0 })).toMatchObject({ busy: true, summary: null, error: '' });
    expect(toJobCardView({ id: 'mj_1', status: 'failed', createdAt: 0 })).toMatchObject({ busy: false, error: '匹配计算失败，请稍后重试' });
    expect(toJobCardView({ id: 'mj_1', status: 'done', createdAt: 0, summary: summary() }).summary?.matched).toBe(9);
  });

  it('says what became of a decided suggestion, with an element-safe key', () => {
    const s: SuggestionView = {
      id: 'mj_0123456789abcdef.7',
      need: { id: 'n1', title: '探访', category: '助老服务', urgency: 3, people: 1, source: 'visit' },
      resource: { id: 'r1', title: '助老', providerName: '测试供电所', providerKind: 'unit' },
      score: 200,
      reasons: ['同网格'],
      explanation: '同网格',
      status: 'rejected',
      decision: { at: 0, by: '社区工作者', why: '家属照顾' },
    };
    expect(toSuggestionCardView(s)).toMatchObject({ key: 'mj_0123456789abcdef-7', outcome: '不采纳：家属照顾', open: false, urgent: true, ticketId: '' });
    expect(toSuggestionCardView({ ...s, status: 'accepted', decision: { at: 0, by: 'x', ticketId: 'tk_1' } })).toMatchObject({ outcome: '已生成工单并派单', ticketId: 'tk_1' });
  });

  it('opens the project form with the needs, category and grid of a suggestion', () => {
    const p = toProjectIdeaView({ category: '心理疏导', gridId: 'g1', needIds: ['a', 'b'], people: 2, maxUrgency: 1, explanation: '' }, 0);
    expect(p.url).toBe('/package-staff/pages/lists-project-edit/index?needIds=a,b&category=心理疏导&gridId=g1');
  });
});

describe('lists-stats view', () => {
  it('shows rates as percentages, none as a dash', () => {
    expect(percent(0.857)).toBe('85.7%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('—');
  });

  it('starts this month on the 1st in Beijing, whatever the phone’s zone', () => {
    // 16:30 UTC on 31 March is 00:30 on 1 April in Beijing.
    expect(thisMonth(Date.UTC(2026, 2, 31, 16, 30))).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(thisMonth(Date.UTC(2026, 2, 31, 15, 30))).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('flags an on-time rate under 90%', () => {
    const s: TicketStats = { tickets: 3, completed: 1, completionRate: 0.333, onTime: 1, late: 1, onTimeRate: 0.5, overdueOpen: 1, rated: 0, avgStars: null, satisfactionRate: null, reopened: 0 };
    expect(toTicketStatsView('g', '第一网格', s)).toMatchObject({ onTimeRate: '50%', completionRate: '33.3%', satisfactionRate: '—', avgStars: '', low: true });
  });

  it('pastes a CSV without its byte-order mark', () => {
    expect(pasteText('\ufeff编号,标题\r\n')).toBe('编号,标题\r\n');
  });
});
