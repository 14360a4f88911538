import type { OpeningHours, Period, WeekdayKey } from '../../../../typings/map';

/** How a day is kept: closed, open (with an optional lunch break) or round the clock. */
export type DayMode = 'closed' | 'open' | 'allday';

export interface DayRow {
  key: WeekdayKey;
  label: string;
  mode: DayMode;
  from: string;
  to: string;
  lunch: boolean;
  lunchFrom: string;
  lunchTo: string;
  /** A day with more than two periods is kept as it was until someone changes the row. */
  kept: Period[] | null;
  keptText: string;
}

export const WEEKDAYS: WeekdayKey[] = ['1', '2', '3', '4', '5', '6', '7'];
const LABELS: Record<WeekdayKey, string> = { '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六', '7': '周日' };
const ALL_DAY: Period = { from: '00:00', to: '24:00' };
const OFFICE = { from: '08:30', to: '17:30', lunchFrom: '12:00', lunchTo: '14:00' };

function row(key: WeekdayKey, mode: DayMode, times: Partial<DayRow> = {}): DayRow {
  return { key, label: LABELS[key], mode, ...OFFICE, lunch: false, kept: null, keptText: '', ...times };
}

/** A new place: open on working days 08:30–17:30 with a lunch break, closed at the weekend. */
export function defaultRows(): DayRow[] {
  return WEEKDAYS.map((k) => (k === '6' || k === '7' ? row(k, 'closed') : row(k, 'open', { lunch: true })));
}

function toRow(key: WeekdayKey, periods: Period[] | undefined): DayRow {
  const ps = periods ?? [];
  if (!ps.length) return row(key, 'closed');
  if (ps.length === 1 && ps[0].from === ALL_DAY.from && ps[0].to === ALL_DAY.to) return row(key, 'allday');
  if (ps.length === 1) return row(key, 'open', { from: ps[0].from, to: ps[0].to });
  if (ps.length === 2) return row(key, 'open', { from: ps[0].from, to: ps[1].to, lunch: true, lunchFrom: ps[0].to, lunchTo: ps[1].from });
  return row(key, 'open', { from: ps[0].from, to: ps[ps.length - 1].to, kept: ps, keptText: ps.map((p) => `${p.from}-${p.to}`).join(' ') });
}

export function toRows(week: OpeningHours['week']): DayRow[] {
  return WEEKDAYS.map((k) => toRow(k, week[k]));
}

export function rowPeriods(r: DayRow): Period[] {
  if (r.mode === 'closed') return [];
  if (r.mode === 'allday') return [ALL_DAY];
  if (r.kept) return r.kept;
  return r.lunch ? [{ from: r.from, to: r.lunchFrom }, { from: r.lunchTo, to: r.to }] : [{ from: r.from, to: r.to }];
}

/** What is wrong with a day, in words, or null. Times are 'HH:mm', so they compare as strings. */
export function rowProblem(r: DayRow): string | null {
  if (r.mode !== 'open' || r.kept) return null;
  if (r.from >= r.to) return `${r.label}：关门时间须晚于开门时间`;
  if (r.lunch && !(r.from < r.lunchFrom && r.lunchFrom < r.lunchTo && r.lunchTo < r.to)) {
    return `${r.label}：午休须在开门和关门之间，且结束晚于开始`;
  }
  return null;
}

/** A change to one field of a row; the row stops keeping its old periods. */
export function editRow(r: DayRow, change: Partial<Pick<DayRow, 'mode' | 'from' | 'to' | 'lunch' | 'lunchFrom' | 'lunchTo'>>): DayRow {
  return { ...r, ...change, kept: null, keptText: '' };
}

/** Copies one day's hours to the given days. */
export function copyDay(rows: DayRow[], from: WeekdayKey, to: WeekdayKey[]): DayRow[] {
  const src = rows.find((r) => r.key === from);
  if (!src) return rows;
  return rows.map((r) => (to.includes(r.key) && r.key !== from ? { ...src, key: r.key, label: r.label } : r));
}

/** The opening hours to save: the week from the rows; holidays, 调休 and closures kept from before. */
export function buildHours(rows: DayRow[], calendar: OpeningHours['calendar'], note: string, base?: OpeningHours): OpeningHours {
  const week: OpeningHours['week'] = {};
  for (const r of rows) {
    const ps = rowPeriods(r);
    if (ps.length) week[r.key] = ps;
  }
  const out: OpeningHours = { week, calendar };
  if (base?.holiday) out.holiday = base.holiday;
  if (base?.makeup) out.makeup = base.makeup;
  if (base?.closedDates?.length) out.closedDates = base.closedDates;
  if (note.trim()) out.note = note.trim();
  return out;
}
