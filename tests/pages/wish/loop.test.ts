/**
 * The whole loop through the pages, in the demo community: a resident publishes, 陈书记 approves on
 * the review queue, a volunteer claims and hands in proof, the resident confirms and rates, and the
 * volunteer's points balance carries the award.
 */
import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { meOf, newResident, newVolunteer, okFn } from '../support/backend';
import { findDocs } from '../support/db';
import { balanceOf, idFromNavigation, pageUntil, sent, wishRow } from '../support/wish';

const PHONE = '13912340001';

describe('微心愿 from wish to points', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('publish → review → claim → proof → confirm → rate, as each person sees it', async () => {
    const resident = await newResident('loop-res');
    await okFn(resident, 'user', { action: 'updateProfile', displayName: '周玉兰', phone: PHONE });
    const volunteer = await newVolunteer('loop-vol', '吴国强');
    const title = `想请人帮忙换灯泡${Date.now() % 10000}`;

    // 1. The resident publishes, with a photo, letting the claimer see the phone.
    page = await load('pages/wish/publish/index', { openid: resident });
    await page.input('#title', title);
    await page.input('#content', '楼道和厨房的灯坏了，我腿脚不便，晚上看不清。');
    await page.tapText('维修帮办');
    await page.tapText('添加照片');
    await page.tap('#show-phone');
    await page.tap('#submit');

    expect(recorded.modals.map((m) => m.title)).toEqual(['发布成功']);
    expect(recorded.subscriptions).toEqual([['tmpl-wish-reviewed', 'tmpl-wish-claimed', 'tmpl-wish-fulfilled']]);
    expect(recorded.navigations).toHaveLength(1);
    expect(recorded.navigations[0]).toMatch(/^redirectTo:\/pages\/wish\/detail\/index\?id=/);
    const id = idFromNavigation(recorded.navigations[0]);
    let row = (await wishRow(id))!;
    expect(row).toMatchObject({ status: 'pending_review', title, category: '维修帮办', showPhone: true, publisherId: (await meOf(resident)).id });
    expect(row.photos).toHaveLength(1);
    expect(row.photos[0]).toMatch(/^cloud:\/\/local\.honglin\/wish\//);
    page.detach();

    // 2. 陈书记 approves it on the review queue.
    resetWx();
    page = await load('package-staff/pages/wish-review/index', { openid: 'demo-staff' });
    await pageUntil(page, `#approve-${id}`);
    await page.tap(`#approve-${id}`);
    expect(recorded.toasts).toContain('已通过，心愿已上墙');
    expect(page.has(`#approve-${id}`)).toBe(false);
    expect((await wishRow(id))!.status).toBe('open');
    page.detach();

    // 3. A volunteer claims it: a confirm dialog first, then the phone to call.
    resetWx();
    const before = await balanceOf(volunteer);
    page = await load('pages/wish/detail/index', { openid: volunteer, query: { id } });
    expect(page.textOf('#status')).toBe('待认领');
    expect(page.textOf('#publisher')).toContain('周**');
    expect(page.text()).not.toContain('周玉兰');
    expect(page.text()).not.toContain(PHONE);
    await page.tapText('我来认领');

    expect(recorded.modals[0].title).toBe('认领心愿');
    expect(recorded.subscriptions).toEqual([['tmpl-wish-confirmed']]);
    expect(page.textOf('#status')).toBe('已认领');
    // The claimer reaches 周玉兰 while the claim is live: her name, the number masked, 拨打 reads it.
    expect(page.textOf('#contact >>> #contact-name')).toBe('周玉兰');
    expect(page.textOf('#contact >>> #contact-phone')).toBe(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
    expect(page.text()).not.toContain(PHONE);
    expect(page.textOf('#lease')).toMatch(/^请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前完成$/);
    await page.tapText('拨打');
    expect(recorded.phoneCalls).toEqual([PHONE]);
    expect(await findDocs('user_events', { targetId: (await meOf(resident)).id, field: 'phone' })).toEqual([
      expect.objectContaining({ byUserId: (await meOf(volunteer)).id, task: 'wish', taskId: id, to: 'viewed' }),
    ]);
    row = (await wishRow(id))!;
    expect(row.status).toBe('claimed');
    expect(row.claim?.userId).toBe((await meOf(volunteer)).id);

    // 4. …and hands in proof with a note and a photo.
    await page.tapText('提交完成凭证');
    await page.input('#form-text', '已换好两个灯泡，试过都能亮。');
    await page.tapText('添加照片');
    await page.tap('#form-submit');
    expect(page.textOf('#status')).toBe('待确认');
    expect(page.textOf('#proof')).toContain('已换好两个灯泡，试过都能亮。');
    row = (await wishRow(id))!;
    expect(row.status).toBe('awaiting_confirmation');
    expect(row.proof?.note).toBe('已换好两个灯泡，试过都能亮。');
    expect(row.proof?.photos).toHaveLength(1);
    page.detach();

    // 5. The resident confirms: the wish lights up and the volunteer is paid, once.
    resetWx();
    page = await load('pages/wish/detail/index', { openid: resident, query: { id } });
    expect(page.textOf('#proof')).toContain('已换好两个灯泡');
    expect(page.text()).not.toContain('吴国强');
    await page.tapText('确认完成');
    const awarded = (await wishRow(id))!.pointsAwarded!;
    expect(awarded).toBeGreaterThan(0);
    expect(recorded.toasts).toContain(`已确认完成，志愿者获得${awarded}积分`);
    expect(page.textOf('#status')).toBe('已点亮');
    expect((await wishRow(id))!.status).toBe('completed');
    expect(await balanceOf(volunteer)).toBe(before + awarded);
    const entries = await findDocs('points_entries', { 'source.id': id });
    expect(entries).toHaveLength(1);

    // 6. …and rates the help.
    await page.tapText('评价');
    await page.tap('#star-4');
    await page.input('#form-text', '小吴很热心，谢谢！');
    await page.tap('#form-submit');
    expect(page.textOf('#rating')).toContain('★★★★☆');
    expect((await wishRow(id))!.rating).toMatchObject({ stars: 4, comment: '小吴很热心，谢谢！' });

    // Every step is on the timeline, in Beijing time, with who did it and never an openid.
    const timeline = page.textOf('#timeline');
    for (const step of ['发布心愿（待审核）', '待审核 → 待认领', '待认领 → 已认领', '已认领 → 待确认', '待确认 → 已点亮']) {
      expect(timeline).toContain(step);
    }
    expect(timeline).toContain('志愿者 吴**');
    expect(timeline).toContain('社区工作者');
    expect(timeline).not.toContain(volunteer);
    const events = await findDocs<{ at: number; to: string }>('wish_events', { wishId: id });
    const claimed = events.find((e) => e.to === 'claimed')!;
    const beijing = new Date(claimed.at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(timeline).toContain(`${beijing} · 志愿者 吴**`);
    expect(modalAnswer.confirm).toBe(true);
    expect(sent('confirm')).toHaveLength(1);
  });
});
