import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs } from '../support/db';
import { freshOpenid, meOf, okFn, openApiFault } from '../support/backend';
import { newCommunity } from '../support/community';

const REGISTER = 'pages/party/register/index';
const REGISTRATIONS = 'package-staff/pages/party-registrations/index';

jest.setTimeout(120_000);

describe('党员报到', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a member who sends the form is asked, in the same tap, to be told of the community’s whistles', async () => {
    // The demo community sends every message, so the template is configured there.
    const openid = freshOpenid('whistle');
    await okFn(openid, 'user', { action: 'login', scene: 'c=beihai' });
    page = await load(REGISTER, { openid });
    await page.input('#branch', '北海社区第一党支部');
    await page.input('#workUnit', '东台市实验小学');
    await page.input('#phone', '13805157788');
    await page.tapText('平安巡逻');
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已提交，等待社区确认');
    expect(recorded.subscriptions).toEqual([['tmpl-party-callout']]);
  });

  test('a member fills the form half way, leaves, comes back to it as left, sends it; staff confirm it on their page', async () => {
    const c = await newCommunity();
    const resident = await c.resident('李卫东');
    page = await load(REGISTER, { openid: resident });
    expect(page.text()).toContain('在职党员');
    expect(page.text()).toContain('平安巡逻');

    await page.input('#branch', '东台市供电公司第一党支部');
    await page.tapText('助老服务');
    page.detach();

    // Back again: what was typed is still there.
    page = await load(REGISTER, { openid: resident });
    expect(page.comp.data.branch).toBe('东台市供电公司第一党支部');
    expect(page.comp.data.posts).toEqual(['助老服务']);

    // Not enough yet: told what is missing, nothing sent.
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('请填写11位手机号');
    await page.input('#phone', '13805151234');
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('请填写工作单位');
    expect(await findDocs('party_registrations', { communityId: c.id })).toHaveLength(0);

    await page.input('#workUnit', '国网东台市供电公司');
    await page.tapText('平安巡逻');
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已提交，等待社区确认');
    expect(page.textOf('#current')).toContain('待确认');
    const [row] = await findDocs<any>('party_registrations', { communityId: c.id });
    expect(row).toMatchObject({ kind: 'member', status: 'pending', name: '李卫东', branch: '东台市供电公司第一党支部', workUnit: '国网东台市供电公司', phone: '13805151234', posts: ['助老服务', '平安巡逻'], showBadge: true });
    page.detach();

    // The draft went with the sending: a new visit shows the registration, not the old typing.
    page = await load(REGISTER, { openid: resident });
    expect(page.comp.data.branch).toBe('');
    expect(page.textOf('#current')).toContain('待确认');
    page.detach();

    // Staff see it with the phone and confirm it.
    page = await load(REGISTRATIONS, { openid: c.staff });
    expect(page.text()).toContain('李卫东 · 在职党员');
    expect(page.text()).toContain('电话：13805151234');
    await page.tap(`#confirm-${row._id}`);
    expect(recorded.toasts).toContain('已确认报到');
    expect(page.has(`#item-${row._id}`)).toBe(false);
    const me = await meOf(resident);
    expect(me.roles).toContain('volunteer');
    expect((await findDocs<any>('party_registrations', { _id: row._id }))[0].status).toBe('confirmed');
    page.detach();

    page = await load(REGISTER, { openid: resident });
    expect(page.textOf('#current')).toContain('您已完成报到');
    expect(page.has('#form')).toBe(false);
  });

  test('a courier 报到备案 for a grid as 兼职网格员; staff send it back with a reason, which the courier reads', async () => {
    const c = await newCommunity();
    const courier = await c.resident('周小兵');
    page = await load(REGISTER, { openid: courier });
    await page.tap('#kind-courier');
    await page.input('#workUnit', '美团外卖');
    await page.tapText(c.gridName);
    await page.input('#phone', '13905150000');
    await page.tap('#submit');
    const [row] = await findDocs<any>('party_registrations', { communityId: c.id });
    expect(row).toMatchObject({ kind: 'courier', workUnit: '美团外卖', gridId: `${c.id}_g1`, status: 'pending' });
    page.detach();

    await okFn(c.staff, 'party', { action: 'reject', id: row._id, reason: '请写明所在站点' });
    page = await load(REGISTER, { openid: courier });
    await page.tap('#kind-courier');
    expect(page.textOf('#current')).toContain('未通过：请写明所在站点');
    expect(page.textOf('#submit')).toBe('重新提交');
  });

  test('a registration with a blocked word is refused as it is typed; one that cannot be checked reaches staff marked for reading', async () => {
    const c = await newCommunity();
    const resident = await c.resident('钱小军');
    page = await load(REGISTER, { openid: resident });
    await page.input('#branch', '东台市实验小学党支部');
    await page.input('#workUnit', '刷单工作室');
    await page.input('#phone', '13905158888');
    await page.tapText('平安巡逻');
    await page.tap('#submit');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '未能提交', content: '报到信息含有不适宜的词语，请修改后再提交' });
    expect(await findDocs('party_registrations', { communityId: c.id })).toHaveLength(0);
    expect(page.comp.data.workUnit).toBe('刷单工作室');

    await openApiFault('security.msgSecCheck', 'error', resident);
    try {
      await page.input('#workUnit', '东台市实验小学');
      await page.tap('#submit');
      expect(recorded.toasts).toContain('已提交，等待社区确认');
    } finally {
      await openApiFault('security.msgSecCheck', 'off', resident);
    }
    page.detach();
    page = await load(REGISTRATIONS, { openid: c.staff });
    expect(page.text()).toContain('请先核对内容：内容安全检查暂不可用，待人工审核');
  });
});
