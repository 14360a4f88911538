import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { callFn, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs, updateDoc } from '../support/db';
import { balanceOf, sent, wishRow } from '../support/wish';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;

describe('staff wish pages', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('心愿审核: approve puts a wish on the wall; reject needs a reason', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const publish = (title: string) =>
      okFn(resident, 'wish', { action: 'publish', title, content: `${title}。`, category: '其他' }).then((r) => r.wish.id as string);
    const good = await publish('想请人帮忙修收音机');
    const bad = await publish('想要一部新手机');

    page = await load('package-staff/pages/wish-review/index', { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#cards')).toContain('想请人帮忙修收音机');
    expect(page.textOf('#cards')).toContain('想要一部新手机');

    await page.tap(`#approve-${good}`);
    expect((await wishRow(good))!.status).toBe('open');
    expect(page.textOf('#cards')).not.toContain('想请人帮忙修收音机');

    await page.tap(`#reject-${bad}`);
    await page.tapText('确认驳回');
    expect(recorded.toasts.at(-1)).toBe('请填写驳回原因，方便居民修改');
    expect(sent('review')).toHaveLength(1);
    await page.input('#reason', '不属于微心愿范围');
    await page.tapText('确认驳回');
    expect((await wishRow(bad))!).toMatchObject({ status: 'rejected', rejectReason: '不属于微心愿范围' });
    expect(page.text()).toContain('没有待审核的心愿');
  });

  test('完成确认: staff may not confirm until the resident has been silent 3 days', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const volunteer = await c.volunteer();
    const id = await c.openWish(resident, '想请人帮忙通下水道');
    await okFn(volunteer, 'wish', { action: 'claim', id });
    await okFn(volunteer, 'wish', { action: 'submitProof', id, note: '已疏通' });
    const before = await balanceOf(volunteer);

    page = await load('package-staff/pages/wish-confirm/index', { openid: c.staff });
    expect(page.textOf('#cards')).toContain('想请人帮忙通下水道');
    await page.tap(`#confirm-${id}`);
    expect(recorded.modals[0].title).toBe('代为确认完成');
    expect(recorded.toasts).toEqual(['居民确认期为3天，期满未确认后社区方可代为确认']);
    expect((await wishRow(id))!.status).toBe('awaiting_confirmation');
    expect(await balanceOf(volunteer)).toBe(before);

    // Three days and a bit later, the resident still silent.
    const row = (await wishRow(id))!;
    await updateDoc('wishes', id, { 'proof.at': row.proof!.at - 3 * DAY - 60_000 });
    await page.tap(`#confirm-${id}`);
    const awarded = (await wishRow(id))!.pointsAwarded!;
    expect(recorded.toasts.at(-1)).toBe(`已代为确认，志愿者获得${awarded}积分`);
    expect((await wishRow(id))!.status).toBe('completed');
    expect(await balanceOf(volunteer)).toBe(before + awarded);
    expect(page.text()).toContain('没有等待确认的心愿');
    const events = await findDocs<{ to: string; why?: string }>('wish_events', { wishId: id, to: 'completed' });
    expect(events[0].why).toBe('居民3天未确认，社区代为确认');
  });

  test('心愿季: staff open a season with two dates; it counts new wishes', async () => {
    const c = await newCommunity();
    page = await load('package-staff/pages/wish-season/index', { openid: c.staff });
    expect(page.text()).toContain('还没有开启过心愿季');
    const today = page.textOf('#start-date');
    expect(today).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

    await page.trigger('#end-picker', 'change', { value: '2099-06-30' });
    await page.tap('#open-season');

    expect(recorded.toasts).toEqual(['已开启第1季']);
    const seasons = await findDocs<{ number: number; startDate: string; endDate: string }>('wish_seasons', { communityId: c.id });
    expect(seasons).toEqual([expect.objectContaining({ number: 1, startDate: today, endDate: '2099-06-30' })]);
    expect(page.textOf('#seasons')).toContain(`第1季进行中${today} 至 2099-06-30`);
    expect(page.textOf('#current')).toContain('第1季');

    // The next one starts after the last ends; overlapping dates get the server's answer.
    expect(page.textOf('#start-date')).toBe('2099-07-01');
    await page.trigger('#start-picker', 'change', { value: '2099-06-01' });
    await page.input('#season-name', '夏季心愿');
    await page.tap('#open-season');
    expect(recorded.toasts.at(-1)).toMatch(/^与第1季（.+）的日期重叠$/);
    expect(await findDocs('wish_seasons', { communityId: c.id })).toHaveLength(1);

    const resident = await c.resident();
    await c.openWish(resident, '想请人帮忙贴窗花');
    const { wish } = await okFn(resident, 'wish', { action: 'publish', title: '想学写毛笔字', content: '退休了想练字', category: '文化学习' });
    expect(wish.season).toBe(1);
  });

  test('a resident cannot reach the staff wish pages: the console hides them and the server refuses', async () => {
    const c = await newCommunity();
    const resident = await c.resident();

    page = await load('package-staff/pages/console/index', { openid: resident });
    expect(page.text()).not.toContain('心愿审核');
    expect(page.has('#entry-wishReview')).toBe(false);
    page.detach();

    for (const [path, words] of [
      ['package-staff/pages/wish-review/index', '心愿审核仅供社区工作人员使用'],
      ['package-staff/pages/wish-confirm/index', '完成确认仅供社区工作人员使用'],
      ['package-staff/pages/wish-season/index', '心愿季仅供社区工作人员管理'],
    ]) {
      resetWx();
      page = await load(path, { openid: resident });
      expect(page.text()).toContain(words);
      expect(sent('queue')).toHaveLength(0);
      page.detach();
    }
    page = undefined;

    for (const event of [
      { action: 'queue', kind: 'review' },
      { action: 'queue', kind: 'confirmation' },
      { action: 'openSeason', startDate: '2099-01-01', endDate: '2099-02-01' },
    ]) {
      expect(await callFn(resident, 'wish', event)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await findDocs('wish_seasons', { communityId: c.id })).toHaveLength(0);
  });

  test('staff find the wish tools in the console; a grid worker does not', async () => {
    page = await load('package-staff/pages/console/index', { openid: 'demo-staff' });
    expect(page.textOf('#group-review')).toContain('心愿审核');
    expect(page.textOf('#group-review')).toContain('完成确认');
    expect(page.textOf('#group-settings')).toContain('心愿季');
    await page.tapText('心愿审核');
    await page.tapText('完成确认');
    await page.tapText('心愿季');
    expect(recorded.navigations).toEqual([
      'navigateTo:/package-staff/pages/wish-review/index',
      'navigateTo:/package-staff/pages/wish-confirm/index',
      'navigateTo:/package-staff/pages/wish-season/index',
    ]);
    page.detach();

    page = await load('package-staff/pages/console/index', { openid: 'demo-gridworker' });
    for (const key of ['wishReview', 'wishConfirm', 'wishSeason']) expect(page.has(`#entry-${key}`)).toBe(false);
  });
});
