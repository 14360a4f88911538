import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { getDoc, updateDoc } from '../support/db';
import { dispatchTo, listsCommunity, moveResolveDeadline, raise, sentLists } from '../support/lists';

const STATS = 'package-staff/pages/lists-stats/index';
const HOUR = 3600_000;

jest.setTimeout(120_000);

const classOf = (page: PageHandle, selector: string): string => page.comp.querySelector(selector)?.dom?.className ?? '';

describe('办结统计 · 特殊群体 and the 24-hour rule', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the special groups’ response rate is shown against 100%, in red below it', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('李奶奶');
    const onTime = await raise(resident, { title: '独居老人门锁坏了', special: '空巢独居老人' });
    await dispatchTo(c, onTime.id);
    await okFn(c.gridWorker, 'lists', { action: 'accept', id: onTime.id });
    await okFn(c.gridWorker, 'lists', { action: 'resolve', id: onTime.id, note: '已换锁' });
    const late = await raise(resident, { title: '独居老人家里停电', special: '空巢独居老人' });
    await moveResolveDeadline(late.id, Date.now() - HOUR);

    page = await load(STATS, { openid: c.staff });
    expect(page.textOf('#special')).toContain('特殊群体服务响应率（目标 100%）');
    expect(page.textOf('#special-rate')).toBe('50%');
    expect(classOf(page, '#special-rate')).toContain('rate-low');
    expect(page.textOf('#special-0')).toContain('空巢独居老人');
    expect(page.textOf('#special-rate-0')).toBe('50%');
    expect(classOf(page, '#special-rate-0')).toContain('rate-low');
    expect(page.textOf('#special-rate-1')).toBe('—');
    expect(classOf(page, '#special-rate-1')).not.toContain('rate-low');
  });

  test('staff read how the 24 hours count; an admin switches it to working-day hours', async () => {
    const c = await listsCommunity();
    page = await load(STATS, { openid: c.staff });
    expect(classOf(page, '#hours-natural')).toContain('chip-on');
    expect(page.textOf('#deadline-hours')).toContain('只有管理员可以修改');
    await page.tap('#hours-working');
    expect(sentLists('setSettings')).toHaveLength(0);
    page.detach();

    const { id } = await meOf(c.staff);
    await updateDoc('users', id, { grants: [{ role: 'admin', communityId: c.id, grantedBy: 'test', grantedAt: Date.now() }] });
    resetWx();
    page = await load(STATS, { openid: c.staff });
    await page.tap('#hours-working');
    expect(sentLists('setSettings').at(-1)).toMatchObject({ deadlineHours: 'working' });
    expect(recorded.toasts.at(-1)).toBe('已保存，新提交的简单事项按此计时');
    expect(classOf(page, '#hours-working')).toContain('chip-on');
    expect(page.textOf('#hours-hint')).toContain('周末和节假日不计时');
    expect(await getDoc<any>('lists_state', c.id)).toMatchObject({ deadlineHours: 'working' });
  });
});
