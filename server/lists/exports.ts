import * as z from 'zod/mini';
import { EXPORT_KINDS, type ExportKind } from '../../typings/lists';
import { ENTRY_KIND_LABELS, ORDER_STATUS_LABELS } from '../../typings/points';
import { BOOKING_STATUS_LABELS } from '../../typings/booking';
import { action } from '../core/define';
import { exhausted, invalid } from '../core/errors';
import { maskName } from '../core/mask';
import { DAY_MS, isDate, localDate } from '../core/time';
import { dayStart, clockOf } from '../core/hours';
import { csvPage, exportCursor, exportOffset } from '../core/csv';
import { xlsxOf } from '../core/xlsx';
import { findMany, type DocData } from '../platform/store';
import { groupSum } from '../platform/aggregate';
import { requireMember } from '../user/caller';
import { WISHES, type WishDoc } from '../wish/model';
import { statusLabel } from '../wish/machine';
import { ENTRIES, ORDERS, type EntryDoc, type OrderDoc } from '../points/model';
import { ACTIVITIES, BOOKINGS, SIGNUPS, type ActivityDoc, type BookingDoc } from '../booking/model';
import { assertStaff, findAll, gridNames, unitsOf, type ListsCtx } from './context';
import { auditExport } from './export-audit';
import { date } from './schemas';
import { EXPORTS, time } from './reports';

/** What one export's rows need besides their documents. */
interface Lookups {
  names: Map<string, string>;
  units: Map<string, string>;
  /** Per activity (activities only): the sign-ups checked out and their volunteer minutes. */
  served: Map<string, { n: number; minutes: number }>;
  now: number;
}

/** One kind of records: its label, collection, the time field a period filters on, and its columns. */
interface Kind {
  label: string;
  coll: string;
  when: string;
  header: string[];
  row(d: object, l: Lookups): unknown[];
}

const slot = (start: number, end: number) => `${clockOf(start)}-${clockOf(end)}`;
const hours = (minutes = 0) => Math.round(minutes / 6) / 10;

const KINDS: Record<ExportKind, Kind> = {
  wishes: {
    label: '微心愿',
    coll: WISHES,
    when: 'createdAt',
    header: ['编号', '标题', '类别', '网格', '状态', '发布人', '发布时间', '认领人', '完成时间', '评分', '同求人数'],
    row: (w: WishDoc, l) => [w._id, w.title, w.category, w.gridId ? l.names.get(w.gridId) : '', statusLabel(w.status), maskName(w.publisherName), time(w.createdAt), w.claim ? maskName(w.claim.name) : '', time(w.completedAt), w.rating?.stars, w.wants],
  },
  points: {
    label: '积分明细',
    coll: ENTRIES,
    when: 'at',
    header: ['编号', '时间', '居民编号', '积分类别', '类型', '积分', '变动后余额', '原因', '来源'],
    row: (e: EntryDoc) => [e._id, time(e.at), e.userId, e.account === 'vanguard' ? '先锋积分' : '积分', ENTRY_KIND_LABELS[e.kind], e.amount, e.balanceAfter, e.reason, e.source],
  },
  orders: {
    label: '兑换订单',
    coll: ORDERS,
    when: 'createdAt',
    header: ['订单号', '商品', '数量', '积分', '状态', '兑换人', '提供方', '领取地点', '下单时间', '核销时间'],
    row: (o: OrderDoc) => [o._id, o.goodsName, o.quantity, o.points, ORDER_STATUS_LABELS[o.status], o.holderLabel, o.providerName, o.pickupPlace, time(o.createdAt), time(o.redeemedAt)],
  },
  bookings: {
    label: '服务预约',
    coll: BOOKINGS,
    when: 'createdAt',
    header: ['编号', '服务', '地点', '日期', '时段', '状态', '预约人', '预约时间', '签到时间'],
    row: (b: BookingDoc) => [b._id, b.serviceName, b.placeName, b.date, slot(b.start, b.end), BOOKING_STATUS_LABELS[b.status], maskName(b.userName), time(b.createdAt), time(b.checkedInAt)],
  },
  activities: {
    label: '活动与志愿服务时长',
    coll: ACTIVITIES,
    when: 'start',
    header: ['编号', '活动', '类别', '地点', '日期', '时间', '名额', '状态', '签退人数', '志愿服务时长（小时）'],
    row: (a: ActivityDoc & { _id: string }, l) => [a._id, a.title, a.category, a.placeName, a.date, slot(a.start, a.end), a.capacity, a.status === 'cancelled' ? '已取消' : '已发布', l.served.get(a._id)?.n ?? 0, hours(l.served.get(a._id)?.minutes)],
  },
  tickets: { label: '工单', coll: EXPORTS.tickets.coll, when: 'createdAt', header: EXPORTS.tickets.header, row: (d, l) => EXPORTS.tickets.row(d, l.names, l.units, l.now) },
  needs: { label: '需求清单', coll: EXPORTS.needs.coll, when: 'createdAt', header: EXPORTS.needs.header, row: (d, l) => EXPORTS.needs.row(d, l.names, l.units, l.now) },
};

const CSV_PAGE = 200;
const XLSX_MAX_ROWS = 2000;
/** A workbook travels in the answer as base64: it must leave room in the function's 100 KB reply. */
const XLSX_MAX_BASE64 = 95 * 1024;

async function lookups(kind: ExportKind, communityId: string, rows: DocData[], now: number): Promise<Lookups> {
  const [names, units] = await Promise.all([gridNames(communityId), kind === 'tickets' || kind === 'needs' ? unitsOf(communityId) : Promise.resolve([])]);
  const served = new Map<string, { n: number; minutes: number }>();
  if (kind === 'activities' && rows.length) {
    const done = await groupSum<{ minutes: number }>(SIGNUPS, { match: { communityId, activityId: { $in: rows.map((r) => r._id as string) }, status: 'checked_out' }, by: 'activityId', sum: { minutes: 'minutes' } });
    for (const g of done) served.set(g._id, { n: g.n, minutes: g.minutes });
  }
  return { names, units: new Map(units.map((u) => [u._id, u.name])), served, now };
}

export const exportFile = action(
  z.object({
    kind: z.enum(EXPORT_KINDS, { error: '导出内容须为 wishes、points、orders、bookings、activities、tickets 或 needs' }),
    format: z.enum(['csv', 'xlsx'], { error: '导出格式须为 csv 或 xlsx' }),
    from: z.optional(date),
    to: z.optional(date),
    cursor: z.optional(z.string({ error: '分页参数不正确' }).check(z.regex(exportCursor, '分页参数不正确'))),
  }),
  async function exportFile(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以导出数据');
    if ((input.from && !isDate(input.from)) || (input.to && !isDate(input.to))) throw invalid('日期格式须为 YYYY-MM-DD');
    if (input.from && input.to && input.to < input.from) throw invalid('结束日期不能早于开始日期');
    if (input.format === 'xlsx' && input.cursor) throw invalid('Excel 表格一次导出，不分页');
    const k = KINDS[input.kind];
    const c = user.communityId;
    const period = { ...(input.from ? { $gte: dayStart(input.from) } : {}), ...(input.to ? { $lt: dayStart(input.to) + DAY_MS } : {}) };
    const where = { communityId: c, ...(input.from || input.to ? { [k.when]: period } : {}) };
    const span = input.from || input.to ? `-${input.from ?? ''}-${input.to ?? ''}` : '';
    const filename = `${input.kind}${span}-${localDate(ctx.now)}.${input.format}`;
    const offset = exportOffset(input.cursor);
    const audit = (rows: number) => auditExport(user, { key: input.kind, label: k.label, format: input.format, rows, from: input.from, to: input.to }, ctx.now);

    if (input.format === 'csv') {
      const rows = await findMany<DocData>(k.coll, where, { orderBy: [[k.when, 'asc'], ['_id', 'asc']], skip: offset, limit: CSV_PAGE + 1 });
      const l = await lookups(input.kind, c, rows.slice(0, CSV_PAGE), ctx.now);
      const page = csvPage(k.header, rows.slice(0, CSV_PAGE), offset, (d) => k.row(d, l), rows.length > CSV_PAGE);
      if (offset === 0) await audit(page.rows);
      return { filename, ...page };
    }

    const rows = await findAll<DocData & { _id: string }>(k.coll, where, XLSX_MAX_ROWS + 1);
    if (rows.length > XLSX_MAX_ROWS) throw exhausted(`记录超过${XLSX_MAX_ROWS}条，请缩短时段，或改用CSV分页导出`);
    rows.sort((a, b) => Number(a[k.when] ?? 0) - Number(b[k.when] ?? 0) || a._id.localeCompare(b._id));
    const l = await lookups(input.kind, c, rows, ctx.now);
    const xlsx = (await xlsxOf(k.label, k.header, rows.map((d) => k.row(d, l)))).toString('base64');
    if (xlsx.length > XLSX_MAX_BASE64) throw exhausted('表格过大，请缩短时段，或改用CSV分页导出');
    await audit(rows.length);
    return { filename, rows: rows.length, xlsx };
  },
);
