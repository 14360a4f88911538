import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { freshOpenid, okFn } from '../support/backend';
import { listsCommunity, type ListsCommunity } from '../support/lists';

const REQUEST = 'pages/lists/request/index';
const TICKET = 'pages/lists/ticket/index';
const COMPOUNDS = 'package-staff/pages/lists-compounds/index';

jest.setTimeout(120_000);

/**
 * 红色物业 on the pages: staff register a 小区 and invite its property workers; a resident's lift
 * fault goes straight to the property company, and the resident presses it (催办) from the ticket.
 */
describe('红色物业', () => {
  let page: PageHandle | undefined;
  let c: ListsCommunity;

  beforeAll(async () => {
    c = await listsCommunity();
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff register a 小区 with its property company and 业委会, then invite a property worker', async () => {
    page = await load(COMPOUNDS, { openid: c.staff });
    expect(page.has('#empty')).toBe(true);
    await page.tap('#add');
    await page.input('#name', '测试花园');
    await page.tap('#save');
    expect(page.textOf('#problem')).toBe('请选择小区所在网格');
    await page.tap(`#grid-${c.gridId}`);
    await page.input('#property-name', '安居物业');
    await page.input('#property-contact', '钱红梅');
    await page.input('#property-phone', '13911112222');
    await page.input('#committee-name', '测试花园业委会');
    await page.input('#committee-contact', '孙建国');
    await page.input('#committee-phone', '1393333');
    await page.tap('#save');
    // The server's word on a bad phone, under the form; nothing registered.
    expect(page.textOf('#problem')).toBe('手机号格式不正确');
    expect(await findDocs('compounds', { communityId: c.id })).toHaveLength(0);
    await page.input('#committee-phone', '13933334444');
    await page.tap('#save');
    const [compound] = await findDocs<any>('compounds', { communityId: c.id });
    expect(compound).toMatchObject({ name: '测试花园', gridIds: [c.gridId], property: { name: '安居物业', contact: { name: '钱红梅', phone: '13911112222' } } });
    expect(page.textOf(`#item-${compound._id}`)).toContain('业委会：测试花园业委会');
    expect(page.textOf(`#figure-${compound._id}-onTime`)).toContain('暂无');

    await page.tap(`#invite-${compound._id}`);
    const code = page.comp.data.invite.code as string;
    expect(page.textOf('#invite-code')).toContain(code);
    const worker = freshOpenid('prop');
    await okFn(worker, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
    await okFn(worker, 'user', { action: 'redeemInvite', code });
    expect((await getDoc<any>('users', (await okFn(worker, 'user', { action: 'me' })).me.id))!.grants).toEqual([expect.objectContaining({ role: 'unit_member', unitId: compound.propertyUnitId })]);
  });

  test('a lift fault reported on 我要反映 goes to the property company, and the resident presses it from the ticket', async () => {
    const resident = await c.resident('王桂英');
    page = await load(REQUEST, { openid: resident });
    await page.tapText('电梯');
    await page.input('#title', '电梯停在5楼不动');
    await page.tap('#submit');
    const [ticket] = await findDocs<any>('tickets', { communityId: c.id, category: '电梯' });
    expect(ticket).toMatchObject({ status: 'dispatched', assignee: { kind: 'property', label: '物业 安居物业' } });
    page.detach();

    page = await load(TICKET, { openid: resident, query: { id: ticket._id } });
    await page.tap('#hurry');
    expect(recorded.toasts.at(-1)).toBe('已催办，办理人会收到提醒');
    expect(await getDoc('tickets', ticket._id)).toMatchObject({ hurries: 1 });
    await page.tap('#hurry');
    // Pressed again at once: a new tap is a new press, refused in the server's words.
    expect(recorded.modals.at(-1)).toMatchObject({ title: '未能催办', content: '刚催办过，请稍后再催' });
    expect(await getDoc('tickets', ticket._id)).toMatchObject({ hurries: 1 });
  });

  test('其他 asks for what it is about before sending', async () => {
    const resident = await c.resident('李大爷');
    page = await load(REQUEST, { openid: resident });
    await page.tapText('其他');
    await page.input('#title', '有件事想反映');
    await page.tap('#submit');
    expect(page.textOf('#error-detail')).toBe('选择“其他”时，请在具体情况里写明要反映什么');
    expect(await findDocs('tickets', { communityId: c.id, category: '其他' })).toHaveLength(0);
  });
});
