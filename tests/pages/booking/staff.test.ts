import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx, scanAnswer } from '../../setup/wx';
import { meOf } from '../support/backend';
import { updateDoc } from '../support/db';
import { MIN, bookAs, bookingCommunity, bookingRow, callBooking, eventsOf, moveBooking, newErrandService, newService, sentBooking, shanghaiDay, slotOf } from '../support/booking';

const SCHEDULE = 'package-staff/pages/booking-schedule/index';
const QUEUE = 'package-staff/pages/errand-queue/index';
const PUBLISH = 'package-staff/pages/activity-publish/index';
const ROSTER = 'package-staff/pages/activity-roster/index';
const SERVICES = 'package-staff/pages/service-list/index';
const SERVICE_EDIT = 'package-staff/pages/service-edit/index';
const MINE = 'pages/booking/mine/index';

jest.setTimeout(120_000);

describe('预约 · 社区工作人员', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test("staff type a resident's code on 今日预约: the booking is checked in; no-shows are in plain sight", async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c);
    const resident = await c.resident('刘秀兰');
    const absent = await c.resident('王大成');
    const b = await bookAs(resident, slotOf(serviceId, shanghaiDay(1), '10:00'));
    const missed = await bookAs(absent, slotOf(serviceId, shanghaiDay(1), '11:00'));
    // Their slots are today: one begins in five minutes, one ended an hour ago and was never checked in.
    await moveBooking(b.id, Date.now() + 5 * MIN, Date.now() + 65 * MIN);
    await moveBooking(missed.id, Date.now() - 120 * MIN, Date.now() - 60 * MIN);
    await updateDoc('booking_bookings', missed.id, { status: 'no_show' });
    const code = (await bookingRow(b.id))!.code;

    page = await load(SCHEDULE, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#date')).toMatch(/^今天 \d+月\d+日（周.）$/);
    expect(page.textOf(`#status-${b.id}`)).toBe('已预约');
    expect(page.textOf(`#row-${b.id}`)).toContain('刘秀兰'); // staff read residents' real names
    expect(page.textOf(`#status-${missed.id}`)).toBe('未到');
    expect(page.textOf('#count-no_show')).toBe('1未到');

    await page.input('#code-input', '1234');
    await page.tap('#submit');
    expect(recorded.toasts).toEqual(['请输入8位数字预约码']);
    expect(sentBooking('checkIn')).toHaveLength(0);

    await page.input('#code-input', code);
    await page.tap('#submit');
    expect(recorded.toasts.at(-1)).toBe('签到成功');
    expect(page.textOf('#done')).toBe('已签到：刘秀兰 · 社保咨询 ' + page.comp.data.groups[0].rows.find((r: { id: string }) => r.id === b.id).time);
    expect(page.textOf(`#status-${b.id}`)).toBe('已签到');
    expect(page.textOf('#count-checked_in')).toBe('1已签到');
    const row = (await bookingRow(b.id))!;
    expect(row.status).toBe('checked_in');
    expect(row.checkedInAt).toBeGreaterThan(Date.now() - 60_000);
    expect((await eventsOf(b.id)).at(-1)).toMatchObject({ from: 'booked', to: 'checked_in', byLabel: '社区工作者', why: '工作人员扫码签到' });

    // The same code again: the server says so, in its words.
    await page.input('#code-input', code);
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('该预约已签到');
  });

  test('a grid worker scans the QR on the phone; a code not ours is caught before the server', async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c);
    const resident = await c.resident('蒋阿姨');
    const b = await bookAs(resident, slotOf(serviceId, shanghaiDay(1), '09:00'));
    await moveBooking(b.id, Date.now() - 5 * MIN, Date.now() + 55 * MIN);

    page = await load(SCHEDULE, { openid: c.gridWorker });
    expect(page.has('#poster-card')).toBe(false); // posters are for staff
    scanAnswer.value = 'https://example.com/x';
    await page.tap('#scan');
    expect(recorded.modals.at(-1)!.title).toBe('无法识别');
    expect(sentBooking('checkIn')).toHaveLength(0);

    scanAnswer.value = b.qr;
    await page.tap('#scan');
    expect(recorded.scans.at(-1)).toEqual(['qrCode']);
    expect((await bookingRow(b.id))!.status).toBe('checked_in');
    expect((await eventsOf(b.id)).at(-1)!.byLabel).toBe('网格员 周**');
  });

  test("a resident scans the place's poster on 我的预约 inside the slot window to check in", async () => {
    const c = await bookingCommunity();
    const serviceId = await newService(c);
    const resident = await c.resident('韩奶奶');
    const b = await bookAs(resident, slotOf(serviceId, shanghaiDay(1), '09:00'));
    await moveBooking(b.id, Date.now() + 10 * MIN, Date.now() + 70 * MIN);

    // Staff show the place's poster code from 今日预约.
    page = await load(SCHEDULE, { openid: c.staff });
    await page.tap('#service-0');
    await page.tap('#poster');
    const poster = page.props('#poster-qr').text as string;
    expect(poster).toMatch(new RegExp(`^honglin://checkin/place/${c.placeId}\\?k=[A-Za-z0-9]{12}$`));
    page.detach();

    resetWx();
    page = await load(MINE, { openid: resident });
    expect(page.textOf(`#status-${b.id}`)).toBe('已预约');
    scanAnswer.value = `honglin://booking/${(await bookingRow(b.id))!.code}`;
    await page.tap('#scan');
    expect(recorded.modals.at(-1)!.title).toBe('这是预约码');
    scanAnswer.value = poster;
    await page.tap('#scan');
    expect(recorded.toasts).toContain('签到成功：社保咨询');
    expect(page.textOf(`#status-${b.id}`)).toBe('已签到');
    expect((await bookingRow(b.id))!.status).toBe('checked_in');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/booking/detail/index?id=${b.id}`]);
  });

  test('a resident cannot reach the staff booking pages, and the server refuses the actions behind them', async () => {
    const c = await bookingCommunity();
    const resident = await c.resident('钱大妈');
    const pages: Array<[string, string]> = [
      [SCHEDULE, '预约日程仅供社区工作人员和网格员使用'],
      [QUEUE, '代办队列仅供社区工作人员和网格员使用'],
      [PUBLISH, '发布活动仅供社区工作人员使用'],
      [ROSTER, '活动签到仅供社区工作人员和网格员使用'],
      [SERVICES, '服务管理仅供社区工作人员使用'],
      [SERVICE_EDIT, '服务管理仅供社区工作人员使用'],
    ];
    for (const [path, words] of pages) {
      resetWx();
      page = await load(path, { openid: resident });
      expect(page.textOf('#forbidden')).toBe(words);
      expect(recorded.requests.filter((r) => r.url.endsWith('/fn/booking'))).toHaveLength(0);
      page.detach();
    }
    page = undefined;

    const serviceId = await newService(c);
    const errandService = await newErrandService(c, 'proxy', '社保医保代办');
    const other = await c.resident('孙大爷');
    const b = await bookAs(other, slotOf(serviceId, shanghaiDay(1), '10:00'));
    const code = (await bookingRow(b.id))!.code;
    const { errand } = (await callBooking(other, { action: 'requestErrand', serviceId: errandService, description: '帮忙办理医保缴费' })).data;
    const attempts: Array<Record<string, unknown>> = [
      { action: 'schedule', date: shanghaiDay(1) },
      { action: 'checkIn', code },
      { action: 'errands' },
      { action: 'workers' },
      { action: 'publishActivity', op: 'create', activity: { title: '理论宣讲', category: '理论宣讲', description: '宣讲', placeId: c.placeId, date: shanghaiDay(3), from: '14:00', to: '15:00', capacity: 10 } },
      { action: 'manageService', op: 'pause', id: serviceId, reason: '不想让别人约' },
      { action: 'placeCode', placeId: c.placeId },
    ];
    for (const event of attempts) {
      const res = await callBooking(resident, event);
      expect({ action: event.action, ok: res.ok, code: res.code }).toEqual({ action: event.action, ok: false, code: 'FORBIDDEN' });
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Someone else's errand is not theirs to know of at all.
    const assign = await callBooking(resident, { action: 'assignErrand', id: errand.id, assigneeId: (await meOf(resident)).id });
    expect(assign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await bookingRow(b.id))!.status).toBe('booked');
    const after = (await callBooking(other, { action: 'detail', id: errand.id })).data.errand;
    expect(after.status).toBe('submitted');
  });
});
