import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { findDocs, getDoc } from '../support/db';
import { listsDoc, sentLists, visitNeed } from '../support/lists';
import { decisionsOf, fireListsTimer, staffListsCommunity, unitResource } from '../support/lists-staff';

const MATCH = 'package-staff/pages/lists-match/index';

jest.setTimeout(120_000);

/** The stored suggestion of a need in a job's results, as the engine wrote it. */
async function storedSuggestion(jobId: string, needId: string): Promise<{ id: string; key: string; explanation: string; resourceId: string }> {
  const chunks = await findDocs<{ index: number; items: Array<{ needId: string; explanation: string; resourceId: string }> }>('match_results', { jobId });
  for (const c of chunks) {
    const i = c.items.findIndex((s) => s.needId === needId);
    const id = `${jobId}.${c.index * 100 + i}`;
    if (i >= 0) return { id, key: id.replace('.', '-'), explanation: c.items[i].explanation, resourceId: c.items[i].resourceId };
  }
  throw new Error(`no suggestion for ${needId} in ${jobId}`);
}

describe('智能匹配', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff run the match and see each suggestion explained; 采纳 dispatches a ticket, 不采纳 needs a reason', async () => {
    // A community of its own: running the match on the demo community would change what other suites read.
    const c = await staffListsCommunity();
    const resourceId = await unitResource(c, '党员服务队上门助老', ['助老服务']);
    const visit = await visitNeed(c, '独居老人需要每周上门探访', { category: '助老服务', urgency: 3 });
    const errand = await visitNeed(c, '老人需要代买降压药', { category: '助老服务' });
    const similar: string[] = [];
    for (let i = 1; i <= 5; i++) similar.push(await visitNeed(c, `困难家庭心理疏导${i}`, { category: '心理疏导' }));

    page = await load(MATCH, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#never')).toContain('还没有运行过匹配');

    await page.tap('#start');
    expect(sentLists('match')).toHaveLength(1);
    expect(page.textOf('#job-status')).toBe('匹配完成');
    const job = (await findDocs<{ _id: string; status: string; summary: { matched: number; needs: number } }>('match_jobs', { communityId: c.id }))[0];
    expect(job).toMatchObject({ status: 'done', summary: { matched: 2, needs: 7 } });
    expect(page.textOf('#matched')).toBe('2');
    expect(page.textOf('#needs')).toBe('7');
    expect(page.textOf('#headline')).toBe('为 7 条待对接需求中的 2 条找到了资源');
    expect(page.has('#greedy')).toBe(true);

    // Each suggestion says why, in the engine's words.
    const first = await storedSuggestion(job._id, visit);
    expect(first.resourceId).toBe(resourceId);
    expect(page.textOf(`#why-${first.key}`)).toBe(first.explanation);
    expect(first.explanation).toMatch(/^同网格 · 技能匹配/);
    expect(first.explanation).toContain('紧急');
    expect(page.textOf(`#suggestion-${first.key}`)).toContain('独居老人需要每周上门探访');
    expect(page.textOf(`#suggestion-${first.key}`)).toContain('建议由 测试供电所 承接');

    // 采纳: the need's ticket is dispatched to the unit, and the card says so with a way to it.
    await page.tap(`#accept-${first.key}`);
    expect(recorded.toasts.at(-1)).toBe('已采纳，已生成工单并派单');
    expect(page.textOf(`#status-${first.key}`)).toBe('已采纳');
    expect(page.textOf(`#outcome-${first.key}`)).toContain('已生成工单并派单');
    expect(page.has(`#accept-${first.key}`)).toBe(false);
    const need = await getDoc<{ status: string; ticketId: string }>('needs', visit);
    expect(need).toMatchObject({ status: 'assigned', ticketId: expect.any(String) });
    expect(await listsDoc('tickets', need!.ticketId)).toMatchObject({ status: 'dispatched', needId: visit, assignee: { kind: 'unit', label: '共建单位 测试供电所' } });
    await page.tap(`#ticket-${first.key}`);
    expect(recorded.navigations).toEqual([`navigateTo:/pages/lists/ticket/index?id=${need!.ticketId}`]);

    // 不采纳 without a reason is stopped on the page; with one, it is written and the need stays open.
    const second = await storedSuggestion(job._id, errand);
    await page.tap(`#reject-${second.key}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('请填写不采纳的原因');
    expect(sentLists('decide')).toHaveLength(1);
    await page.input('#panel-text', '家属已经代买');
    await page.tap('#panel-submit');
    expect(page.textOf(`#status-${second.key}`)).toBe('未采纳');
    expect(page.textOf(`#outcome-${second.key}`)).toBe('不采纳：家属已经代买');
    const decisions = await decisionsOf(job._id);
    expect(decisions.find((d) => d._id === second.id)).toMatchObject({ status: 'rejected', why: '家属已经代买', needId: errand });
    expect(await getDoc('needs', errand)).toMatchObject({ status: 'open' });
    expect((await findDocs('tickets', { communityId: c.id })).map((t) => t.needId)).toEqual([visit]);

    // Five similar needs of one grid are offered as a project, opening the form with them.
    expect(page.textOf('#projects')).toContain('心理疏导 · 5条需求');
    expect(page.textOf('#projects')).toContain('同网格同类需求5条');
    await page.tapText('生成项目');
    const url = recorded.navigations.at(-1)!;
    expect(url.startsWith(`navigateTo:/package-staff/pages/lists-project-edit/index?needIds=`)).toBe(true);
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('needIds')!.split(',').sort()).toEqual([...similar].sort());
    expect(query.get('category')).toBe('心理疏导');
    expect(query.get('gridId')).toBe(c.gridId);
  });

  test('调整 offers the other resources of the category and dispatches to the one chosen', async () => {
    const c = await staffListsCommunity();
    await unitResource(c, '供电所助老服务', ['助老服务']);
    const other = await unitResource(c, '社区志愿服务站助老', ['助老服务', '代买代办'], { capacity: 1 });
    const needId = await visitNeed(c, '老人想找人陪着去银行', { category: '助老服务' });

    page = await load(MATCH, { openid: c.staff });
    await page.tap('#start');
    const job = (await findDocs<{ _id: string }>('match_jobs', { communityId: c.id }))[0];
    const s = await storedSuggestion(job._id, needId);
    const alternative = s.resourceId === other ? (await findDocs<{ _id: string }>('resources', { communityId: c.id })).find((r) => r._id !== other)!._id : other;
    await page.tap(`#adjust-${s.key}`);
    expect(page.has(`#choice-${s.resourceId}`)).toBe(false);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('请选择改派的资源');
    await page.tap(`#choice-${alternative}`);
    await page.tap('#panel-submit');
    expect(page.textOf(`#status-${s.key}`)).toBe('已调整');
    const need = await getDoc<{ ticketId: string; resourceId: string }>('needs', needId);
    expect(need).toMatchObject({ resourceId: alternative });
    expect(await listsDoc('tickets', need!.ticketId)).toMatchObject({ status: 'dispatched', usage: { resourceId: alternative } });
  });

  test('a job left to the timer is watched until it is done, and no longer once the page is gone', async () => {
    const c = await staffListsCommunity();
    await unitResource(c, '上门理发', ['理发义剪']);
    await visitNeed(c, '卧床老人需要上门理发', { category: '理发义剪' });
    const { job } = await okFn(c.staff, 'lists', { action: 'match', background: true });
    expect(job.status).toBe('queued');

    page = await load(MATCH, { openid: c.staff });
    expect(page.textOf('#job-status')).toMatch(/^(排队中|正在计算)/);
    expect(page.textOf('#start')).toBe('正在匹配…');
    await fireListsTimer('runMatchJobs');
    await page.waitForText('匹配完成', 15_000);
    await page.idle();
    expect(page.textOf('#matched')).toBe('1');
    expect(page.text()).toContain('卧床老人需要上门理发');
    const asked = sentLists('matchResult').length;
    await new Promise((r) => setTimeout(r, 2000));
    expect(sentLists('matchResult')).toHaveLength(asked);

    // Another run is queued; the page that watched it is closed: it stops asking.
    await visitNeed(c, '老人需要上门理发第二次', { category: '理发义剪' });
    await okFn(c.staff, 'lists', { action: 'match', background: true });
    page.detach();
    page = undefined;
    resetWx();
    page = await load(MATCH, { openid: c.staff });
    expect(page.textOf('#job-status')).toMatch(/^(排队中|正在计算)/);
    page.detach();
    const before = sentLists('matchResult').length;
    await new Promise((r) => setTimeout(r, 2000));
    expect(sentLists('matchResult')).toHaveLength(before);
    page = undefined;
    await fireListsTimer('runMatchJobs');
  });

  test('a grid worker and a resident get 无权限, and nothing of the match is asked for', async () => {
    const c = await staffListsCommunity();
    const resident = await c.resident('钱大妈');
    for (const openid of [resident, c.gridWorker]) {
      resetWx();
      page = await load(MATCH, { openid });
      expect(page.textOf('#forbidden')).toBe('智能匹配仅供社区工作人员使用');
      expect(recorded.requests.filter((r) => r.url.endsWith('/fn/lists'))).toHaveLength(0);
      page.detach();
    }
    page = undefined;
  });
});
