import { BASE_CALENDAR } from '../../../server/core/calendar';
import { DEFAULT_DEADLINE_HOURS, clockFor } from '../../../server/lists/deadlines';

/** The test communities keep the official calendar and the default 24-hour rule. */
const DEFAULT_RULES = { calendar: BASE_CALENDAR, hours: DEFAULT_DEADLINE_HOURS };
import { load, type PageHandle } from '../../setup/load';
import { lostResponse, modalAnswer, recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { findDocs, getDoc } from '../support/db';
import { listsDoc, moveResolveDeadline, raise, sentLists, visitNeed } from '../support/lists';
import { staffListsCommunity } from '../support/lists-staff';

const QUEUE = 'package-staff/pages/ticket-queue/index';
const HOUR = 3600_000;

jest.setTimeout(120_000);

const classOf = (page: PageHandle, selector: string): string => page.comp.querySelector(selector)?.dom?.className ?? '';

describe('工单派单', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident’s request waits in 待派单; staff dispatch it to the grid worker as 简单, with its 24-hour deadline', async () => {
    const c = await staffListsCommunity();
    const resident = await c.resident('王桂英');
    const raised = await raise(resident, { title: '楼道灯不亮', urgency: 2 });
    const waiting = await raise(resident, { title: '门口垃圾没人清' });

    page = await load(QUEUE, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#tab-submitted')).toBe('待派单');
    const card = page.textOf(`#ticket-${raised.id}`);
    expect(card).toContain('楼道灯不亮');
    expect(card).toContain('环境清洁');
    expect(card).toContain(c.gridName);
    expect(card).toContain('较急');
    expect(page.textOf(`#status-${raised.id}`)).toBe('待派单');
    expect(page.textOf(`#badge-${raised.id}`)).toMatch(/^(剩 \d+ 小时|剩不到 1 小时|今天到期|明天到期|剩 \d+ 天)$/);

    await page.tap(`#dispatch-${raised.id}`);
    // The kinds say what each sets; the grid's own worker is chosen to begin with.
    expect(page.textOf('#kinds')).toContain('简单 · 24小时办结');
    expect(page.textOf('#kinds')).toContain('复杂 · 3个工作日内响应');
    expect(page.textOf('#kinds')).toContain('疑难 · 提级包案');
    expect(classOf(page, `#assignee-grid_worker-${c.gridWorkerId}`)).toContain('chip-on');
    // Staff pick colleagues by real name, with their grid and what they already hold.
    expect(page.textOf(`#assignee-grid_worker-${c.gridWorkerId}`)).toMatch(/^网格员 周海燕（.+ · 手上\d+件）$/);
    await page.tap('#kind-complex');
    expect(page.textOf('#kind-detail')).toContain('3个工作日内接单响应');
    await page.tap('#kind-simple');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('已派单，办理人会收到通知');

    const t = await listsDoc('tickets', raised.id);
    expect(t).toMatchObject({ status: 'dispatched', kind: 'simple', assignee: { kind: 'grid_worker', userId: c.gridWorkerId } });
    // 简单事项24小时办结: 24 hours of working-day time from when it was raised.
    expect(t!.clock.resolveBy).toBe(clockFor('simple', t!.clock.startAt, DEFAULT_RULES).resolveBy);
    expect(t!.clock.resolveBy - t!.clock.startAt).toBeGreaterThanOrEqual(24 * HOUR);
    expect(t!.dueAt).toBe(t!.clock.resolveBy);
    expect(page.has(`#ticket-${raised.id}`)).toBe(false);

    await page.tap('#tab-open');
    expect(page.textOf(`#assignee-${raised.id}`)).toBe('办理人：网格员 周海燕');
    expect(page.has(`#ticket-${waiting.id}`)).toBe(false); // 办理中 is what has been dispatched
    expect(page.textOf(`#status-${raised.id}`)).toBe('待接单');
    // Sending it elsewhere once dispatched takes a reason.
    await page.tap(`#dispatch-${raised.id}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('改派须填写原因');
    expect(sentLists('dispatch')).toHaveLength(1);
  });

  test('去派单 from a ticket’s page opens the queue with that ticket’s dispatch form', async () => {
    const c = await staffListsCommunity();
    const raised = await raise(await c.resident('赵阿姨'), { title: '单元门禁坏了' });

    page = await load(QUEUE, { openid: c.staff, query: { id: raised.id } });
    expect(page.has('#kinds')).toBe(true);
    expect(classOf(page, `#assignee-grid_worker-${c.gridWorkerId}`)).toContain('chip-on');
    await page.tap('#panel-submit');
    expect(await listsDoc('tickets', raised.id)).toMatchObject({ status: 'dispatched', assignee: { kind: 'grid_worker', userId: c.gridWorkerId } });
  });

  test('a dispatch whose answer is lost: told so, and the same tap again dispatches once', async () => {
    const c = await staffListsCommunity();
    const raised = await raise(await c.resident('钱奶奶'), { title: '楼顶水箱漏水' });
    page = await load(QUEUE, { openid: c.staff });
    await page.tap(`#dispatch-${raised.id}`);

    lostResponse.action = 'dispatch';
    await page.tap('#panel-submit');
    expect(recorded.modals.at(-1)?.title).toBe('没有收到结果');
    expect(recorded.modals.at(-1)?.content).toContain('不会重复办理');
    expect(page.has('#kinds')).toBe(true); // the form stays for the same tap

    await page.tap('#panel-submit');
    const sent = sentLists('dispatch');
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    expect(recorded.toasts.at(-1)).toBe('已派单，办理人会收到通知');
    const events = await findDocs<{ to: string }>('list_events', { targetId: raised.id });
    expect(events.filter((e) => e.to === 'dispatched')).toHaveLength(1);
  });

  test('an overdue ticket shows in 已超时 in red; 督办提级 and 撤销 each take a reason, 撤销 asks first', async () => {
    const c = await staffListsCommunity();
    const resident = await c.resident('李大爷');
    const late = await raise(resident, { title: '下水道堵塞返水' });
    const fresh = await raise(resident, { title: '楼下垃圾桶满了' });
    await moveResolveDeadline(late.id, Date.now() - 2 * HOUR);

    page = await load(QUEUE, { openid: c.staff, query: { tab: 'overdue' } });
    expect(sentLists('overdue')).toHaveLength(1);
    expect(page.textOf(`#badge-${late.id}`)).toBe('已超时');
    expect(classOf(page, `#badge-${late.id}`)).toContain('badge-late');
    expect(page.has(`#ticket-${fresh.id}`)).toBe(false);

    await page.tap(`#escalate-${late.id}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('请填写督办提级的原因');
    await page.input('#panel-text', '超时两小时仍未派单');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('已提级，由社区书记包案');
    expect(await listsDoc('tickets', late.id)).toMatchObject({ level: 'secretary', kind: 'difficult', status: 'dispatched' });
    // With the secretary's fresh deadlines it is no longer overdue; 办理中 shows who watches it now.
    expect(page.has(`#ticket-${late.id}`)).toBe(false);
    await page.tap('#tab-open');
    expect(page.textOf(`#level-${late.id}`)).toBe('社区书记包案');
    expect(page.has(`#escalate-${late.id}`)).toBe(false);

    await page.tap('#tab-submitted');
    await page.tap(`#cancel-${fresh.id}`);
    await page.input('#panel-text', '居民电话说已自行处理');
    modalAnswer.confirm = false;
    await page.tap('#panel-submit');
    expect(recorded.modals.at(-1)?.title).toBe('撤销工单');
    expect(sentLists('cancel')).toHaveLength(0);
    modalAnswer.confirm = true;
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('工单已撤销');
    expect(await listsDoc('tickets', fresh.id)).toMatchObject({ status: 'cancelled' });
    expect(page.has(`#ticket-${fresh.id}`)).toBe(false);
  });

  test('a need sent from 三张清单 opens its dispatch form; 复杂 sets an accept deadline', async () => {
    const c = await staffListsCommunity();
    const needId = await visitNeed(c, '空巢老人家中燃气灶打不着火', { category: '家电维修' });

    page = await load(QUEUE, { openid: c.staff, query: { needId } });
    expect(page.textOf('#need')).toContain('派单：空巢老人家中燃气灶打不着火');
    expect(classOf(page, `#assignee-grid_worker-${c.gridWorkerId}`)).toContain('chip-on');
    await page.tap('#kind-complex');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('已派单，办理人会收到通知');
    expect(page.has('#need')).toBe(false);
    const need = await getDoc<{ status: string; ticketId: string }>('needs', needId);
    expect(need).toMatchObject({ status: 'assigned', ticketId: expect.any(String) });
    const t = await listsDoc('tickets', need!.ticketId);
    expect(t).toMatchObject({ kind: 'complex', status: 'dispatched', assignee: { userId: c.gridWorkerId }, clock: { acceptBy: clockFor('complex', t!.clock.startAt, DEFAULT_RULES).acceptBy } });
  });

  test('a grid worker sees their own grid’s tickets, without the grid filter or 派单 and 撤销', async () => {
    const c = await staffListsCommunity();
    const grid2 = c.grid2Id;
    const resident = await c.resident('赵阿姨');
    const mine = await raise(resident, { title: '单元门禁坏了' });
    const other = await raise(resident, { title: '新村路面积水', gridId: grid2 });
    expect((await listsDoc('tickets', other.id))!.gridId).toBe(grid2);

    page = await load(QUEUE, { openid: c.staff });
    expect(page.has('#grid-filter')).toBe(true);
    expect(page.has(`#ticket-${other.id}`)).toBe(true);
    expect(page.textOf(`#grid-${grid2}`)).toBe('第二网格'); // short enough that six grids fit a phone
    await page.tap(`#grid-${grid2}`);
    expect(page.has(`#ticket-${mine.id}`)).toBe(false);
    expect(page.has(`#ticket-${other.id}`)).toBe(true);
    page.detach();

    resetWx();
    page = await load(QUEUE, { openid: c.gridWorker });
    expect(page.has('#grid-filter')).toBe(false);
    expect(page.has(`#ticket-${mine.id}`)).toBe(true);
    expect(page.has(`#ticket-${other.id}`)).toBe(false);
    expect(page.has(`#dispatch-${mine.id}`)).toBe(false);
    expect(page.has(`#cancel-${mine.id}`)).toBe(false);
    expect(page.has(`#escalate-${mine.id}`)).toBe(true);
    expect(sentLists('assignees')).toHaveLength(0);
  });

  test('a resident gets 无权限', async () => {
    const c = await staffListsCommunity();
    const resident = await c.resident('钱大妈');
    await okFn(resident, 'lists', { action: 'submitRequest', category: '环境清洁', title: '楼道有杂物' });
    page = await load(QUEUE, { openid: resident });
    expect(page.textOf('#forbidden')).toBe('工单派单仅供社区工作人员和网格员使用');
    expect(sentLists('tickets')).toHaveLength(0);
  });
});
