import { load, type PageHandle } from '../../setup/load';
import { chooseLocationAnswer, lostResponse, modalAnswer, recorded, resetWx, settingAnswer } from '../../setup/wx';
import { findDocs } from '../support/db';
import { listsCommunity, sentLists, ticketsOf } from '../support/lists';

const REQUEST = 'pages/lists/request/index';
const TICKET = 'pages/lists/ticket/index';
const MINE = 'pages/lists/mine/index';

jest.setTimeout(120_000);

/** Taps the category chip showing `name`. */
async function pickCategory(page: PageHandle, name: string): Promise<void> {
  await page.tapText(name);
}

describe('我要反映 · 我的诉求', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the common categories come first; 更多类别 shows the whole list', async () => {
    const c = await listsCommunity();
    page = await load(REQUEST, { openid: await c.resident() });
    expect(page.text()).toContain('水电维修');
    expect(page.text()).not.toContain('理发义剪');

    await page.tap('#more-categories');
    expect(page.has('#more-categories')).toBe(false);
    await pickCategory(page, '理发义剪');
    await page.input('#title', '想请人上门给老伴理发');
    await page.tap('#submit');
    expect(sentLists('submitRequest').at(-1)).toMatchObject({ category: '理发义剪' });
  });

  test('a resident reports a problem: the ticket is in the database, on its page and in 我的诉求', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('王桂英');
    page = await load(REQUEST, { openid: resident });

    await page.input('#title', '楼道灯坏了');
    await page.input('#detail', '2单元3楼到5楼的灯都不亮，晚上上下楼看不见');
    await pickCategory(page, '水电维修');
    await page.tap('#urgency-2');
    expect(page.textOf('#urgency-hint')).toBe('近几天要解决');
    await page.tap('#people-plus');
    await page.tap('#people-plus');
    chooseLocationAnswer.value = { latitude: 32.851, longitude: 120.321, name: '北海新村2单元', address: '东台市北海新村3幢' };
    await page.tap('#pick-location');
    expect(page.textOf('#place')).toBe('位置：北海新村2单元');
    await page.tap('#photos >>> .add');
    expect(recorded.uploads).toHaveLength(1);
    await page.tap('#submit');

    expect(recorded.modals.map((m) => m.title)).toEqual(['已提交']);
    expect(recorded.subscriptions).toEqual([['tmpl-ticket-updated']]);
    const rows = await ticketsOf(resident);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      communityId: c.id,
      status: 'submitted',
      kind: 'simple',
      source: 'request',
      category: '水电维修',
      title: '楼道灯坏了',
      detail: '2单元3楼到5楼的灯都不亮，晚上上下楼看不见',
      urgency: 2,
      people: 3,
      address: '东台市北海新村3幢 北海新村2单元',
      photos: [recorded.uploads[0].fileID],
      gridId: c.gridId,
    });
    const [need] = await findDocs('needs', { _id: row.needId });
    expect(need).toMatchObject({ source: 'request', status: 'open', ticketId: row._id, location: { lat: 32.851, lng: 120.321 } });
    expect(recorded.navigations).toEqual([`redirectTo:/pages/lists/ticket/index?id=${row._id}`]);
    page.detach();

    // The ticket page in the resident's words: received, the promise stated once, and only what the resident may do.
    resetWx();
    page = await load(TICKET, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#status')).toBe('已收到');
    expect(page.textOf('#title')).toBe('楼道灯坏了');
    expect(page.textOf('#urgency')).toBe('较急');
    expect(page.textOf('#assignee')).toBe('办理人：社区正在安排');
    expect(page.textOf('#due')).toMatch(/预计(今天|明天|(\d{4}年)?\d{1,2}月\d{1,2}日（周[一二三四五六日]）)( \d\d:\d\d前|当天内)办好$/);
    expect(page.has('#deadline-resolve')).toBe(false); // the running deadline is said once, in #due
    expect(page.text()).not.toMatch(/派单|工单/);
    expect(page.textOf('#kind-rule')).toBe('简单事项：24小时内办结，按工作日计时，周末和节假日顺延');
    expect(page.textOf('#badge')).toMatch(/^(剩 \d+ 小时|剩不到 1 小时|今天到期|明天到期|剩 \d+ 天)$/);
    expect(page.has('#photos')).toBe(true);
    expect(page.textOf('#timeline')).toMatch(/居民 \S+反映了问题/);
    expect(page.has('#open-cancel')).toBe(true);
    for (const action of ['#accept', '#open-resolve', '#open-rate', '#dispatch', '#open-escalate']) expect(page.has(action)).toBe(false);
    page.detach();

    resetWx();
    page = await load(MINE, { openid: resident });
    expect(page.textOf(`#status-${row._id}`)).toBe('已收到');
    expect(page.textOf(`#item-${row._id}`)).toContain('水电维修 · 较急');
    expect(page.textOf(`#due-${row._id}`)).toContain('办好');
    await page.tap(`#item-${row._id}`);
    await page.tap('#new');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/lists/ticket/index?id=${row._id}`, 'navigateTo:/pages/lists/request/index']);
  });

  test('bad input is refused on the page in Chinese and nothing is written; the server’s refusal is shown too', async () => {
    const c = await listsCommunity();
    const resident = await c.resident();
    page = await load(REQUEST, { openid: resident });

    await page.tap('#submit');
    // Each problem under its own field, in the order the fields appear, the page brought to the first.
    expect(page.textOf('#error-title')).toBe('请用一句话写明要反映的问题');
    expect(page.textOf('#error-category')).toBe('请选择诉求类别');
    expect(recorded.scrolls).toEqual(['#field-title']);
    await pickCategory(page, '环境清洁');
    expect(page.has('#error-category')).toBe(false); // gone as soon as it is fixed
    await page.input('#title', '   ');
    expect(page.textOf('#error-title')).toBe('请用一句话写明要反映的问题');
    await page.input('#title', '小区门口垃圾没人清');
    expect(page.has('#error-title')).toBe(false);
    await page.input('#people', '0');
    await page.tap('#submit');
    expect(page.textOf('#error-people')).toBe('涉及人数请填写1到500之间的整数');
    expect(recorded.scrolls.at(-1)).toBe('#field-people');
    expect(recorded.toasts).toEqual([]);
    expect(sentLists('submitRequest')).toHaveLength(0);
    expect(await ticketsOf(resident)).toHaveLength(0);

    // The content check on the server refuses; the page says so in its words and keeps the draft.
    await page.input('#people', '2');
    expect(page.has('#error-people')).toBe(false);
    await page.input('#title', '楼下有人聚众赌博');
    await page.tap('#submit');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '未能提交', content: '诉求内容含有不适宜的词语，请修改后再提交' });
    expect(page.textOf('#refusal')).toBe('诉求内容含有不适宜的词语，请修改后再提交');
    expect(page.comp.data.title).toBe('楼下有人聚众赌博');
    expect(await ticketsOf(resident)).toHaveLength(0);
    expect(recorded.navigations).toEqual([]);
  });

  test('an answer lost on the way back, then the same tap again: one ticket, not two', async () => {
    const c = await listsCommunity();
    const resident = await c.resident();
    page = await load(REQUEST, { openid: resident });
    await page.input('#title', '健身器材螺丝松了');
    await pickCategory(page, '安全巡查');

    lostResponse.action = 'submitRequest';
    await page.tap('#submit');
    expect(recorded.modals.at(-1)?.title).toBe('没有收到提交结果');
    expect(await ticketsOf(resident)).toHaveLength(1); // it did reach the server

    modalAnswer.confirm = false; // no notices this time
    await page.tap('#submit');
    const sent = sentLists('submitRequest');
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    const rows = await ticketsOf(resident);
    expect(rows).toHaveLength(1);
    expect(recorded.modals.at(-1)?.title).toBe('已提交');
    expect(recorded.subscriptions).toEqual([]);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/lists/ticket/index?id=${rows[0]._id}`]);
  });

  test('location refused: the page offers the settings, and goes on with the address alone', async () => {
    const c = await listsCommunity();
    page = await load(REQUEST, { openid: await c.resident() });
    const refuse = jest.spyOn(wx, 'chooseLocation').mockImplementation(((o: { fail?: (e: { errMsg: string }) => void }) => {
      o.fail?.({ errMsg: 'chooseLocation:fail auth deny' });
    }) as never);
    try {
      settingAnswer.location = false;
      await page.tap('#pick-location');
      expect(recorded.modals.map((m) => m.title)).toEqual(['需要位置权限']);
      expect(recorded.settingsOpened).toHaveLength(1);
      expect(recorded.toasts).toEqual(['没有选位置，也可以只填写地址']);
      expect(page.textOf('#place')).toBe('可以在地图上标出位置');

      // Allowed in the settings: the map opens again and the point is taken.
      refuse.mockImplementationOnce(((o: { fail?: (e: { errMsg: string }) => void }) => o.fail?.({ errMsg: 'chooseLocation:fail auth deny' })) as never);
      refuse.mockImplementationOnce(((o: { success?: (r: unknown) => void }) => o.success?.({ latitude: 32.85, longitude: 120.32, name: '北海新村', address: '' })) as never);
      settingAnswer.location = true;
      await page.tap('#pick-location');
      expect(page.textOf('#place')).toBe('位置：北海新村');
      expect(page.comp.data.address).toBe('北海新村');
    } finally {
      refuse.mockRestore();
    }
  });
});
