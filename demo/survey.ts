import type { Call } from './alive';

/**
 * 问卷 in the demo community: a needs survey of the whole community, answered by the neighbours
 * and closed, so its 「需要哪些服务」 answers are on the needs list (source 问卷) for the matcher;
 * and a survey still open that the demo resident has not answered yet.
 */

const STAFF = 'demo-staff';
const DAY = 24 * 3600_000;

const NEEDS_SURVEY = {
  title: '北海社区居民服务需求调查',
  intro: '社区想了解大家最需要哪些服务，结果用于安排志愿服务和共建项目。',
  questions: [
    { kind: 'single', title: '您家里有几位60岁以上的老人', options: ['没有', '一位', '两位及以上'] },
    { kind: 'needs', title: '您或家人需要哪些服务', options: ['助老服务', '送餐助餐', '陪同就医', '电脑手机教学', '儿童托管', '家电维修'] },
    { kind: 'scale', title: '您对社区服务的总体满意度' },
    { kind: 'text', title: '还有什么想对社区说的', optional: true },
  ],
};

/** Each neighbour's answers: elders at home, services wanted, a score, a word. */
const ANSWERS: Array<[string, Array<number | number[] | string | null>]> = [
  ['demo-resident', [1, [1, 3], 5, '希望助餐点能送餐上门']],
  ['demo-neighbour-1', [2, [0, 1, 2], 4, null]],
  ['demo-neighbour-2', [1, [1, 2], 4, '看病没人陪']],
  ['demo-neighbour-3', [0, [4], 3, '孩子放学没人管']],
  ['demo-neighbour-4', [2, [0, 1], 5, null]],
  ['demo-neighbour-5', [1, [1, 5], 4, null]],
];

export interface SurveyLife {
  closed: number;
  open: number;
  needs: number;
}

export async function bringSurveysToLife(call: Call, now: number): Promise<SurveyLife> {
  const must = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const res = await call(fn, event, openid);
    if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  const { survey } = await must('council', { action: 'saveSurvey', ...NEEDS_SURVEY }, STAFF);
  await must('council', { action: 'publishSurvey', id: survey.id, target: { scope: 'community' }, deadline: now + 7 * DAY }, STAFF);
  for (const [who, answers] of ANSWERS) await must('council', { action: 'answer', id: survey.id, answers }, who);
  const closed = await must('council', { action: 'closeSurvey', id: survey.id }, STAFF);

  const { survey: canteen } = await must(
    'council',
    {
      action: 'saveSurvey',
      title: '社区食堂满意度调查',
      questions: [
        { kind: 'scale', title: '饭菜口味打几分' },
        { kind: 'multiple', title: '您希望增加哪些菜', options: ['软烂好嚼的', '少盐少油的', '面食', '粥和汤'] },
        { kind: 'text', title: '其他建议', optional: true },
      ],
    },
    STAFF,
  );
  await must('council', { action: 'publishSurvey', id: canteen.id, target: { scope: 'community' }, deadline: now + 14 * DAY }, STAFF);
  await must('council', { action: 'answer', id: canteen.id, answers: [4, [0, 3], null] }, 'demo-neighbour-1');
  return { closed: 1, open: 1, needs: closed.needs };
}
