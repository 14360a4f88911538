import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { listsCommunity, sentLists, ticketsOf } from '../support/lists';

const REQUEST = 'pages/lists/request/index';
const TICKET = 'pages/lists/ticket/index';

jest.setTimeout(120_000);

const classOf = (page: PageHandle, selector: string): string => page.comp.querySelector(selector)?.dom?.className ?? '';

describe('我要反映 · 特殊群体', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident says they live alone: the request carries it, and the ticket shows the label', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('李奶奶');
    page = await load(REQUEST, { openid: resident });
    expect(page.textOf('#specials')).toContain('空巢独居老人');
    expect(classOf(page, '#special-0')).toContain('chip-on');
    expect(page.textOf('#special-0')).toBe('都不是');

    await page.input('#title', '家里水龙头一直滴水');
    await page.tapText('水电维修');
    await page.tap('#special-1');
    expect(classOf(page, '#special-1')).toContain('chip-on');
    expect(classOf(page, '#special-0')).not.toContain('chip-on');
    expect(page.textOf('#special-hint')).toBe('社区会优先安排办理');
    await page.tap('#submit');

    expect(sentLists('submitRequest').at(-1)).toMatchObject({ special: '空巢独居老人' });
    const [row] = await ticketsOf(resident);
    expect(row).toMatchObject({ special: '空巢独居老人', priority: 1, title: '家里水龙头一直滴水' });
    page.detach();

    resetWx();
    page = await load(TICKET, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#special')).toBe('特殊群体·空巢独居老人');
  });

  test('most people choose nothing: no group is sent and none is stored', async () => {
    const c = await listsCommunity();
    const resident = await c.resident();
    page = await load(REQUEST, { openid: resident });
    await page.input('#title', '楼下路灯不亮');
    await page.tapText('水电维修');
    await page.tap('#special-3');
    await page.tap('#special-0');
    await page.tap('#submit');
    expect(recorded.modals.map((m) => m.title)).toEqual(['已提交']);
    expect(sentLists('submitRequest').at(-1)).not.toHaveProperty('special');
    const [row] = await ticketsOf(resident);
    expect(row.special).toBeUndefined();
  });
});
