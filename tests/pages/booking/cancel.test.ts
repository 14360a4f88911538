import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { meOf } from '../support/backend';
import { updateDoc } from '../support/db';
import { bookAs, bookingCommunity, bookingRow, callBooking, eventsOf, newService, sentBooking, shanghaiDay, slotOf, slotRow, weekdayOf } from '../support/booking';

const SERVICE = 'pages/booking/service/index';
const DETAIL = 'pages/booking/detail/index';

jest.setTimeout(90_000);

describe('取消预约 · 休息日', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('cancelling before the cut-off frees the place, and the first on the waitlist moves up', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c, { capacity: 1, waitlistMax: 3 });
    const slotId = slotOf(serviceId, shanghaiDay(2), '09:00');
    const holder = await c.resident('吴秀英');
    const waiting = await c.resident('郑国强');
    const held = await bookAs(holder, slotId);
    const queued = await bookAs(waiting, slotId);
    expect(queued.status).toBe('waitlisted');

    page = await load(DETAIL, { openid: holder, query: { id: held.id } });
    expect(page.textOf('#status')).toBe('已预约');

    // Thinks again first: nothing happens.
    modalAnswer.confirm = false;
    await page.tap('#cancel');
    expect(sentBooking('cancel')).toHaveLength(0);

    modalAnswer.confirm = true;
    await page.tap('#cancel');
    expect(recorded.modals.at(-1)!.title).toBe('取消预约');
    expect(recorded.toasts).toContain('已取消预约');
    expect(page.textOf('#status')).toBe('已取消');
    expect(page.has('#code')).toBe(false);
    expect(page.has('#cancel')).toBe(false);
    expect((await bookingRow(held.id))!.status).toBe('cancelled');
    expect((await bookingRow(queued.id))!.status).toBe('booked');
    expect((await slotRow(slotId))!.booked).toEqual([{ userId: (await meOf(waiting)).id, id: queued.id }]);
    expect((await eventsOf(held.id)).at(-1)).toMatchObject({ from: 'booked', to: 'cancelled', why: '本人取消' });
    page.detach();

    // The freed place shows on the picker for a third neighbour as waitlist room again.
    resetWx();
    page = await load(SERVICE, { openid: await c.resident('冯七'), query: { id: serviceId } });
    await page.tap('#day-2');
    const i = page.comp.data.day.slots.findIndex((s: { time: string }) => s.time === '09:00-10:00');
    expect(page.textOf(`#left-${i}`)).toBe('约满 可候补');
  });

  test("after the cut-off the server's refusal is shown and the booking stays", async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c, { cancelCutoffMinutes: 120 });
    const resident = await c.resident('陈桂花');
    const b = await bookAs(resident, slotOf(serviceId, shanghaiDay(1), '16:00'));

    page = await load(DETAIL, { openid: resident, query: { id: b.id } });
    expect(page.has('#cancel')).toBe(true);
    // Time passes the cut-off while the page is open (the cut-off moves back two days instead).
    await updateDoc('booking_bookings', b.id, { cancelCutoffMinutes: 2880 });
    await page.tap('#cancel');

    const words = '已过取消截止时间（开始前48小时），如不能前来请联系社区';
    expect(page.textOf('#refusal')).toBe(words);
    expect(recorded.modals.at(-1)).toEqual({ title: '未能取消', content: words });
    expect((await bookingRow(b.id))!.status).toBe('booked');
    expect(page.textOf('#status')).toBe('已预约');
    expect(page.textOf('#cancel-before')).toContain('已过取消时间');
  });

  test('closed days are greyed with the reason the server gives; their slots cannot be picked', async () => {
    const c = await bookingCommunity();
    // A working-day service, Monday to Friday, closed one weekday of the coming week as well.
    const offDay = [1, 2, 3, 4, 5, 6].map((n) => shanghaiDay(n)).find((d) => Number(weekdayOf(d)) <= 5)!;
    const serviceId = await newService(c, {
      durationMinutes: 30,
      hours: { week: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from: '09:00', to: '11:00' }]])), calendar: 'working_days', closedDates: [offDay] },
    });
    const resident = await c.resident('褚大爷');
    const slots = await callBooking(resident, { action: 'slots', serviceId });
    expect(slots.ok).toBe(true);
    const days: Array<{ date: string; open: boolean; reason?: string; slots: unknown[] }> = slots.data.days;
    expect(days).toHaveLength(7);
    expect(days.find((d) => d.date === offDay)).toMatchObject({ open: false, reason: '暂停服务', slots: [] });
    // A week always holds a weekend; this one is closed unless the calendar makes it a 调休 day.
    expect(days.filter((d) => !d.open).length).toBeGreaterThanOrEqual(2);

    page = await load(SERVICE, { openid: resident, query: { id: serviceId } });
    for (const [i, d] of days.entries()) {
      const cell = page.comp.querySelector(`#day-${i}`);
      expect(cell.dom.className.includes('day-closed')).toBe(!d.open);
      if (!d.open) expect(page.textOf(`#day-${i}`)).toContain(d.reason!);
    }
    const closed = days.findIndex((d) => d.date === offDay);
    await page.tap(`#day-${closed}`);
    expect(page.textOf('#closed')).toBe('暂停服务，不开放预约');
    expect(page.has('#slots')).toBe(false);
    const open = days.findIndex((d) => d.open && d.date > shanghaiDay(0));
    await page.tap(`#day-${open}`);
    expect(page.comp.data.day.slots.map((s: { time: string }) => s.time)).toEqual(['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00']);
    expect(page.textOf('#hours')).toContain('法定节假日休息');
  });

  test('the map links every service here: a 代办 service goes on to its request form', async () => {
    const c = await bookingCommunity();
    const { service } = (await callBooking(c.staff, { action: 'manageService', op: 'create', service: { kind: 'proxy', name: '高龄津贴代办', placeId: c.placeId } })).data;
    page = await load(SERVICE, { openid: await c.resident(), query: { id: service.id } });
    expect(recorded.navigations).toEqual([`redirectTo:/pages/booking/errand/index?serviceId=${service.id}`]);
  });
});
