import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { findDocs } from '../support/db';
import { dispatchTo, listsCommunity, raise, sentLists } from '../support/lists';

const STATS = 'package-staff/pages/lists-stats/index';

jest.setTimeout(120_000);

describe('办结统计 · 网格员星级评定', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('read when asked for, over the page’s range: 3 of 3 on time rated 5, 5 and 4 make five stars and 金牌', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('王桂英');
    for (const [title, stars] of [['楼道灯不亮', 5], ['水管漏水', 5], ['门禁坏了', 4]] as const) {
      const t = await raise(resident, { title });
      await dispatchTo(c, t.id);
      await okFn(c.gridWorker, 'lists', { action: 'accept', id: t.id });
      await okFn(c.gridWorker, 'lists', { action: 'resolve', id: t.id, note: '已修好' });
      await okFn(resident, 'lists', { action: 'rate', id: t.id, stars });
    }
    // What the records give: every ticket closed within its deadline, the average of the stars.
    const rows = await findDocs<any>('tickets', { communityId: c.id });
    expect(rows.every((t) => t.status === 'closed' && t.resolvedAt <= t.clock.resolveBy)).toBe(true);
    const avg = rows.reduce((n, t) => n + t.rating.stars, 0) / rows.length;
    const score = Math.round(100 * (0.6 * 1 + 0.4 * (avg / 5)));
    expect(score).toBe(97);

    page = await load(STATS, { openid: c.staff });
    // Not on the first screen: the page's three calls stay three.
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(sentLists('workerRatings')).toEqual([]);
    await page.tap('#open-ratings');
    expect(sentLists('workerRatings')).toEqual([expect.objectContaining({ from: page.comp.data.from, to: page.comp.data.to })]);
    expect(page.textOf('#rating-0')).toContain('周海燕');
    expect(page.textOf('#medal-0')).toBe('金牌网格员');
    expect(page.textOf('#rating-0')).toContain(`★★★★★ ${score} 分`);
    expect(page.textOf('#rating-0')).toContain('工单 3 · 按时 3 · 超时 0 · 按时办结率 100% · 评价 3 条，均 4.67 星');
    expect(page.textOf('#ratings-formula')).toContain('≥90分五星金牌');

    // Another range: the ratings of the old one are not left on the screen.
    const day = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await page.trigger('#from', 'change', { value: day(60) });
    await page.trigger('#to', 'change', { value: day(30) });
    await page.idle();
    expect(page.textOf('#to-text')).toBe(day(30));
    expect(page.has('#open-ratings')).toBe(true);
    await page.tap('#open-ratings');
    expect(page.textOf('#rating-0')).toContain('样本不足');
    expect(page.has('#medal-0')).toBe(false);
  });
});
