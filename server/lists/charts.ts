import * as z from 'zod/mini';
import type { ChartWeek, ListsCharts } from '../../typings/lists';
import { action } from '../core/define';
import { invalid, notFound } from '../core/errors';
import { addDays, DAY_MS, isDate, localDate } from '../core/time';
import { dayStart, weekdayOf } from '../core/hours';
import type { DocData } from '../platform/store';
import { readWith, type SideRead } from '../platform/aggregate';
import { COMMUNITIES, GRIDS, type GridDoc } from '../community/model';
import { SEASONS, wishFigureReads, type SeasonDoc } from '../community/seasons';
import { SIGNUPS } from '../booking/model';
import { RESPONSES } from '../party/model';
import { requireMember } from '../user/caller';
import { TICKETS, type TicketDoc } from './model';
import { assertStaff, findAll, type ListsCtx } from './context';
import { date } from './schemas';
import { ON_TIME_TARGET, ticketStats } from './stats';

const WEEK_MS = 7 * DAY_MS;
const MAX_WEEKS = 53;
const DEFAULT_WEEKS = 12;
const SEASONS_SHOWN = 6;
const TICKET_PAGE = 1000;

/** The Monday of a date's week (weeks run Monday to Sunday, as a Chinese office counts them). */
export const mondayOf = (d: string) => addDays(d, 1 - Number(weekdayOf(d)));

/** Which week of the period an instant falls in, as an aggregation expression: ⌊(t − first Monday) ÷ a week⌋. */
const weekOf = (field: string, base: number): DocData => ({ $floor: { $divide: [{ $subtract: [`$${field}`, base] }, WEEK_MS] } });

/**
 * 数据看板: a period of whole weeks (Monday of `from`'s week to `to`), its requests and on-time rate
 * by week, volunteer service by week, each grid, the categories, and the latest seasons' wishes.
 * Three database requests: the caller, one aggregation with every read of the period, one with
 * the seasons' counts.
 */
export const charts = action(z.object({ from: z.optional(date), to: z.optional(date) }), async function charts(ctx: ListsCtx, input): Promise<ListsCharts> {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以查看数据看板');
  const to = input.to ?? localDate(ctx.now);
  const from = mondayOf(input.from ?? addDays(to, -7 * (DEFAULT_WEEKS - 1)));
  if (!isDate(from) || !isDate(to)) throw invalid('日期格式须为 YYYY-MM-DD');
  if (to < from) throw invalid('结束日期不能早于开始日期');
  const start = dayStart(from);
  const end = dayStart(to) + DAY_MS;
  const weekCount = Math.ceil((end - start) / WEEK_MS);
  if (weekCount > MAX_WEEKS) throw invalid(`看板最多显示${MAX_WEEKS}周`);
  const c = user.communityId;
  const within = { $gte: start, $lt: end };
  const ticketsWhere = { communityId: c, createdAt: within };
  const reads: Record<string, SideRead> = {
    grids: { from: GRIDS, where: { communityId: c }, orderBy: [['code', 'asc']], limit: 100 },
    tickets: { from: TICKETS, where: ticketsWhere, orderBy: [['_id', 'asc']], limit: TICKET_PAGE },
    seasons: { from: SEASONS, where: { communityId: c }, orderBy: [['number', 'desc']], limit: SEASONS_SHOWN },
    activities: { from: SIGNUPS, where: { communityId: c, status: 'checked_out', checkOutAt: within }, group: { by: weekOf('checkOutAt', start), sum: { minutes: 'minutes' } } },
    callouts: { from: RESPONSES, where: { communityId: c, attended: true, closedAt: within }, group: { by: weekOf('closedAt', start), sum: { minutes: 'minutes' } } },
  };
  const got = await readWith(COMMUNITIES, c, reads);
  if (!got) throw notFound('社区不存在');
  let tickets = got.rows.tickets as unknown as TicketDoc[];
  if (tickets.length === TICKET_PAGE) tickets = [...tickets, ...(await findAll<TicketDoc>(TICKETS, { ...ticketsWhere, _id: { $gt: tickets[tickets.length - 1]._id } }))];
  tickets = tickets.filter((t) => t.status !== 'cancelled');

  const minutes = new Map<number, number>();
  for (const row of [...got.rows.activities, ...got.rows.callouts] as Array<{ _id: number; minutes: number }>) minutes.set(row._id, (minutes.get(row._id) ?? 0) + (row.minutes ?? 0));
  const weeks: ChartWeek[] = Array.from({ length: weekCount }, (_, i) => {
    const raised = tickets.filter((t) => Math.floor((t.createdAt - start) / WEEK_MS) === i);
    const s = ticketStats(raised, ctx.now);
    return { start: addDays(from, 7 * i), requests: s.tickets, onTime: s.onTime, late: s.late, onTimeRate: s.onTimeRate, volunteerMinutes: minutes.get(i) ?? 0 };
  });

  const grids = (got.rows.grids as unknown as GridDoc[]).map((g) => {
    const s = ticketStats(tickets.filter((t) => t.gridId === g._id), ctx.now);
    return { gridId: g._id, gridName: g.name, tickets: s.tickets, onTimeRate: s.onTimeRate };
  });
  const byCategory = new Map<string, number>();
  for (const t of tickets) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
  const categories = [...byCategory].map(([category, n]) => ({ category, tickets: n })).sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category));

  const seasonDocs = (got.rows.seasons as unknown as SeasonDoc[]).reverse();
  const seasonReads = Object.fromEntries(seasonDocs.flatMap((s, i) => Object.entries(wishFigureReads(c, s)).map(([k, r]) => [`${k}:${i}`, r as SideRead])));
  const counted = seasonDocs.length ? await readWith(COMMUNITIES, c, seasonReads) : null;
  const n = (key: string) => (counted?.rows[key] as unknown as number) ?? 0;
  const seasons = seasonDocs.map((s, i) => ({ number: s.number, name: s.name, collected: n(`collected:${i}`), claimed: n(`claimed:${i}`), completed: n(`completed:${i}`) }));

  return { from, to, target: ON_TIME_TARGET, weeks, grids, categories, seasons };
});
