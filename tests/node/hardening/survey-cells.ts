import { ok } from '../support/cloud';
import type { Cell, Who } from './world';

/**
 * 问卷 rows of the authorization matrix, walked in the demo community: staff build, publish,
 * close, read and export surveys (each community its own); everyone of the community lists the
 * surveys meant for them, reads one and answers it once; a survey of another community is missing.
 *
 *                        anon res vol unit grid staff admin other
 */
export const SURVEY_ROWS: Record<string, string> = {
  'council.surveys':       'D A A A A A A A',
  'council.survey':        'D A A A A A A D',
  'council.answer':        'D A A A A A A D',
  'council.saveSurvey':    'D D D D D A A A',
  'council.publishSurvey': 'D D D D D A A D',
  'council.closeSurvey':   'D D D D D A A D',
  'council.surveyResults': 'D D D D D A A D',
  'council.exportSurvey':  'D D D D D A A D',
};

const QUESTIONS = [
  { kind: 'scale', title: '您对社区服务打几分' },
  { kind: 'needs', title: '您需要哪些服务', options: ['送餐助餐', '陪同就医'] },
];

let n = 0;

/** A survey of the demo community for everyone, a draft or published. */
async function demoSurvey(state: 'draft' | 'open'): Promise<string> {
  const { survey } = await ok('council', { action: 'saveSurvey', title: `矩阵问卷${++n}`, questions: QUESTIONS }, 'demo-staff');
  if (state === 'open') await ok('council', { action: 'publishSurvey', id: survey.id, target: { scope: 'community' }, deadline: Date.now() + 24 * 3600_000 }, 'demo-staff');
  return survey.id;
}

export async function prepareSurvey(action: string, _who: Who): Promise<Cell> {
  switch (action) {
    case 'surveys':
      return { event: { action } };
    case 'saveSurvey':
      return { event: { action, title: `矩阵问卷${++n}`, questions: QUESTIONS } };
    case 'publishSurvey':
      return { event: { action, id: await demoSurvey('draft'), target: { scope: 'community' }, deadline: Date.now() + 24 * 3600_000 } };
    case 'answer':
      return { event: { action, id: await demoSurvey('open'), answers: [5, [0]] } };
    default:
      return { event: { action, id: await demoSurvey('open') } };
  }
}
