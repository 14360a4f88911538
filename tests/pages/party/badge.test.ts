import { load, type PageHandle } from '../../setup/load';
import { resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';

const DETAIL = 'pages/wish/detail/index';

jest.setTimeout(120_000);

describe('亮身份', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the publisher sees 「党员」 beside a confirmed party member who claimed their wish', async () => {
    const c = await newCommunity();
    const publisher = await c.resident('王桂英');
    const member = await c.resident('李卫东');
    const { registration } = await okFn(member, 'party', { action: 'register', kind: 'member', branch: '北海社区第一党支部', workUnit: '东台市实验小学', phone: '13805150002', posts: ['助老服务'] });
    await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
    const id = await c.openWish(publisher, '想请人帮忙换灯泡');
    await okFn(member, 'wish', { action: 'claim', id });

    page = await load(DETAIL, { openid: publisher, query: { id } });
    expect(page.textOf('#claimer')).toBe('认领人 李**党员');
    expect(page.textOf('#party-badge')).toBe('党员');
  });
});
