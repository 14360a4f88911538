import { load, type PageHandle } from '../../setup/load';
import { locationAnswer, recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';

const HOME = 'pages/home/index';
const ME = 'pages/user/me/index';
const SNAP = 'pages/party/snap/index';
const TASKS = 'pages/party/gridtasks/index';
const STAFF_TASKS = 'package-staff/pages/party-gridtasks/index';
const QUEUE = 'package-staff/pages/ticket-queue/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

/** A courier whose 备案 staff confirmed: a part-time grid worker of the community's first grid. */
async function courier(c: TestCommunity, name: string): Promise<string> {
  const openid = await c.resident(name);
  const { registration } = await okFn(openid, 'party', { action: 'register', kind: 'courier', workUnit: '顺丰速运', phone: '13805150002', gridId: `${c.id}_g1` });
  await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
  return openid;
}

const dueIn = (hours: number) => Date.now() + hours * 3600_000;

async function publish(c: TestCommunity, title: string): Promise<string> {
  const { task } = await okFn(c.staff, 'party', { action: 'publishGridTask', gridId: `${c.id}_g1`, title, place: '3幢门前', dueAt: dueIn(6), points: 6 });
  return task.id;
}

describe('随手拍 · 网格任务', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('我的 shows 随手拍 and 网格任务 to a part-time grid worker only; 随手拍 opens in one tap', async () => {
    const c = await newCommunity();
    page = await load(ME, { openid: await c.resident('钱大妈') });
    expect(page.has('#snap')).toBe(false);
    expect(page.has('#gridtasks')).toBe(false);
    page.detach();

    page = await load(ME, { openid: await courier(c, '孙快递') });
    expect(page.textOf('#snap')).toContain('随手拍');
    await page.tap('#snap');
    await page.tap('#gridtasks');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/party/snap/index', 'navigateTo:/pages/party/gridtasks/index']);
  });

  test('首页 carries a 随手拍 tile for a grid worker, not for a resident', async () => {
    const c = await newCommunity();
    page = await load(HOME, { openid: await c.resident('钱大妈') });
    expect(page.text()).not.toContain('随手拍');
    page.detach();

    page = await load(HOME, { openid: await courier(c, '冯骑手') });
    await page.tapText('随手拍');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/pages/party/snap/index');
  });

  test('随手拍: a photo and a few words reach the dispatch queue as 网格发现, where the phone is', async () => {
    const c = await newCommunity();
    const worker = await courier(c, '周骑手');
    locationAnswer.value = { latitude: 32.852, longitude: 120.322 };
    page = await load(SNAP, { openid: worker });
    expect(page.textOf('#place')).toBe('位置：当前位置');

    await page.tap('#submit');
    expect(page.textOf('#error-photos')).toBe('请先拍一张照片');
    expect(page.textOf('#error-title')).toBe('请用几个字说说看到了什么');
    expect(await findDocs('tickets', { communityId: c.id })).toEqual([]);

    await page.tap('#photos >>> .add');
    expect(recorded.uploads).toHaveLength(1);
    await page.input('#title', '消防通道被电动车堵了');
    await page.tapText('环境清洁');
    await page.tap('#submit');

    const me = await meOf(worker);
    const [ticket] = await findDocs('tickets', { communityId: c.id });
    expect(ticket).toMatchObject({ source: 'grid', status: 'submitted', title: '消防通道被电动车堵了', category: '环境清洁', requesterId: me.id, photos: [recorded.uploads[0].fileID], gridId: `${c.id}_g1` });
    const [need] = await findDocs('needs', { _id: ticket.needId });
    expect(need).toMatchObject({ source: 'grid', location: { lat: 32.852, lng: 120.322 } });
    expect(recorded.navigations).toEqual([`redirectTo:/pages/lists/ticket/index?id=${ticket._id}`]);
    page.detach();

    // Staff find it in the dispatch queue marked 网格发现, beside residents' requests.
    page = await load(QUEUE, { openid: c.staff });
    expect(page.textOf(`#source-${ticket._id}`)).toBe('网格发现');
    expect(page.textOf(`#ticket-${ticket._id}`)).toContain('消防通道被电动车堵了');
  });

  test('a resident without a grid role is told who 随手拍 and 网格任务 are for', async () => {
    const c = await newCommunity();
    const resident = await c.resident('吴阿姨');
    page = await load(SNAP, { openid: resident });
    expect(page.textOf('#forbidden')).toContain('随手拍面向网格员和兼职网格员');
    page.detach();
    page = await load(TASKS, { openid: resident });
    expect(page.textOf('#forbidden')).toContain('网格任务面向本网格的网格员');
  });

  test('a part-time worker claims an open task and reports it done; staff confirm it and the points are credited', async () => {
    const c = await newCommunity();
    const worker = await courier(c, '郑快递');
    const id = await publish(c, '查看3幢路灯');

    page = await load(TASKS, { openid: worker });
    expect(page.textOf(`#open-${id}`)).toContain('查看3幢路灯');
    expect(page.textOf(`#open-${id}`)).toContain('6 积分');
    await page.tap(`#claim-${id}`);
    expect(recorded.toasts).toContain('已认领，请按时完成');
    const me = await meOf(worker);
    expect(await getDoc('party_grid_tasks', id)).toMatchObject({ status: 'claimed', claimerId: me.id });
    expect(page.has(`#open-${id}`)).toBe(false);
    expect(page.textOf(`#status-${id}`)).toBe('进行中');

    await page.tap(`#finish-${id}`);
    await page.input('#note', '路灯已亮，顺手清了灯罩');
    await page.tap('#send-finish');
    expect(await getDoc('party_grid_tasks', id)).toMatchObject({ status: 'done', result: { note: '路灯已亮，顺手清了灯罩' } });
    expect(page.textOf(`#status-${id}`)).toBe('待确认');
    page.detach();

    page = await load(STAFF_TASKS, { openid: c.staff });
    expect(page.textOf(`#claimer-${id}`)).toBe('认领人：郑快递');
    expect(page.textOf(`#result-${id}`)).toBe('完成情况：路灯已亮，顺手清了灯罩');
    await page.tap(`#confirm-${id}`);
    expect(recorded.toasts).toContain('已确认，记6积分');
    expect(page.textOf(`#status-${id}`)).toBe('已完成');
    expect(await getDoc('party_grid_tasks', id)).toMatchObject({ status: 'confirmed' });
    expect(await findDocs('points_entries', { source: { type: 'grid_task', id } })).toEqual([expect.objectContaining({ userId: me.id, amount: 6 })]);
  });

  test('staff publish a task to a grid from the form and call off another with a reason', async () => {
    const c = await newCommunity();
    page = await load(CONSOLE, { openid: c.staff });
    await page.tapText('网格任务');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/package-staff/pages/party-gridtasks/index');
    page.detach();

    const old = await publish(c, '发放停水通知');
    page = await load(STAFF_TASKS, { openid: c.staff });
    await page.tap('#new');
    await page.tap('#publish-submit');
    expect(page.textOf('#refusal')).toBe('请写明任务');
    await page.input('#title', '看望5幢独居老人');
    await page.input('#place', '5幢301');
    await page.trigger('#date', 'change', { value: new Date(dueIn(48)).toISOString().slice(0, 10) });
    await page.input('#points', '8');
    await page.tap('#publish-submit');
    const rows = await findDocs('party_grid_tasks', { communityId: c.id, title: '看望5幢独居老人' });
    expect(rows).toEqual([expect.objectContaining({ gridId: `${c.id}_g1`, place: '5幢301', points: 8, status: 'open' })]);
    expect(page.text()).toContain('看望5幢独居老人');

    await page.tap(`#cancel-${old}`);
    await page.input('#reason', '物业已发放');
    await page.tap('#cancel-submit');
    expect(page.textOf(`#status-${old}`)).toBe('已撤销');
    expect(await getDoc('party_grid_tasks', old)).toMatchObject({ status: 'cancelled', cancelReason: '物业已发放' });
  });
});
