import type { AppointmentSettings, Service, ServiceHours, ServiceInput, ServiceKind } from '../../../../typings/booking';
import type { Period, WeekdayKey } from '../../../../typings/map';

export const SERVICE_LIMITS = { name: 20, description: 300 };

export const WEEKDAYS: Array<{ key: WeekdayKey; label: string }> = [
  { key: '1', label: '周一' },
  { key: '2', label: '周二' },
  { key: '3', label: '周三' },
  { key: '4', label: '周四' },
  { key: '5', label: '周五' },
  { key: '6', label: '周六' },
  { key: '7', label: '周日' },
];

export interface ServiceDraft {
  kind: ServiceKind;
  name: string;
  description: string;
  placeId: string;
  duration: string;
  capacity: string;
  /** Weekdays open, the same periods each. */
  days: WeekdayKey[];
  am: boolean;
  amFrom: string;
  amTo: string;
  pm: boolean;
  pmFrom: string;
  pmTo: string;
  calendar: 'working_days' | 'every_day';
  horizon: string;
  cutoff: string;
  waitlist: string;
}

export function emptyDraft(): ServiceDraft {
  return {
    kind: 'appointment',
    name: '',
    description: '',
    placeId: '',
    duration: '30',
    capacity: '3',
    days: ['1', '2', '3', '4', '5'],
    am: true,
    amFrom: '08:30',
    amTo: '11:30',
    pm: true,
    pmFrom: '14:00',
    pmTo: '17:00',
    calendar: 'working_days',
    horizon: '7',
    cutoff: '120',
    waitlist: '10',
  };
}

/** The form filled from a service (hours read from its first open weekday). */
export function draftOf(s: Service): ServiceDraft {
  const d = emptyDraft();
  const a = s.appointment;
  const base: ServiceDraft = { ...d, kind: s.kind, name: s.name, description: s.description ?? '', placeId: s.placeId };
  if (!a) return base;
  const days = WEEKDAYS.map((w) => w.key).filter((k) => (a.hours.week[k] ?? []).length);
  const periods: Period[] = days.length ? (a.hours.week[days[0]] ?? []) : [];
  const am = periods.find((p) => p.from < '12:00');
  const pm = periods.find((p) => p.from >= '12:00');
  return {
    ...base,
    duration: String(a.durationMinutes),
    capacity: String(a.capacity),
    days,
    am: !!am,
    amFrom: am?.from ?? d.amFrom,
    amTo: am?.to ?? d.amTo,
    pm: !!pm,
    pmFrom: pm?.from ?? d.pmFrom,
    pmTo: pm?.to ?? d.pmTo,
    calendar: a.hours.calendar,
    horizon: String(a.horizonDays),
    cutoff: String(a.cancelCutoffMinutes),
    waitlist: String(a.waitlistMax),
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);

function range(label: string, value: string, min: number, max: number): string {
  const n = int(value);
  return Number.isInteger(n) && n >= min && n <= max ? '' : `${label}须为${min}到${max}之间的整数`;
}

/** What is wrong, in words, or ''. `hours`: the opening hours are being set. */
export function serviceProblem(d: ServiceDraft, hours: boolean): string {
  if (!d.name.trim()) return '请填写服务名称';
  if (d.name.trim().length > SERVICE_LIMITS.name) return `服务名称最多${SERVICE_LIMITS.name}字`;
  if (d.description.trim().length > SERVICE_LIMITS.description) return `服务说明最多${SERVICE_LIMITS.description}字`;
  if (!d.placeId) return '请选择服务地点';
  if (d.kind !== 'appointment') return '';
  const problem =
    range('每个时段的分钟数', d.duration, 10, 240) ||
    range('每个时段可预约人数', d.capacity, 1, 200) ||
    range('可提前预约天数', d.horizon, 1, 30) ||
    range('取消截止提前分钟数', d.cutoff, 0, 2880) ||
    range('候补人数', d.waitlist, 0, 50);
  if (problem || !hours) return problem;
  if (!d.days.length) return '请选择开放的日子';
  if (!d.am && !d.pm) return '请至少开放上午或下午';
  if (d.am && d.amTo <= d.amFrom) return '上午的结束时间须晚于开始时间';
  if (d.pm && d.pmTo <= d.pmFrom) return '下午的结束时间须晚于开始时间';
  if (d.am && d.pm && d.pmFrom < d.amTo) return '下午须在上午结束之后开始';
  return '';
}

export function hoursOf(d: ServiceDraft): ServiceHours {
  const periods: Period[] = [...(d.am ? [{ from: d.amFrom, to: d.amTo }] : []), ...(d.pm ? [{ from: d.pmFrom, to: d.pmTo }] : [])];
  return { week: Object.fromEntries(d.days.map((k) => [k, periods])), calendar: d.calendar };
}

function settings(d: ServiceDraft): Omit<AppointmentSettings, 'hours'> {
  return { durationMinutes: int(d.duration), capacity: int(d.capacity), horizonDays: int(d.horizon), cancelCutoffMinutes: int(d.cutoff), waitlistMax: int(d.waitlist) };
}

export function serviceInput(d: ServiceDraft): ServiceInput {
  return {
    kind: d.kind,
    name: d.name.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    placeId: d.placeId,
    ...(d.kind === 'appointment' ? { appointment: { ...settings(d), hours: hoursOf(d) } } : {}),
  };
}

/** The changes to send; the hours only when they were edited (the form shows one week shape). */
export function serviceChanges(d: ServiceDraft, hours: boolean) {
  return {
    name: d.name.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    placeId: d.placeId,
    ...(d.kind === 'appointment' ? { appointment: { ...settings(d), ...(hours ? { hours: hoursOf(d) } : {}) } } : {}),
  };
}
