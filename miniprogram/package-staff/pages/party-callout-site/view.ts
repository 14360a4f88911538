import type { CalloutResponse } from '../../../../typings/party';
import { formatShort } from '../../../utils/date';

/** One person who answered, as the 现场签到 list shows them. */
export interface SiteRow {
  userId: string;
  name: string;
  answer: string;
  /** 签到 19:05（扫码） or 签到 19:10（代签）; empty when not checked in. */
  checkedIn: string;
  /** Answered 报到 and not checked in: staff may check them in by hand. */
  canCheckIn: boolean;
}

export function siteRow(r: CalloutResponse): SiteRow {
  const coming = r.answer === 'coming';
  return {
    userId: r.userId,
    name: `${r.name}${r.party ? '（党员）' : ''}`,
    answer: coming ? '报到' : '不能到',
    checkedIn: r.checkedInAt ? `签到 ${formatShort(r.checkedInAt)}（${r.checkedInBy === 'staff' ? '代签' : '扫码'}）` : '',
    canCheckIn: coming && !r.checkedInAt,
  };
}

/** Those who came first, then those still expected, then those who cannot come. */
export function siteRows(responses: CalloutResponse[]): SiteRow[] {
  const rank = (r: SiteRow) => (r.checkedIn ? 0 : r.canCheckIn ? 1 : 2);
  return responses.map(siteRow).sort((a, b) => rank(a) - rank(b));
}
