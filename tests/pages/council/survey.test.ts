import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs } from '../support/db';
import { okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';

const LIST = 'pages/council/surveys/index';
const SURVEY = 'pages/council/survey/index';
const EDIT = 'package-staff/pages/survey-edit/index';
const RESULTS = 'package-staff/pages/survey-results/index';
const STAFF_LIST = 'package-staff/pages/survey-list/index';

jest.setTimeout(120_000);

const QUESTIONS = [
  { kind: 'single', title: '您平时在哪里吃午饭', options: ['自己做', '社区食堂'] },
  { kind: 'scale', title: '您对楼道卫生打几分' },
  { kind: 'needs', title: '您需要哪些服务', options: ['送餐助餐', '陪同就医'] },
];

async function published(c: TestCommunity, title: string): Promise<string> {
  const { survey } = await okFn(c.staff, 'council', { action: 'saveSurvey', title, questions: QUESTIONS });
  await okFn(c.staff, 'council', { action: 'publishSurvey', id: survey.id, target: { scope: 'community' }, deadline: Date.now() + 3 * 24 * 3600_000 });
  return survey.id;
}

describe('问卷', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;

  beforeAll(async () => {
    c = await newCommunity();
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident finds the survey, answers one big question at a time, and the answer is stored once', async () => {
    const id = await published(c, '居民需求调查');
    const resident = await c.resident('王桂英');
    page = await load(LIST, { openid: resident });
    expect(page.textOf(`#item-${id}`)).toContain('居民需求调查');
    expect(page.textOf(`#status-${id}`)).toBe('去填写 ›');
    await page.tap(`#item-${id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/pages/council/survey/index?id=${id}`]);
    page.detach();

    page = await load(SURVEY, { openid: resident, query: { id } });
    expect(page.comp.data.elder).toBeDefined();
    expect(page.textOf('#title')).toBe('居民需求调查');
    await page.tap('#choice-0-1');
    // One of the three is left out: the page says which, and sends nothing.
    await page.tap('#submit');
    expect(page.textOf('#problem')).toBe('第2题还没有回答');
    expect(recorded.scrolls.at(-1)).toBe('#question-1');
    expect(await findDocs('survey_answers', { surveyId: id })).toHaveLength(0);

    await page.tap('#choice-1-4');
    await page.tap('#choice-2-0');
    await page.tap('#choice-2-1');
    await page.tap('#choice-2-1');
    expect(page.comp.data.questions[2].choices.map((x: { selected: boolean }) => x.selected)).toEqual([true, false]);
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已提交，谢谢您');
    expect(page.textOf('#answered')).toBe('您已填写，谢谢参与');
    expect(page.has('#submit')).toBe(false);
    const stored = await findDocs<any>('survey_answers', { surveyId: id });
    expect(stored.map((a) => a.values)).toEqual([[1, 4, [0]]]);
    page.detach();

    page = await load(LIST, { openid: resident });
    expect(page.textOf(`#status-${id}`)).toBe('已填写');
  });

  test('after it ends the resident sees the results drawn as bars', async () => {
    const id = await published(c, '食堂满意度');
    const a = await c.resident('李大爷');
    const b = await c.resident('张阿姨');
    await okFn(a, 'council', { action: 'answer', id, answers: [1, 5, [0]] });
    await okFn(b, 'council', { action: 'answer', id, answers: [1, 3, [0, 1]] });
    await okFn(c.staff, 'council', { action: 'closeSurvey', id });
    page = await load(SURVEY, { openid: a, query: { id } });
    expect(page.textOf('#deadline')).toBe('已结束');
    expect(page.textOf('#respondents')).toBe('共2人参与');
    expect(page.textOf('#result-1')).toContain('平均4分');
    expect(page.textOf('#result-2')).toContain('送餐助餐2人 · 100%');
    expect(page.comp.data.results[2].bars.map((x: { width: number }) => x.width)).toEqual([100, 50]);
  });

  test('staff write a survey, publish it to the whole community, then close it and its needs reach the needs list', async () => {
    page = await load(EDIT, { openid: c.staff });
    await page.input('#title', '助老需求摸底');
    await page.tap('#add-single');
    await page.tap('#publish');
    expect(page.textOf('#problem')).toBe('请填写第1题的题目');
    await page.input('#q-title-0', '家里有几位老人');
    await page.input('#q-options-0', '一位\n两位及以上');
    await page.tap('#add-needs');
    await page.tap('#days-14');
    await page.tap('#publish');
    const [survey] = await findDocs<any>('surveys', { communityId: c.id, title: '助老需求摸底' });
    expect(survey).toMatchObject({ status: 'open', target: { scope: 'community' } });
    expect(survey.questions.map((q: any) => q.kind)).toEqual(['single', 'needs']);
    expect(survey.questions[0].options).toEqual(['一位', '两位及以上']);
    expect(recorded.navigations.at(-1)).toBe(`redirectTo:/package-staff/pages/survey-results/index?id=${survey._id}`);
    page.detach();

    const resident = await c.resident('周奶奶');
    await okFn(resident, 'council', { action: 'answer', id: survey._id, answers: [0, [1]] });
    page = await load(RESULTS, { openid: c.staff, query: { id: survey._id } });
    expect(page.textOf('#respondents')).toBe('共1人填写');
    await page.tap('#close');
    expect(recorded.toasts.at(-1)).toBe('已结束，1条需求进入需求清单');
    expect(page.textOf('#needs')).toBe('1条服务需求已进入需求清单');
    expect(page.has('#close')).toBe(false);
    const needs = await findDocs<any>('needs', { communityId: c.id, source: 'survey' });
    expect(needs.filter((n) => n._id.startsWith(`survey.${survey._id}.`)).map((n) => n.title)).toEqual(['1户需要送餐助餐']);
  });

  test('staff see drafts to finish and the results of the others, and export the answers as a table', async () => {
    const { survey: draft } = await okFn(c.staff, 'council', { action: 'saveSurvey', title: '停车需求调查', questions: QUESTIONS });
    const id = await published(c, '文体活动意向');
    await okFn(await c.resident('钱大妈'), 'council', { action: 'answer', id, answers: [0, 4, [1]] });
    page = await load(STAFF_LIST, { openid: c.staff });
    expect(page.textOf(`#status-${draft.id}`)).toBe('草稿');
    expect(page.textOf(`#item-${id}`)).toContain('1人已填');
    await page.tap(`#item-${draft.id}`);
    await page.tap(`#item-${id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/survey-edit/index?id=${draft.id}`, `navigateTo:/package-staff/pages/survey-results/index?id=${id}`]);
    page.detach();

    page = await load(RESULTS, { openid: c.staff, query: { id } });
    await page.tap('#export');
    expect(page.textOf('#exported-rows')).toBe('已导出 1 份答卷');
    await page.tap('#copy');
    expect(recorded.clipboard.at(-1)).toContain('1. 您平时在哪里吃午饭');
    expect(recorded.clipboard.at(-1)).toContain('自己做,4,陪同就医');
    expect(recorded.clipboard.at(-1)).not.toContain('钱大妈');
  });

  test('a resident cannot open staff pages', async () => {
    page = await load(EDIT, { openid: await c.resident('吴大伯') });
    expect(page.has('#forbidden')).toBe(true);
  });
});
