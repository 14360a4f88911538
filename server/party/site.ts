import { randomInt } from 'node:crypto';
import { CALLOUT_QR_PREFIX, type SiteCode } from '../../typings/party';
import { invalid, precondition } from '../core/errors';
import { MINUTE_MS, ZONE, dayjs } from '../core/time';
import type { CalloutDoc } from './model';

/** 现场签到 opens this long before the start and stays open this long after the end: people come early and stay late. */
export const CHECK_IN_MARGIN_MIN = 30;
const MARGIN_MS = CHECK_IN_MARGIN_MIN * MINUTE_MS;

/** Six digits: short enough for an elderly member to type from the staff's phone. */
export const newSiteCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const siteQr = (calloutId: string, code: string) => `${CALLOUT_QR_PREFIX}${calloutId}?k=${code}`;

export function siteOf(c: CalloutDoc): SiteCode | undefined {
  return c.status === 'open' && c.code ? { code: c.code, qr: siteQr(c._id, c.code) } : undefined;
}

/** The code in what was scanned (the QR) or typed (the digits); the QR must be this call-out's. */
function codeIn(input: string, calloutId: string): string {
  const s = input.trim();
  if (!s.startsWith(CALLOUT_QR_PREFIX)) return s;
  const [id, query] = s.slice(CALLOUT_QR_PREFIX.length).split('?');
  if (id !== calloutId) throw invalid('这不是本次吹哨的签到码，请扫描本次吹哨现场的签到码');
  return query?.startsWith('k=') ? query.slice(2) : '';
}

export function assertSiteCode(c: CalloutDoc, input: string): void {
  if (!c.code) throw precondition('这次吹哨没有现场签到码，请找现场的社区工作人员签到');
  if (codeIn(input, c._id) !== c.code) throw invalid('签到码不对，请核对现场出示的6位签到码');
}

/** Check-in is taken while the call-out is open, from the margin before its start to the margin after its end. */
export function assertCheckInWindow(c: CalloutDoc, now: number): void {
  if (c.status !== 'open') throw precondition('这次吹哨已结束，不能签到');
  if (now < c.start - MARGIN_MS) throw precondition(`未到签到时间，可在${dayjs(c.start - MARGIN_MS).tz(ZONE).format('M月D日 HH:mm')}后签到`);
  if (now > c.end + MARGIN_MS) throw precondition('签到时间已过');
}
