import type { NoticeKind } from '../../../typings/user';
import { call, newRequestId, ok, sdk } from '../support/cloud';
import { createPlace, newCommunity, offset } from '../support/map';
import { fireTimer as fireBookingTimer, newErrandService, newService, shanghaiDay, slotOf, type BookingCommunity } from '../support/booking';
import { fireTimer as fireListsTimer, getDoc, listsOk, newListsCommunity, patchDoc, rid, type ListsCommunity } from '../support/lists';
import { breaksRule } from '../support/keyword-rules';

/**
 * Every subscribe message the product sends, driven through the real flows in a community whose
 * admin configured a template for each kind (with keyword numbers of its own), then every value
 * in the outbox checked against WeChat's keyword rules.
 */

const DAY = 24 * 3600_000;
const ALL: NoticeKind[] = [
  'wishReviewed', 'wishClaimed', 'wishFulfilled', 'wishConfirmed',
  'bookingReminder', 'bookingPromoted', 'errandUpdated', 'activityReminder', 'activityCancelled',
  'ticketDispatched', 'ticketUpdated', 'ticketDeadline', 'ticketEscalated',
  'claimChanged', 'staffQueue', 'partyCallout', 'bulletin',
];

async function outboxWith(templateId: string): Promise<any[]> {
  const res = await sdk().database().collection('outbox').where({ template_id: templateId }).limit(1000).get();
  return res.data;
}

async function outboxTo(openids: string[]): Promise<any[]> {
  const _ = sdk().database().command;
  const res = await sdk().database().collection('outbox').where({ touser: _.in(openids) }).limit(1000).get();
  return res.data;
}

/** The kind's fields mapped to keywords numbered from 11, so nothing works by the defaults alone. */
async function customKeywords(c: ListsCommunity, kind: NoticeKind): Promise<Record<string, string>> {
  const { kinds } = await ok('user', { action: 'noticeSettings' }, c.admin);
  const view = kinds.find((k: any) => k.kind === kind);
  return Object.fromEntries(
    view.fields.map((f: any, i: number) => [f.field, `${kind === 'ticketUpdated' && f.field === 'status' ? 'thing' : f.recommended.keyword.replace(/\d+$/, '')}${i + 11}`]),
  );
}

describe('subscribe messages', () => {
  let c: ListsCommunity;
  let b: BookingCommunity;
  const ids: Record<string, string> = {};
  const mapping: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    c = await newListsCommunity();
    const placeId = await createPlace(c, '党群服务中心', offset(c.center, 100, 100));
    b = { ...c, placeId, staff: c.staff, gridWorker: c.workerOpenid };
    for (const kind of ALL) {
      ids[kind] = `t${c.code}-${kind}`;
      mapping[kind] = await customKeywords(c, kind);
      const { kind: saved } = await ok('user', { action: 'setNoticeSettings', kind, templateId: ids[kind], keywords: mapping[kind], requestId: newRequestId() }, c.admin);
      expect(saved).toMatchObject({ kind, templateId: ids[kind], keywords: mapping[kind] });
    }
  });

  it('every kind the product sends lands in the outbox with the configured template, and every value obeys its keyword rule', async () => {
    // 微心愿: publish → review → claim → proof → confirm.
    const { wish } = await ok('wish', { action: 'publish', title: '家里的老式吊扇坏了，夏天快到了，想请懂电器的志愿者上门看看', content: '老人独居，吊扇不转了，想请人帮忙看看能不能修。', category: '维修帮办', requestId: newRequestId() }, c.resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.staff);
    await ok('wish', { action: 'claim', id: wish.id }, c.volunteer);
    await ok('wish', { action: 'submitProof', id: wish.id, note: '已上门修好吊扇，换了电容。' }, c.volunteer);
    await ok('wish', { action: 'confirm', id: wish.id }, c.resident);
    // A claim taken back by staff, with the reason; a wish left waiting for review, batched to staff.
    const second = (await ok('wish', { action: 'publish', title: '想请人陪老伴去医院复查，顺便帮忙取药', content: '老伴腿脚不便，下周二上午复查。', category: '生活物资', requestId: newRequestId() }, c.resident)).wish;
    await ok('wish', { action: 'review', id: second.id, approve: true }, c.staff);
    await ok('wish', { action: 'claim', id: second.id }, c.volunteer);
    await ok('wish', { action: 'revoke', id: second.id, reason: '居民家属已经陪同前往医院，这次不需要志愿者了，谢谢', requestId: newRequestId() }, c.staff);
    await ok('wish', { action: 'publish', title: '楼下花坛需要修剪', content: '树枝挡住了路灯。', category: '维修帮办', requestId: newRequestId() }, c.resident);
    await fireListsTimer('tellStaff');

    // 预约: a full slot tomorrow, a waitlist moved up by a cancel, then the day-before reminder.
    const serviceId = await newService(b, { capacity: 1, waitlistMax: 1 });
    const slotId = slotOf(serviceId, shanghaiDay(1), '10:30');
    const first = (await ok('booking', { action: 'book', slotId }, c.resident)).booking;
    await ok('booking', { action: 'book', slotId }, c.volunteer);
    await ok('booking', { action: 'cancel', id: first.id }, c.resident);

    // 志愿活动: one tomorrow (reminded), one cancelled.
    const placeId = b.placeId;
    const activity = async (date: string, title: string) =>
      (await ok('booking', { action: 'publishActivity', op: 'create', activity: { title, category: '环境整治', description: '请自带手套。', placeId, date, from: '08:30', to: '11:00', capacity: 5 }, requestId: newRequestId() }, c.staff)).activity;
    const tomorrow = await activity(shanghaiDay(1), '北海新村楼道杂物清理暨垃圾分类宣传志愿服务活动');
    await ok('booking', { action: 'signUp', activityId: tomorrow.id }, c.volunteer);
    const rainy = await activity(shanghaiDay(3), '河道清理');
    await ok('booking', { action: 'signUp', activityId: rainy.id }, c.volunteer);
    await ok('booking', { action: 'publishActivity', op: 'cancel', id: rainy.id, reason: '暴雨预警，活动改期，具体时间另行通知，请大家注意安全' }, c.staff);
    await fireBookingTimer('remindTomorrow');

    // 代办: taken by the grid worker.
    const proxy = await newErrandService(b, 'proxy');
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId: proxy, description: '帮老人代办医保卡补办', requestId: newRequestId() }, c.resident);
    await ok('booking', { action: 'assignErrand', id: errand.id }, c.workerOpenid);

    // 工单: dispatched, warned before its deadline, escalated by hand.
    const { ticket } = await listsOk({ action: 'submitRequest', category: '环境清洁', title: '3幢楼道堆放杂物', requestId: rid() }, c.resident);
    await listsOk({ action: 'dispatch', id: ticket.id }, c.staff);
    const t = await getDoc('tickets', ticket.id);
    const now = Date.now();
    await patchDoc('tickets', ticket.id, { clock: { ...t.clock, startAt: now - 400 * DAY, resolveFrom: now - 400 * DAY, resolveBy: now + 3600_000 }, dueAt: now + 3600_000, nextAlertAt: 0 });
    await fireListsTimer('watchDeadlines');
    await listsOk({ action: 'escalate', id: ticket.id, reason: '涉及多个部门，网格内解决不了', requestId: rid() }, c.workerOpenid);

    // 社区吹哨: a confirmed party member is told of a whistle for their post.
    const { registration } = await ok('party', { action: 'register', kind: 'member', branch: '北海社区第一党支部', workUnit: '东台市实验小学', phone: '13805150009', posts: ['平安巡逻'], requestId: newRequestId() }, c.volunteer);
    await ok('party', { action: 'confirm', id: registration.id, requestId: newRequestId() }, c.staff);
    const whistleAt = Date.now() + 3600_000;
    await ok('party', { action: 'callout', title: '夜间平安巡逻，请报到的党员到北门岗亭集合', place: '北海新村北门岗亭', start: whistleAt, end: whistleAt + 3600_000, needed: 5, posts: ['平安巡逻'], requestId: newRequestId() }, c.staff);

    // 通知公告: an urgent one, long words and all, to everyone of the community.
    await ok('bulletin', { action: 'publish', title: '紧急通知：北海新村今晚22点至次日6点因主水管抢修全面停水', text: '因主水管爆裂抢修，今晚22:00至次日6:00停水，请居民提前储水，独居老人请邻居帮忙照看。', audience: { kind: 'all' }, urgent: true, requestId: newRequestId() }, c.staff);

    let checked = 0;
    for (const kind of ALL) {
      const sent = await outboxWith(ids[kind]);
      expect({ kind, sent: sent.length > 0 }).toEqual({ kind, sent: true });
      for (const m of sent) {
        expect(Object.keys(m.data).sort()).toEqual(Object.values(mapping[kind]).sort());
        for (const [keyword, v] of Object.entries(m.data as Record<string, { value: string }>)) {
          expect(breaksRule(keyword, v.value)).toBeNull();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(ALL.length * 2);

    // Values mean what the call site said: the long title cut to 20, the time in Shanghai.
    const [claimed] = await outboxWith(ids.wishClaimed);
    expect(claimed.data[mapping.wishClaimed.title].value).toBe(Array.from(wish.title as string).slice(0, 20).join(''));
    const [reminder] = await outboxWith(ids.activityReminder);
    const [y, mo, d] = shanghaiDay(1).split('-').map(Number);
    expect(reminder.data[mapping.activityReminder.start].value).toBe(`${y}年${mo}月${d}日 08:30`);
    const [updated] = await outboxWith(ids.ticketUpdated);
    expect(updated.data[mapping.ticketUpdated.status].value).toBe('已派单');
  });

  it('sends nothing for a kind whose template is not configured, and stops when one is cleared', async () => {
    const q = await newCommunity();
    const staff = q.admin;
    await ok('user', { action: 'bindCommunity', scene: `c=${q.code}&g=g1` }, q.resident);
    const { ticket } = await listsOk({ action: 'submitRequest', category: '环境清洁', title: '路灯不亮', requestId: rid() }, q.resident);
    await listsOk({ action: 'dispatch', id: ticket.id }, staff);
    expect(await outboxTo([q.resident, staff])).toHaveLength(0);
    expect((await ok('user', { action: 'notices' }, q.resident)).templates).toEqual({});

    // One kind on: only it is sent, and members are asked for only it.
    const keywords = { title: 'thing1', status: 'phrase2', note: 'thing3' };
    await ok('user', { action: 'setNoticeSettings', kind: 'ticketUpdated', templateId: `t${q.code}-updated`, keywords }, q.admin);
    expect((await ok('user', { action: 'notices' }, q.resident)).templates).toEqual({ ticketUpdated: `t${q.code}-updated` });
    const second = (await listsOk({ action: 'submitRequest', category: '环境清洁', title: '井盖松动', requestId: rid() }, q.resident)).ticket;
    await listsOk({ action: 'dispatch', id: second.id }, staff);
    const sent = await outboxTo([q.resident, staff]);
    expect(sent.map((m) => m.template_id)).toEqual([`t${q.code}-updated`]);

    // Cleared: nothing more.
    await ok('user', { action: 'setNoticeSettings', kind: 'ticketUpdated', templateId: '', keywords: {} }, q.admin);
    expect((await ok('user', { action: 'notices' }, q.resident)).templates).toEqual({});
    const third = (await listsOk({ action: 'submitRequest', category: '环境清洁', title: '楼道灯坏', requestId: rid() }, q.resident)).ticket;
    await listsOk({ action: 'dispatch', id: third.id }, staff);
    expect(await outboxTo([q.resident, staff])).toHaveLength(1);
  });

  it('testNotice sends a sample of the kind to the admin through the real path', async () => {
    const res = await ok('user', { action: 'testNotice', kind: 'bookingReminder', requestId: newRequestId() }, c.admin);
    expect(res).toMatchObject({ sent: true, templateId: ids.bookingReminder });
    const mine = (await outboxTo([c.admin])).filter((m) => m.template_id === ids.bookingReminder);
    expect(mine).toHaveLength(1);
    expect(mine[0].data).toEqual(res.data);
    for (const [k, v] of Object.entries(mine[0].data as Record<string, { value: string }>)) expect(breaksRule(k, v.value)).toBeNull();

    // A replay answers the same and sends nothing again.
    const requestId = newRequestId();
    await ok('user', { action: 'testNotice', kind: 'wishConfirmed', requestId }, c.admin);
    await ok('user', { action: 'testNotice', kind: 'wishConfirmed', requestId }, c.admin);
    expect((await outboxTo([c.admin])).filter((m) => m.template_id === ids.wishConfirmed)).toHaveLength(1);

    // A kind the community has not configured: told, nothing sent.
    const q = await newCommunity();
    expect(await ok('user', { action: 'testNotice', kind: 'wishReviewed' }, q.admin)).toMatchObject({ sent: false, message: expect.stringContaining('模板ID') });
    expect(await outboxTo([q.admin])).toHaveLength(0);
  });

  it('only an admin sees or changes the settings; bad keywords are refused and change nothing', async () => {
    for (const who of [c.resident, c.staff, c.workerOpenid]) {
      expect(await call('user', { action: 'noticeSettings' }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'setNoticeSettings', kind: 'wishReviewed', templateId: 'abcdefgh', keywords: { title: 'thing1', result: 'phrase2', note: 'thing3' } }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'testNotice', kind: 'wishReviewed' }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await call('user', { action: 'notices' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    // Members are told configured template ids only, never the keywords.
    const { templates } = await ok('user', { action: 'notices' }, c.resident);
    expect(templates).toEqual(ids);

    const before = await getDoc('notice_settings', c.id);
    const refused = [
      { kind: 'wishReviewed', templateId: ids.wishReviewed, keywords: { title: 'thing1', result: 'time2', note: 'thing3' } },
      { kind: 'wishReviewed', templateId: ids.wishReviewed, keywords: { title: 'thing1', result: 'phrase2', note: 'thing1' } },
      { kind: 'wishReviewed', templateId: ids.wishReviewed, keywords: { title: 'thing1', result: 'phrase2' } },
      { kind: 'wishReviewed', templateId: ids.wishReviewed, keywords: { title: 'thing1', result: 'phrase2', note: 'thingy3' } },
      { kind: 'wishReviewed', templateId: 'has spaces in it', keywords: { title: 'thing1', result: 'phrase2', note: 'thing3' } },
      { kind: 'noSuchKind', templateId: ids.wishReviewed, keywords: {} },
    ];
    for (const r of refused) expect(await call('user', { action: 'setNoticeSettings', ...r }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await getDoc('notice_settings', c.id)).toEqual(before);

    const { kinds } = await ok('user', { action: 'noticeSettings' }, c.admin);
    expect(kinds.map((k: any) => k.kind)).toEqual(ALL);
    expect(kinds.find((k: any) => k.kind === 'wishReviewed')).toMatchObject({ recommendedTitle: '审核结果通知', templateId: ids.wishReviewed, fields: expect.arrayContaining([expect.objectContaining({ field: 'result', accepts: ['phrase', 'thing'], recommended: { name: '审核结果', keyword: 'phrase2' } })]) });
  });
});
