import type { CalendarDay, CalendarHorizon } from '../../../../typings/booking';
import { addDays } from '../../../utils/date';

/** One square of the month grid; blanks pad the first week to its Monday. */
export interface DayCell {
  key: string;
  date: string;
  day: number;
  blank: boolean;
  workday: boolean;
  /** 班 or 休 */
  mark: string;
  name: string;
  /** 预估 (estimated) or 社区 (corrected by the community), else empty. */
  tag: string;
  weekend: boolean;
  /** A day that differs from its weekday: a holiday, a 调休 workday, a weekday off. */
  special: boolean;
  today: boolean;
  selected: boolean;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const TAG: Record<CalendarDay['source'], string> = { official: '', estimated: '预估', community: '社区' };
export const SOURCE_TEXT: Record<CalendarDay['source'], string> = { official: '国家安排', estimated: '按规则预估', community: '社区设置' };

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isWeekend(date: string): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** '2027年2月5日 周五' */
export function dayTitle(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAY_NAMES[weekdayOf(date)]}`;
}

/** '休 · 春节 · 按规则预估' */
export function dayStatus(d: CalendarDay): string {
  const what = d.workday ? (isWeekend(d.date) ? '上班（调休）' : '上班') : '休息';
  return [what, d.name, SOURCE_TEXT[d.source]].filter(Boolean).join(' · ');
}

export function cellsOf(days: CalendarDay[], today: string, selected: string): DayCell[] {
  if (!days.length) return [];
  const lead = (weekdayOf(days[0].date) + 6) % 7; // Monday first
  const blanks: DayCell[] = Array.from({ length: lead }, (_, i) => ({
    key: `b${i}`,
    date: addDays(days[0].date, i - lead),
    day: 0,
    blank: true,
    workday: false,
    mark: '',
    name: '',
    tag: '',
    weekend: false,
    special: false,
    today: false,
    selected: false,
  }));
  return blanks.concat(
    days.map((d) => {
      const weekend = isWeekend(d.date);
      return {
        key: d.date,
        date: d.date,
        day: Number(d.date.slice(8, 10)),
        blank: false,
        workday: d.workday,
        mark: d.workday ? '班' : '休',
        name: d.name ?? '',
        tag: TAG[d.source],
        weekend,
        special: d.workday === weekend || !!d.name,
        today: d.date === today,
        selected: d.date === selected,
      };
    }),
  );
}

/** The notice staff see when the confirmed calendar is about to run out. */
export function horizonNotice(h: CalendarHorizon): string {
  if (!h.warn) return '';
  const end = h.confirmedUntil ?? h.officialUntil;
  const next = Number(end.slice(0, 4)) + 1;
  return `工作日历已确认至${end}，之后的节假日为按规则预估。国务院公布${next}年放假安排后，请逐日核对，并在调休上班的周末设为“上班”；核对完毕后，确认${next}年12月31日即可延长日历。`;
}
