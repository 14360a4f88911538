import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { freshOpenid, meOf, okFn } from '../support/backend';
import { updateDoc } from '../support/db';
import { dispatchTo, listsDoc, raise } from '../support/lists';
import { staffListsCommunity } from '../support/lists-staff';

const QUEUE = 'package-staff/pages/county-queue/index';
const CONSOLE = 'package-staff/pages/console/index';
const TICKET = 'pages/lists/ticket/index';

jest.setTimeout(120_000);

/** A 县(区)委包案干部 over the community (a county grant, as an admin's invite gives). */
async function countyOfficer(communityId: string, code: string): Promise<string> {
  const openid = freshOpenid('county');
  await okFn(openid, 'user', { action: 'login', scene: `c=${code}` });
  await okFn(openid, 'user', { action: 'updateProfile', displayName: '吴卫东' });
  const { id } = await meOf(openid);
  await updateDoc('users', id, { grants: [{ role: 'county', communityId, grantedBy: 'test', grantedAt: Date.now() }] });
  return openid;
}

describe('县级包案', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the officer sees only the cases sent up, special groups first; takes one, notes progress on its page', async () => {
    const c = await staffListsCommunity();
    const officer = await countyOfficer(c.id, c.code);
    const resident = await c.resident('王桂英');
    const plain = await raise(resident, { title: '宅基地纠纷调解未果', category: '矛盾调解' });
    const special = await raise(resident, { title: '残疾人家门前道路被占', category: '矛盾调解', special: '残疾人' });
    const stays = await raise(resident, { title: '楼道灯不亮' });
    await dispatchTo(c, stays.id);
    for (const t of [plain, special]) await okFn(c.staff, 'lists', { action: 'escalateCounty', id: t.id, reason: '涉及多个部门' });

    page = await load(QUEUE, { openid: officer });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    // The special group's case comes first, though raised later.
    const list = page.textOf('#items');
    expect(list.indexOf('残疾人家门前道路被占')).toBeGreaterThanOrEqual(0);
    expect(list.indexOf('残疾人家门前道路被占')).toBeLessThan(list.indexOf('宅基地纠纷调解未果'));
    expect(page.textOf(`#special-${special.id}`)).toBe('特殊群体·残疾人');
    expect(page.textOf(`#community-${plain.id}`)).toContain(c.name);
    expect(page.textOf(`#status-${plain.id}`)).toBe('待接单');
    expect(page.text()).not.toContain('楼道灯不亮');

    await page.tap(`#accept-${plain.id}`);
    expect(recorded.toasts.at(-1)).toMatch(/^已接手，须于.+办结$/);
    expect(page.has(`#case-${plain.id}`)).toBe(false);
    expect(await listsDoc('tickets', plain.id)).toMatchObject({ status: 'accepted', level: 'county', assignee: { kind: 'county', label: '县(区)委包案干部 吴**' } });
    await page.tap('#tab-accepted');
    expect(page.textOf(`#assignee-${plain.id}`)).toBe('包案：县(区)委包案干部 吴**');
    await page.tap(`#work-${plain.id}`);
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/pages/lists/ticket/index?id=${plain.id}`);
    page.detach();

    resetWx();
    page = await load(TICKET, { openid: officer, query: { id: plain.id } });
    expect(page.textOf('#kind-rule')).toBe('疑难问题：县(区)委包案：1个工作日内接手，20个工作日内办结');
    await page.tap('#open-note');
    await page.input('#form-text', '已召集国土、住建现场会商');
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('已记录包案进展');
    expect(page.textOf('#timeline')).toContain('包案进展');
    expect(page.textOf('#timeline')).toContain('已召集国土、住建现场会商');
    page.detach();

    // The resident reads where it is, in plain words.
    resetWx();
    page = await load(TICKET, { openid: resident, query: { id: plain.id } });
    expect(page.textOf('#level')).toBe('已提交县(区)级包案办理');
    expect(page.textOf('#assignee')).toBe('办理人：县(区)委包案干部 吴**');
    expect(page.textOf('#timeline')).toContain('已召集国土、住建现场会商');
  });

  test('staff send a case up from the ticket page; the officer’s console holds the county queue and nothing of the community', async () => {
    const c = await staffListsCommunity();
    const officer = await countyOfficer(c.id, c.code);
    const resident = await c.resident();
    const t = await raise(resident, { title: '违建多年无人处理', category: '矛盾调解' });

    page = await load(TICKET, { openid: c.staff, query: { id: t.id } });
    await page.tap('#open-escalate-county');
    await page.input('#form-text', '需城管、住建联合执法');
    modalAnswer.confirm = true;
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('已提交县(区)级包案');
    expect(await listsDoc('tickets', t.id)).toMatchObject({ level: 'county', status: 'dispatched' });
    expect(page.textOf('#level')).toBe('已提交县(区)级包案办理');
    expect(page.has('#dispatch')).toBe(false);
    page.detach();

    resetWx();
    page = await load(CONSOLE, { openid: officer });
    expect(page.has('#entry-countyQueue')).toBe(true);
    // Someone who is only a county officer sees the county queue and nothing of the community's work.
    expect((page.comp.data.sections as Array<{ tiles: unknown[] }>).flatMap((s) => s.tiles)).toHaveLength(1);
    expect(page.has('#poster')).toBe(false);
    await page.tap('#entry-countyQueue');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/package-staff/pages/county-queue/index');
    page.detach();

    // Community staff are not county officers: the queue is closed to them.
    resetWx();
    page = await load(QUEUE, { openid: c.staff });
    expect(page.has('#forbidden')).toBe(true);
  });
});
