import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';

describe('queue tabs show what waits in them', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('报到确认: 待确认 counts the registrations waiting, one fewer after each is confirmed', async () => {
    const c = await newCommunity();
    for (const [name, phone] of [['吴先锋', '13851239911'], ['郑红梅', '13851239912']]) {
      const openid = await c.resident(name);
      await okFn(openid, 'party', { action: 'register', kind: 'member', branch: '东台市供电公司第一党支部', workUnit: '国网东台市供电公司', phone, posts: ['平安巡逻'] });
    }
    page = await load('package-staff/pages/party-registrations/index', { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#tab-pending')).toBe('待确认 2');
    const first = (page.comp.data.items as Array<{ id: string }>)[0].id;
    await page.tap(`#confirm-${first}`);
    expect(page.textOf('#tab-pending')).toBe('待确认 1');
    expect(page.textOf('#tab-confirmed')).toBe('已报到');
  });
});
