import { load, type PageHandle } from '../../setup/load';
import { lostResponse, recorded, resetWx } from '../../setup/wx';
import { meOf } from '../support/backend';
import { bookAs, bookingCommunity, bookingRow, bookingsOf, newService, sentBooking, shanghaiDay, slotOf, slotRow } from '../support/booking';

const SERVICE = 'pages/booking/service/index';
const DETAIL = 'pages/booking/detail/index';

jest.setTimeout(90_000);

/** The index of a slot on the chosen day of the slot picker, found by its time. */
function slotIndex(page: PageHandle, time: string): number {
  const i = page.comp.data.day.slots.findIndex((s: { time: string }) => s.time === time);
  if (i < 0) throw new Error(`no slot ${time}; the day shows ${JSON.stringify(page.comp.data.day.slots.map((s: { time: string }) => s.time))}`);
  return i;
}

describe('预约时段', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident books a slot: what is left drops, the code is shown as digits and QR, the booking is in the database', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c, { capacity: 3 });
    const resident = await c.resident('刘秀兰');
    const tomorrow = shanghaiDay(1);

    page = await load(SERVICE, { openid: resident, query: { id: serviceId } });
    expect(page.textOf('#name')).toBe('社保咨询');
    expect(page.textOf('#place')).toContain(c.placeName);
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    await page.tap('#day-1');
    expect(page.textOf('#day-title')).toMatch(new RegExp(`^明天 ${Number(tomorrow.slice(5, 7))}月${Number(tomorrow.slice(8))}日（周.）$`));
    const i = slotIndex(page, '10:00-11:00');
    expect(page.textOf(`#left-${i}`)).toBe('剩3个');

    await page.tap(`#slot-${i}`);
    expect(page.textOf('#picked')).toContain('10:00-11:00');
    await page.tap('#book');

    expect(recorded.modals[0].title).toBe('确认预约');
    expect(recorded.modals[0].content).toContain('10:00-11:00');
    expect(recorded.modals[0].content).toContain(c.placeName);
    expect(recorded.modals[1].title).toBe('预约成功');
    // Asked inside the answer to the dialog, then the booking opens.
    expect(recorded.subscriptions).toEqual([['tmpl-booking-reminder']]);
    const [row] = await bookingsOf(resident);
    expect(row).toMatchObject({ serviceId, slotId: slotOf(serviceId, tomorrow, '10:00'), status: 'booked', date: tomorrow });
    expect(row.code).toMatch(/^\d{8}$/);
    expect((await slotRow(row.slotId))!.booked).toEqual([{ userId: (await meOf(resident)).id, id: row._id }]);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/booking/detail/index?id=${row._id}`]);
    // The picker itself shows the slot as the person's own now.
    expect(page.textOf(`#left-${i}`)).toBe('已预约');
    page.detach();

    // A neighbour sees one place fewer.
    resetWx();
    page = await load(SERVICE, { openid: await c.resident('王建国'), query: { id: serviceId } });
    await page.tap('#day-1');
    expect(page.textOf(`#left-${slotIndex(page, '10:00-11:00')}`)).toBe('剩2个');
    page.detach();

    resetWx();
    page = await load(DETAIL, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#status')).toBe('已预约');
    expect(page.textOf('#code')).toBe(`${row.code.slice(0, 4)} ${row.code.slice(4)}`);
    expect(page.props('#qr').text).toBe(`honglin://booking/${row.code}`);
    expect(page.textOf('#when')).toMatch(/^(今天|明天|(\d{4}年)?\d{1,2}月\d{1,2}日（周[一二三四五六日]）) 10:00–11:00$/);
    expect(page.textOf('#cancel-before')).toMatch(/^(今天|明天|(\d{4}年)?\d{1,2}月\d{1,2}日（周[一二三四五六日]）) 08:00前可取消$/);
    expect(page.textOf('#timeline')).toContain('居民 刘**预约成功');

    // 导航 opens the place in the map app.
    await page.tap('#navigate');
    expect(recorded.openedLocations).toHaveLength(1);
    expect(recorded.openedLocations[0].name).toBe(c.placeName);
  });

  test('a full slot offers 候补, and booking it puts the person on the waitlist', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c, { capacity: 1, waitlistMax: 2 });
    const slotId = slotOf(serviceId, shanghaiDay(1), '09:00');
    await bookAs(await c.resident('赵一'), slotId);
    const resident = await c.resident('钱二');

    page = await load(SERVICE, { openid: resident, query: { id: serviceId } });
    await page.tap('#day-1');
    const i = slotIndex(page, '09:00-10:00');
    expect(page.textOf(`#left-${i}`)).toBe('约满 可候补');
    expect(page.textOf(`#left-${slotIndex(page, '10:00-11:00')}`)).toBe('剩1个');
    await page.tap(`#slot-${i}`);
    expect(page.textOf('#book')).toBe('加入候补');
    await page.tap('#book');

    expect(recorded.modals[0].title).toBe('加入候补');
    expect(recorded.modals[1]).toMatchObject({ title: '已加入候补' });
    expect(recorded.modals[1].content).toContain('候补第1位');
    expect(recorded.subscriptions).toEqual([['tmpl-booking-promoted', 'tmpl-booking-reminder']]);
    const [row] = await bookingsOf(resident);
    expect(row.status).toBe('waitlisted');
    const slot = (await slotRow(slotId))!;
    expect(slot.booked).toHaveLength(1);
    expect(slot.waitlist).toEqual([{ userId: (await meOf(resident)).id, id: row._id }]);
    expect(page.textOf(`#left-${i}`)).toBe('候补中');
    page.detach();

    resetWx();
    page = await load(DETAIL, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#status')).toBe('候补中');
    expect(page.textOf('#waitlist')).toContain('候补第1位');
    expect(page.has('#code')).toBe(false); // no code to show until a place is held
  });

  test('a slot full with its waitlist too cannot be picked', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c, { capacity: 1, waitlistMax: 0 });
    await bookAs(await c.resident('孙三'), slotOf(serviceId, shanghaiDay(1), '09:00'));
    page = await load(SERVICE, { openid: await c.resident('李四'), query: { id: serviceId } });
    await page.tap('#day-1');
    const i = slotIndex(page, '09:00-10:00');
    expect(page.textOf(`#left-${i}`)).toBe('已约满');
    await page.tap(`#slot-${i}`);
    expect(recorded.toasts).toEqual(['该时段已约满，候补也已满，请选择其他时段']);
    expect(page.comp.data.picked).toBeNull();
  });

  test('a double tap books once; a lost answer retried books once', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c);
    const resident = await c.resident('周五');
    page = await load(SERVICE, { openid: resident, query: { id: serviceId } });
    await page.tap('#day-2');
    await page.tap(`#slot-${slotIndex(page, '14:00-15:00')}`);

    await Promise.all([page.tap('#book'), page.tap('#book')]);
    expect(sentBooking('book')).toHaveLength(1);
    expect(await bookingsOf(resident)).toHaveLength(1);
    page.detach();

    // Another slot: the answer is lost, the person taps again — the same request, one booking.
    resetWx();
    page = await load(SERVICE, { openid: resident, query: { id: serviceId } });
    await page.tap('#day-2');
    await page.tap(`#slot-${slotIndex(page, '15:00-16:00')}`);
    lostResponse.action = 'book';
    await page.tap('#book');
    expect(recorded.modals.at(-1)!.title).toBe('没有收到预约结果');
    expect(await bookingsOf(resident)).toHaveLength(2); // it went through on the server
    await page.tap('#book');
    const sent = sentBooking('book');
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    const rows = await bookingsOf(resident);
    expect(rows).toHaveLength(2);
    expect(recorded.modals.at(-1)!.title).toBe('预约成功');
    const second = rows.find((r) => r.slotId.endsWith('.1500'))!;
    expect(recorded.navigations).toEqual([`redirectTo:/pages/booking/detail/index?id=${second._id}`]);
    expect((await bookingRow(second._id))!.status).toBe('booked');
  });
});
