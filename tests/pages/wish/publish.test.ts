import http from 'http';
import { load, type PageHandle } from '../../setup/load';
import { TINY_PNG, mediaAnswer, modalAnswer, recorded, resetWx } from '../../setup/wx';
import { freshOpenid, meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs } from '../support/db';
import { idFromNavigation, sent, wishRow } from '../support/wish';

const PAGE = 'pages/wish/publish/index';

jest.setTimeout(60_000);

async function fill(page: PageHandle, title: string, category = '助老助残') {
  await page.input('#title', title);
  await page.input('#content', `${title}，谢谢邻居们。`);
  await page.tapText(category);
}

function fetchBytes(url: string): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('发布心愿', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a double tap on 发布心愿 posts one wish', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(PAGE, { openid: resident });
    await fill(page, '想请人帮忙理发');

    await Promise.all([page.tap('#submit'), page.tap('#submit')]);

    const mine = await findDocs('wishes', { publisherId: (await meOf(resident)).id });
    expect(mine).toHaveLength(1);
    expect(sent('publish').length).toBeLessThanOrEqual(1);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/wish/detail/index?id=${mine[0]._id}`]);
  });

  test('a retry after a lost connection carries the same requestId and still posts once', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(PAGE, { openid: resident });
    await fill(page, '想请人帮忙买药');

    const url = process.env.HONGLIN_URL;
    process.env.HONGLIN_URL = 'http://127.0.0.1:9'; // the network drops
    try {
      await page.tap('#submit');
    } finally {
      process.env.HONGLIN_URL = url;
    }
    expect(recorded.toasts).toEqual(['网络不给力，请稍后再试']);
    expect(recorded.navigations).toEqual([]);

    await page.tap('#submit');
    const [first, second] = sent('publish');
    expect(second.requestId).toBe(first.requestId);
    expect(await findDocs('wishes', { publisherId: (await meOf(resident)).id })).toHaveLength(1);
    // Asking again with that key returns the same wish and writes nothing.
    const again = await okFn(resident, 'wish', { ...second, action: 'publish' });
    expect(again.wish.id).toBe(idFromNavigation(recorded.navigations[0]));
    expect(await findDocs('wishes', { publisherId: (await meOf(resident)).id })).toHaveLength(1);
  });

  test('a similar open wish is suggested while typing, and 同求+1 joins it', async () => {
    const c = await newCommunity();
    const id = await c.openWish(await c.resident('陈奶奶'), '想要一台助行器', { category: '助老助残' });
    const neighbour = await c.resident();
    page = await load(PAGE, { openid: neighbour });

    await page.tapText('助老助残');
    await page.input('#title', '想要助行器');
    await page.waitForText('已有相似心愿');
    await page.idle();
    expect(page.textOf('#similar')).toContain('想要一台助行器');
    expect(page.textOf('#similar')).toContain('陈**');
    expect(sent('similar').at(-1)).toMatchObject({ title: '想要助行器', category: '助老助残' });

    await page.tapText('同求+1');

    expect(page.textOf('#similar')).toContain('已同求');
    expect(page.textOf('#similar')).toContain('同求 2');
    const row = (await wishRow(id))!;
    expect(row.wants).toBe(2);
    expect(row.wantedBy).toEqual([(await meOf(neighbour)).id]);
    expect(sent('publish')).toHaveLength(0);
  });

  test('typing quickly asks for suggestions once, after the typing stops', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: await c.resident() });
    await page.tapText('生活物资');
    for (const t of ['想', '想要', '想要米', '想要米面']) await page.input('#title', t);
    await new Promise((r) => setTimeout(r, 900));
    await page.idle();
    expect(sent('similar')).toHaveLength(1);
    expect(sent('similar')[0].title).toBe('想要米面');
  });

  test('missing fields are named before anything is sent; counters follow the typing', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: await c.resident() });

    await page.tap('#submit');
    await page.input('#title', '想请人帮忙修门锁');
    expect(page.textOf('#title-count')).toBe('8/30');
    await page.tap('#submit');
    await page.input('#content', '门锁坏了');
    expect(page.textOf('#content-count')).toBe('4/300');
    await page.tap('#submit');

    expect(recorded.toasts).toEqual(['请填写心愿标题', '请写一写心愿的具体内容', '请选择心愿类别']);
    expect(sent('publish')).toHaveLength(0);

    await page.input('#title', '长'.repeat(40));
    expect(page.textOf('#title-count')).toBe('30/30');
  });

  test('photos are uploaded to storage and the wish keeps their file ids', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(PAGE, { openid: resident });
    await fill(page, '想请人帮忙看看漏水的水管', '维修帮办');

    mediaAnswer.photos = 2;
    await page.tapText('添加照片');
    expect(page.text()).toContain('已选2张');
    mediaAnswer.cancel = true;
    await page.tapText('添加照片'); // backing out of the album changes nothing
    expect(page.text()).toContain('已选2张');
    mediaAnswer.cancel = false;
    mediaAnswer.photos = 1;
    await page.tapText('添加照片');
    await page.tap('#photos >>> .remove');
    expect(page.text()).toContain('已选2张');

    await page.tap('#submit');
    const row = (await wishRow(idFromNavigation(recorded.navigations[0])))!;
    expect(row.photos).toHaveLength(2);
    expect(recorded.uploads.map((u) => u.fileID)).toEqual(expect.arrayContaining(row.photos));
    for (const u of recorded.uploads) expect(u.cloudPath).toMatch(/^wish\/\d{6}\/[\w-]+\.png$/);
    // The ids resolve to the very bytes that were picked.
    const file = row.photos[0].replace('cloud://local.honglin/', `${process.env.HONGLIN_URL}/files/`);
    const got = await fetchBytes(file);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(TINY_PNG)).toBe(true);
  });

  test('declining the notice still opens the new wish; the phone stays private unless switched on', async () => {
    const c = await newCommunity();
    const resident = await c.resident('孔大爷', '13600002222');
    page = await load(PAGE, { openid: resident });
    expect(page.text()).toContain('打开后，认领的志愿者可以打电话联系您');
    await fill(page, '想要一个放大镜', '生活物资');

    modalAnswer.confirm = false;
    await page.tap('#submit');

    expect(recorded.subscriptions).toEqual([]);
    const id = idFromNavigation(recorded.navigations[0]);
    expect((await wishRow(id))!.showPhone).toBe(false);
  });

  test('the resident reads who sees their contact and when; the address (from the profile) and the time are saved', async () => {
    const c = await newCommunity();
    const resident = await c.resident('孔大爷', '13600003333');
    await okFn(resident, 'user', { action: 'chooseGrid', gridId: `${c.id}_g1`, building: '1幢' });
    page = await load(PAGE, { openid: resident });
    expect(page.textOf('#reach-notice')).toBe('认领的志愿者在服务期间可看到您的姓名和地址，完成后自动隐藏');
    await page.tap('#show-phone');
    expect(page.textOf('#reach-notice')).toBe('认领的志愿者在服务期间可看到您的姓名、电话和地址，完成后自动隐藏');

    await fill(page, '想请人帮忙搬花盆');
    await page.input('#visit-form >>> #unit', '2');
    await page.input('#visit-form >>> #room', '302');
    await page.tapText('周末');
    await page.tap('#submit');

    const id = idFromNavigation(recorded.navigations[0]);
    expect(await wishRow(id)).toMatchObject({ showPhone: true, address: '1幢2单元302室', preferredTime: '周末' });
  });

  test('someone who has not joined a community is asked to scan the poster first', async () => {
    page = await load(PAGE, { openid: freshOpenid('publish-unbound') });
    expect(page.text()).toContain('扫描社区海报上的二维码加入社区后，就可以发布心愿');
    expect(page.has('#submit')).toBe(false);
  });
});
