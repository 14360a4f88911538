import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { meOf, okFn } from '../support/backend';
import { bookingCommunity, newErrandService, shanghaiDay } from '../support/booking';

const TASKS = 'pages/lists/tasks/index';

jest.setTimeout(120_000);

describe('我的任务 · 红色代办员的代办事项', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a 上门帮办 staff assigned to a 红色代办员 is in their tasks; 办结 credits hours, points and 先锋积分 once', async () => {
    const c = await bookingCommunity();
    const agent = await c.resident('张红旗');
    const { registration } = await okFn(agent, 'party', { action: 'register', kind: 'member', branch: '北海社区第一党支部', workUnit: '东台市实验小学', phone: '13805150001', posts: ['红色代办员'] });
    await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
    const agentId = (await meOf(agent)).id;

    const resident = await c.resident('王桂英');
    const serviceId = await newErrandService(c, 'home_visit', '上门帮办');
    const window = { date: shanghaiDay(1), from: '09:00', to: '10:00' };
    const { errand } = await okFn(resident, 'booking', { action: 'requestErrand', serviceId, description: '老人行动不便，需上门办理养老资格认证', address: '北海新村9幢302室', window });
    await okFn(c.staff, 'booking', { action: 'assignErrand', id: errand.id, assigneeId: agentId });

    page = await load(TASKS, { openid: agent });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf(`#errand-${errand.id}`)).toContain('上门帮办');
    expect(page.textOf(`#errand-${errand.id}`)).toContain('上门地址：北海新村9幢302室');
    expect(page.textOf(`#errand-${errand.id}`)).toContain('居民：王桂英');
    expect(page.has('#empty')).toBe(false);

    await page.tap(`#errand-done-${errand.id}`);
    await page.tap('#errand-submit');
    expect(recorded.toasts).toContain('请填写办理结果');
    expect((await getDoc<any>('booking_errands', errand.id)).status).toBe('accepted');
    await page.input('#errand-note', '已上门办好认证');
    await page.tap('#errand-submit');
    expect(recorded.toasts).toContain('已办结，服务1小时，获得7积分');
    expect(page.has(`#errand-${errand.id}`)).toBe(false);
    expect(page.has('#empty')).toBe(true);

    expect(await getDoc<any>('booking_errands', errand.id)).toMatchObject({ status: 'done', result: '已上门办好认证', minutes: 60, pointsAwarded: 7 });
    const entries = await findDocs<{ account?: string; amount: number }>('points_entries', { 'source.id': errand.id });
    expect(entries.map((e) => `${e.account ?? 'points'} ${e.amount}`).sort()).toEqual(['points 7', 'vanguard 7']);
  });
});
