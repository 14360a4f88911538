import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { okFn } from '../support/backend';
import { dispatchTo, listsCommunity, moveResolveDeadline, raise } from '../support/lists';

const TICKET = 'pages/lists/ticket/index';
const TASKS = 'pages/lists/tasks/index';
const ME = 'pages/user/me/index';

jest.setTimeout(120_000);

describe('派单 → 接单 → 办结 → 评单 on the pages', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the grid worker sees the task with its deadline, accepts and resolves; the resident rates 2 stars and it is reopened', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('王桂英');
    const raised = await raise(resident, { title: '楼道堆放杂物', urgency: 3 });
    const late = await raise(resident, { title: '路灯不亮', category: '水电维修' });
    await dispatchTo(c, raised.id);
    await dispatchTo(c, late.id);
    await moveResolveDeadline(late.id, Date.now() - 3600_000);

    // The resident, while it waits for the worker: no 接单 for them, no cancelling once dispatched.
    page = await load(TICKET, { openid: resident, query: { id: raised.id } });
    expect(page.textOf('#status')).toBe('已安排人办理');
    expect(page.textOf('#assignee')).toBe('办理人：网格员 周**');
    expect(page.text()).not.toContain('周海燕');
    // While someone works it, the resident may only press them (催办).
    expect(page.has('#hurry')).toBe(true);
    for (const action of ['#accept', '#open-resolve', '#open-rate', '#open-cancel', '#dispatch']) expect(page.has(action)).toBe(false);
    expect(page.textOf('#timeline')).toContain('派单');
    page.detach();

    // The worker finds both among 我的任务 from 我的: the overdue one on top, in red words.
    resetWx();
    page = await load(ME, { openid: c.gridWorker });
    await page.tap('#tasks');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/lists/tasks/index']);
    page.detach();

    resetWx();
    page = await load(TASKS, { openid: c.gridWorker });
    const ids = (page.comp.data.items as Array<{ id: string }>).map((t) => t.id);
    expect(ids).toEqual([late.id, raised.id]);
    expect(page.textOf(`#badge-${late.id}`)).toBe('已超时');
    expect(page.textOf(`#badge-${raised.id}`)).toMatch(/^(剩 \d+ 小时|剩不到 1 小时|今天到期|明天到期|剩 \d+ 天)$/);
    expect(page.textOf(`#due-${raised.id}`)).toMatch(/须于.+办结/);
    expect(page.textOf(`#task-${raised.id}`)).toContain('紧急');
    expect(page.textOf(`#status-${raised.id}`)).toBe('待接单');
    await page.tap(`#accept-${raised.id}`);
    expect(recorded.toasts.at(-1)).toMatch(/^已接单，须于.+办结$/);
    expect(page.textOf(`#status-${raised.id}`)).toBe('办理中');
    expect(page.has(`#accept-${raised.id}`)).toBe(false);
    expect(await getDoc('tickets', raised.id)).toMatchObject({ status: 'accepted' });
    await page.tap(`#open-${raised.id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/pages/lists/ticket/index?id=${raised.id}`]);
    page.detach();

    // On the ticket: 办结 needs a note; with one (and a photo) it is resolved.
    resetWx();
    page = await load(TICKET, { openid: c.gridWorker, query: { id: raised.id } });
    expect(page.textOf('#status')).toBe('办理中');
    expect(page.has('#accept')).toBe(false);
    expect(page.has('#open-rate')).toBe(false);
    await page.tap('#open-resolve');
    await page.tap('#form-submit');
    expect(recorded.toasts).toEqual(['请填写办理情况']);
    await page.input('#form-text', '已联系住户把纸箱搬走，楼道已清空');
    await page.tap('#form-photos >>> .add');
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('已办结，等待居民评价');
    expect(page.textOf('#status')).toBe('待评价');
    expect(page.textOf('#resolution-note')).toBe('已联系住户把纸箱搬走，楼道已清空');
    expect(await getDoc('tickets', raised.id)).toMatchObject({ status: 'resolved', resolution: { note: '已联系住户把纸箱搬走，楼道已清空', photos: [recorded.uploads[0].fileID] } });
    page.detach();

    // The resident is not satisfied: 2 stars need a reason, and they are told it goes back first.
    resetWx();
    page = await load(TICKET, { openid: resident, query: { id: raised.id } });
    expect(page.textOf('#status')).toBe('已办好，请评价');
    expect(page.textOf('#actions')).toContain('点1–2星并写明原因，会退回重新办理');
    await page.tap('#open-rate');
    await page.tap('#star-2');
    expect(page.textOf('#star-word')).toBe('不满意');
    expect(page.textOf('#low-notice')).toContain('提交后会退回办理人重新办理');
    await page.tap('#form-submit');
    expect(recorded.toasts).toEqual(['评价1–2星时请说明不满意的原因']);
    await page.input('#form-text', '只搬了一半，还有两箱在楼梯口');
    modalAnswer.confirm = false;
    await page.tap('#form-submit');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '退回重新办理' });
    expect(await getDoc('tickets', raised.id)).toMatchObject({ status: 'resolved' });
    modalAnswer.confirm = true;
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('已退回重新办理，社区会督促办好');
    expect(page.textOf('#status')).toBe('正在办理');
    expect(page.textOf('#reopened')).toBe('已退回重新办理1次');
    expect(page.textOf('#timeline')).toContain('不满意，退回重新办理');
    expect(page.textOf('#timeline')).toContain('评价2星，重新办理：只搬了一半，还有两箱在楼梯口');
    expect(await getDoc('tickets', raised.id)).toMatchObject({ status: 'accepted', reopenCount: 1 });
    expect(await findDocs('points_entries', { 'source.id': raised.id })).toHaveLength(0);
    page.detach();

    // Done properly the second time: 5 stars close it and the worker's points are told.
    await okFn(c.gridWorker, 'lists', { action: 'resolve', id: raised.id, note: '剩下的纸箱也清走了' });
    resetWx();
    page = await load(TICKET, { openid: resident, query: { id: raised.id } });
    await page.tap('#open-rate');
    await page.input('#form-text', '网格员很负责');
    await page.tap('#form-submit');
    expect(recorded.modals).toEqual([]);
    expect(recorded.toasts.at(-1)).toBe('感谢评价，办理人获得5积分');
    expect(page.textOf('#status')).toBe('已办结');
    expect(page.textOf('#rating')).toContain('★★★★★');
    expect(page.textOf('#points')).toBe('办理人获得 5 积分');
    expect(page.has('#actions')).toBe(false);
    expect(await getDoc('tickets', raised.id)).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '网格员很负责' } });
    page.detach();

    resetWx();
    page = await load(TASKS, { openid: c.gridWorker, query: { tab: 'closed' } });
    expect(page.textOf(`#status-${raised.id}`)).toBe('已办结');
    expect(page.has(`#badge-${raised.id}`)).toBe(false);
    await page.tap('#tab-open');
    expect((page.comp.data.items as Array<{ id: string }>).map((t) => t.id)).toEqual([late.id]);
  });

  test('the worker reaches the resident (name, 拨打, 导航) while the ticket is live; staff read the real name; after 办结 it is masked', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('沈秀梅', '13600008888');
    const where = { lat: 32.8531, lng: 120.3205 };
    const raised = await raise(resident, { title: '水管漏水', category: '水电维修', address: '6幢1单元202室', location: where });
    await dispatchTo(c, raised.id);

    page = await load(TICKET, { openid: c.gridWorker, query: { id: raised.id } });
    expect(page.textOf('#requester')).toBe('反映人：居民 沈秀梅');
    expect(page.textOf('#contact >>> #contact-name')).toBe('沈秀梅');
    expect(page.textOf('#contact >>> #contact-phone')).toBe('136****8888');
    await page.tap('#contact >>> #contact-call');
    expect(recorded.phoneCalls).toEqual(['13600008888']);
    await page.tap('#contact >>> #contact-nav');
    expect(recorded.openedLocations).toEqual([expect.objectContaining({ latitude: where.lat, longitude: where.lng, address: '6幢1单元202室' })]);
    expect(page.text()).not.toContain('13600008888');
    const residentId = (await okFn(resident, 'user', { action: 'me' })).me.id;
    expect(await findDocs('user_events', { targetId: residentId, field: 'phone' })).toEqual([expect.objectContaining({ task: 'ticket', taskId: raised.id })]);
    page.detach();

    resetWx();
    page = await load(TICKET, { openid: c.staff, query: { id: raised.id } });
    expect(page.textOf('#requester')).toBe('反映人：居民 沈秀梅');
    expect(page.has('#contact')).toBe(false);
    page.detach();

    await okFn(c.gridWorker, 'lists', { action: 'accept', id: raised.id });
    await okFn(c.gridWorker, 'lists', { action: 'resolve', id: raised.id, note: '已更换水管' });
    resetWx();
    page = await load(TICKET, { openid: c.gridWorker, query: { id: raised.id } });
    expect(page.has('#contact')).toBe(false);
    expect(page.text()).not.toContain('沈秀梅');
  });

  test('a resident withdraws a request not yet dispatched, after confirming; 我的任务 is not offered to them', async () => {
    const c = await listsCommunity();
    const resident = await c.resident();
    const t = await raise(resident);
    page = await load(TICKET, { openid: resident, query: { id: t.id } });
    await page.tap('#open-cancel');
    await page.tap('#form-submit');
    expect(recorded.toasts).toEqual(['请填写撤销原因']);
    await page.input('#form-text', '邻居已经自己清理了');
    await page.tap('#form-submit');
    expect(recorded.modals[0]).toMatchObject({ title: '撤销诉求' });
    expect(recorded.toasts.at(-1)).toBe('已撤销');
    expect(page.textOf('#status')).toBe('已撤销');
    expect(page.has('#deadlines')).toBe(false);
    expect(await getDoc('tickets', t.id)).toMatchObject({ status: 'cancelled' });
    page.detach();

    resetWx();
    page = await load(ME, { openid: resident });
    expect(page.text()).toContain('我的诉求');
    expect(page.has('#tasks')).toBe(false);
  });

  test('staff see 去派单 linking to the queue instead of dispatching here', async () => {
    const c = await listsCommunity();
    const t = await raise(await c.resident());
    page = await load(TICKET, { openid: c.staff, query: { id: t.id } });
    expect(page.textOf('#dispatch')).toBe('去派单');
    expect(page.has('#accept')).toBe(false);
    await page.tap('#dispatch');
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/ticket-queue/index?id=${t.id}`]);
  });

  test('the grid worker escalates a matter beyond the grid (提级包案) after confirming; the secretary takes it over', async () => {
    const c = await listsCommunity();
    const t = await raise(await c.resident(), { title: '小区围墙开裂', category: '房屋修缮' });
    await dispatchTo(c, t.id);
    page = await load(TICKET, { openid: c.gridWorker, query: { id: t.id } });
    await page.tap('#open-escalate');
    await page.input('#form-text', '涉及物业和住建部门，网格内解决不了');
    modalAnswer.confirm = false;
    await page.tap('#form-submit');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '提级包案' });
    expect(await getDoc('tickets', t.id)).toMatchObject({ level: 'grid' });
    modalAnswer.confirm = true;
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('已提级，社区书记会接手办理');
    expect(page.textOf('#level')).toBe('社区书记包案');
    expect(page.textOf('#assignee')).toBe('办理人：社区书记 赵**');
    expect(page.textOf('#kind')).toBe('疑难问题');
    expect(page.textOf('#timeline')).toContain('提级：社区书记包案');
    expect(page.has('#accept')).toBe(false); // no longer the worker's
    expect(await getDoc('tickets', t.id)).toMatchObject({ level: 'secretary', kind: 'difficult', status: 'dispatched' });
  });
});
