import { changesOf, formOf, formProblem, emptyForm, parseServices, toInput } from '../../../miniprogram/package-staff/pages/place-edit/form';
import { buildHours, copyDay, defaultRows, editRow, rowPeriods, rowProblem, toRows } from '../../../miniprogram/package-staff/pages/place-edit/hours';
import type { OpeningHours, PlaceDetail } from '../../../typings/map';

const p = (from: string, to: string) => ({ from, to });

const HOURS: OpeningHours = {
  week: {
    '1': [p('08:30', '12:00'), p('14:00', '17:30')],
    '2': [p('08:30', '17:30')],
    '3': [p('00:00', '24:00')],
    '4': [p('06:30', '08:30'), p('10:30', '13:00'), p('16:30', '18:30')],
    '5': [],
  },
  calendar: 'working_days',
  holiday: [p('09:00', '11:30')],
  closedDates: ['2027-02-06'],
  note: '周三24小时',
};

const detail = (over: Partial<PlaceDetail> = {}): PlaceDetail => ({
  id: 'p1',
  name: '邻里驿站',
  category: '爱心驿站',
  address: '北海路1号',
  location: { lat: 32.85, lng: 120.32 },
  openNow: true,
  open24h: false,
  label: '开放中 · 17:30关闭',
  today: '08:30-17:30',
  bookable: false,
  status: 'active',
  photos: [],
  services: ['歇脚饮水', '手机充电'],
  phone: '0515-85200000',
  week: [],
  holidayNote: '',
  closures: [],
  bookableServiceIds: [],
  hours: HOURS,
  updatedAt: 0,
  ...over,
});

describe('weekly hours editor', () => {
  test('each kind of day becomes a row and back, unchanged', () => {
    const rows = toRows(HOURS.week);
    expect(rows.map((r) => r.mode)).toEqual(['open', 'open', 'allday', 'open', 'closed', 'closed', 'closed']);
    expect(rows[0]).toMatchObject({ from: '08:30', to: '17:30', lunch: true, lunchFrom: '12:00', lunchTo: '14:00' });
    expect(rows[1]).toMatchObject({ from: '08:30', to: '17:30', lunch: false });
    expect(rows[3].keptText).toBe('06:30-08:30 10:30-13:00 16:30-18:30');
    for (const [i, key] of (['1', '2', '3', '4'] as const).entries()) expect(rowPeriods(rows[i])).toEqual(HOURS.week[key]);
    expect(rowPeriods(rows[4])).toEqual([]);
  });

  test('a day with three periods keeps them until it is edited', () => {
    const [row] = toRows({ '1': HOURS.week['4'] });
    expect(rowPeriods(row)).toHaveLength(3);
    expect(rowPeriods(editRow(row, { to: '19:00' }))).toEqual([p('06:30', '19:00')]);
  });

  test('times out of order are explained per day', () => {
    const [mon] = defaultRows();
    expect(rowProblem(mon)).toBeNull();
    expect(rowProblem(editRow(mon, { to: '08:00' }))).toBe('周一：关门时间须晚于开门时间');
    expect(rowProblem(editRow(mon, { lunchFrom: '15:00', lunchTo: '14:00' }))).toBe('周一：午休须在开门和关门之间，且结束晚于开始');
    expect(rowProblem(editRow(mon, { lunchTo: '18:00' }))).toBe('周一：午休须在开门和关门之间，且结束晚于开始');
    expect(rowProblem(editRow(mon, { mode: 'closed', to: '08:00' }))).toBeNull();
  });

  test('Monday copied to the working days or every day', () => {
    const rows = defaultRows().map((r, i) => (i === 0 ? editRow(r, { mode: 'allday' }) : r));
    expect(copyDay(rows, '1', ['2', '3', '4', '5']).map((r) => r.mode)).toEqual(['allday', 'allday', 'allday', 'allday', 'allday', 'closed', 'closed']);
    const all = copyDay(rows, '1', ['1', '2', '3', '4', '5', '6', '7']);
    expect(all.map((r) => r.label)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(all.every((r) => r.mode === 'allday')).toBe(true);
  });

  test('saving keeps holidays, 调休 hours and closures; closed days are left out', () => {
    const hours = buildHours(toRows(HOURS.week), 'every_day', ' 夏令时 ', HOURS);
    expect(hours).toEqual({
      week: { '1': HOURS.week['1'], '2': HOURS.week['2'], '3': HOURS.week['3'], '4': HOURS.week['4'] },
      calendar: 'every_day',
      holiday: HOURS.holiday,
      closedDates: HOURS.closedDates,
      note: '夏令时',
    });
    expect(buildHours(defaultRows(), 'working_days', '')).not.toHaveProperty('note');
  });
});

describe('place form', () => {
  test('services are one a line, or separated by 、，', () => {
    expect(parseServices(' 歇脚饮水\n手机充电、热饭微波，手机充电\n\n')).toEqual(['歇脚饮水', '手机充电', '热饭微波']);
  });

  test('what is missing or wrong is said before anything is sent', () => {
    const rows = defaultRows();
    const ok = { ...emptyForm(), name: '驿站', category: '爱心驿站' as const, address: '北海路1号', lat: '32.85', lng: '120.32' };
    expect(formProblem(ok, rows)).toBeNull();
    expect(formProblem({ ...ok, name: ' ' }, rows)).toBe('请填写地点名称');
    expect(formProblem({ ...ok, category: '' }, rows)).toBe('请选择地点类别');
    expect(formProblem({ ...ok, address: '' }, rows)).toBe('请填写地址');
    expect(formProblem({ ...ok, lat: '北纬32度' }, rows)).toBe('请在地图上选点，或填写正确的纬度和经度');
    expect(formProblem({ ...ok, lat: '95' }, rows)).toBe('请在地图上选点，或填写正确的纬度和经度');
    expect(formProblem({ ...ok, phone: '12345' }, rows)).toBeNull(); // 服务热线
    expect(formProblem({ ...ok, phone: '0515-8521' }, rows)).toBe('电话号码格式不正确（座机如0515-85212345）');
    expect(formProblem({ ...ok, services: Array.from({ length: 21 }, (_, i) => `服务${i}`).join('\n') }, rows)).toBe('服务项目最多20项');
    expect(formProblem(ok, [editRow(rows[0], { to: '08:00' }), ...rows.slice(1)])).toBe('周一：关门时间须晚于开门时间');
  });

  test('an update sends only what changed; a cleared phone is sent as null', () => {
    const before = detail();
    const rows = toRows(HOURS.week);
    const same = toInput(formOf(before), rows, before.hours);
    expect(changesOf(before, same)).toEqual({});

    const form = { ...formOf(before), name: '红色驿站', phone: '', lat: '32.851' };
    const changes = changesOf(before, toInput(form, rows, before.hours));
    expect(changes).toEqual({ name: '红色驿站', phone: null, location: { lat: 32.851, lng: 120.32 } });

    const later = changesOf(before, toInput(formOf(before), [editRow(rows[0], { to: '18:00' }), ...rows.slice(1)], before.hours));
    expect(Object.keys(later)).toEqual(['hours']);
    expect(later.hours!.week['1']).toEqual([p('08:30', '12:00'), p('14:00', '18:00')]);
    expect(later.hours!.holiday).toEqual(HOURS.holiday);
  });
});
