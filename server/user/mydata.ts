import { BOOKING_STATUS_LABELS, ERRAND_STATUS_LABELS, SIGNUP_STATUS_LABELS } from '../../typings/booking';
import type { TicketStatus } from '../../typings/lists';
import { ORDER_STATUS_LABELS } from '../../typings/points';
import { ROLE_LABELS, type MyData, type MyDataList, type MyRole } from '../../typings/user';
import type { EntryKind } from '../../typings/points';
import { count, docs } from '../platform/store';
import { COMMUNITIES, CommunityDoc, GRIDS, GridDoc } from '../community/model';
import { wishesOf } from '../wish/account';
import { statusLabel } from '../wish/machine';
import { WISHES } from '../wish/model';
import { bookingsOf } from '../booking/account';
import { BOOKINGS, ERRANDS, SIGNUPS } from '../booking/model';
import { pointsOf } from '../points/account';
import { requestsOf } from '../lists/account';
import { TICKETS } from '../lists/model';
import { NOTICES, allNoticesTo } from '../notify/inbox';
import { partyRecordsOf } from '../party/account';
import { REGISTRATIONS, RESPONSES } from '../party/model';
import { GRID_TASKS } from '../party/gridtask-model';
import { REGISTRATION_KIND_LABELS, REGISTRATION_STATUS_LABELS } from '../../typings/party';
import { GRID_TASK_STATUS_LABELS } from '../../typings/gridtask';
import type { Grant, UserDoc } from './model';

/*
 * 我的数据: what the product holds about one person, read for that person only. Each list is the
 * latest 100 with its total; nothing in it names anyone else (no claimer, publisher or worker).
 */

const MAX = 100;
/** Under the 100 KB a response may carry, with room for the envelope. */
const BUDGET_BYTES = 95_000;

const TICKET_LABEL: Record<TicketStatus, string> = {
  submitted: '待派单',
  dispatched: '已派单',
  accepted: '办理中',
  resolved: '已办结',
  closed: '已完成',
  cancelled: '已取消',
};

const ENTRY_LABEL: Record<EntryKind, string> = { earn: '获得', spend: '兑换', refund: '退回', adjust: '调整' };

const roleOf = (g: Grant): MyRole => ({
  role: g.role,
  label: ROLE_LABELS[g.role],
  communityId: g.communityId,
  ...(g.gridId ? { gridId: g.gridId } : {}),
  ...(g.unitId ? { unitId: g.unitId } : {}),
  since: g.grantedAt,
});

/** The total of a list read with a cap: counted only when the cap was reached. */
async function totalOf(coll: string, where: Record<string, unknown>, read: number): Promise<number> {
  return read < MAX ? read : count(coll, where);
}

export async function myData(user: UserDoc, now: number): Promise<MyData> {
  const [community, grid, wishes, booking, points, tickets, notices, party] = await Promise.all([
    user.communityId ? docs.get<CommunityDoc>(COMMUNITIES, user.communityId) : null,
    user.gridId ? docs.get<GridDoc>(GRIDS, user.gridId) : null,
    wishesOf(user._id),
    bookingsOf(user._id),
    pointsOf(user._id),
    requestsOf(user._id),
    allNoticesTo(user._id, MAX),
    partyRecordsOf(user._id),
  ]);
  const [posted, claimed, bookings, signups, errands, requests, noticeTotal, registrationTotal, answerTotal, gridTaskTotal] = await Promise.all([
    totalOf(WISHES, { publisherId: user._id }, wishes.posted.length),
    totalOf(WISHES, { 'claim.userId': user._id }, wishes.claimed.length),
    totalOf(BOOKINGS, { userId: user._id }, booking.bookings.length),
    totalOf(SIGNUPS, { userId: user._id }, booking.signups.length),
    totalOf(ERRANDS, { requesterId: user._id }, booking.errands.length),
    totalOf(TICKETS, { requesterId: user._id }, tickets.length),
    totalOf(NOTICES, { to: user._id }, notices.length),
    totalOf(REGISTRATIONS, { userId: user._id }, party.registrations.length),
    totalOf(RESPONSES, { userId: user._id }, party.answers.length),
    totalOf(GRID_TASKS, { claimerId: user._id }, party.gridTasks.length),
  ]);
  const data: MyData = {
    exportedAt: now,
    profile: {
      id: user._id,
      displayName: user.displayName,
      ...(user.avatarUrl ? { avatarUrl: user.avatarUrl } : {}),
      ...(user.phone ? { phone: user.phone } : {}),
      ...(user.building ? { building: user.building } : {}),
      ...(user.joinedVia ? { joinedVia: user.joinedVia } : {}),
      ...(user.prefs?.elderMode !== undefined ? { elderMode: user.prefs.elderMode } : {}),
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    ...(community ? { community: { id: community._id, name: community.name } } : {}),
    ...(grid ? { grid: { id: grid._id, name: grid.name } } : {}),
    roles: user.grants.map(roleOf),
    formerRoles: (user.formerGrants ?? []).map((g) => ({ ...roleOf(g), endedAt: g.endedAt, why: g.why })),
    wishesPosted: {
      total: posted,
      items: wishes.posted.map((w) => ({
        id: w._id,
        title: w.title,
        content: w.content,
        category: w.category,
        status: statusLabel(w.status),
        photos: w.photos.length,
        showPhone: w.showPhone,
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
      })),
    },
    wishesClaimed: {
      total: claimed,
      items: wishes.claimed.map((w) => ({
        id: w._id,
        title: w.title,
        status: statusLabel(w.status),
        ...(w.claim ? { claimedAt: w.claim.claimedAt } : {}),
        ...(w.completedAt ? { completedAt: w.completedAt } : {}),
        ...(w.pointsAwarded ? { pointsAwarded: w.pointsAwarded } : {}),
      })),
    },
    requests: {
      total: requests,
      items: tickets.map((t) => ({
        id: t._id,
        title: t.title,
        category: t.category,
        ...(t.detail ? { detail: t.detail } : {}),
        ...(t.address ? { address: t.address } : {}),
        status: TICKET_LABEL[t.status] ?? t.status,
        createdAt: t.createdAt,
        ...(t.rating ? { rating: t.rating.stars } : {}),
      })),
    },
    bookings: {
      total: bookings,
      items: booking.bookings.map((b) => ({
        id: b._id,
        service: b.serviceName,
        place: b.placeName,
        date: b.date,
        start: b.start,
        end: b.end,
        status: BOOKING_STATUS_LABELS[b.status] ?? b.status,
        ...(b.note ? { note: b.note } : {}),
        createdAt: b.createdAt,
      })),
    },
    signups: {
      total: signups,
      items: booking.signups.map((s) => ({
        id: s._id,
        title: s.title,
        place: s.placeName,
        date: s.date,
        start: s.start,
        status: SIGNUP_STATUS_LABELS[s.status] ?? s.status,
        ...(s.minutes ? { minutes: s.minutes } : {}),
        createdAt: s.createdAt,
      })),
    },
    errands: {
      total: errands,
      items: booking.errands.map((e) => ({
        id: e._id,
        service: e.serviceName,
        kind: e.kind === 'home_visit' ? '上门帮办' : '代办',
        description: e.description,
        ...(e.address ? { address: e.address } : {}),
        ...(e.contactPhone ? { contactPhone: e.contactPhone } : {}),
        status: ERRAND_STATUS_LABELS[e.status] ?? e.status,
        createdAt: e.createdAt,
      })),
    },
    points: {
      // Held across every community the person has had points in.
      balance: points.accounts.reduce((n, a) => n + a.balance, 0),
      earned: points.accounts.reduce((n, a) => n + a.earned, 0),
      spent: points.accounts.reduce((n, a) => n + a.spent, 0),
      entries: {
        total: points.entryTotal,
        items: points.entries.map((e) => ({ id: e._id, at: e.at, amount: e.amount, kind: ENTRY_LABEL[e.kind] ?? e.kind, reason: e.reason, balanceAfter: e.balanceAfter })),
      },
    },
    orders: {
      total: points.orderTotal,
      items: points.orders.map((o) => ({
        id: o._id,
        goods: o.goodsName,
        quantity: o.quantity,
        points: o.points,
        status: ORDER_STATUS_LABELS[o.status] ?? o.status,
        pickupPlace: o.pickupPlace,
        createdAt: o.createdAt,
      })),
    },
    notices: { total: noticeTotal, items: notices.map((n) => ({ id: n._id, title: n.title, body: n.body, at: n.at })) },
    partyRegistrations: {
      total: registrationTotal,
      items: party.registrations.map((r) => ({
        id: r._id,
        kind: REGISTRATION_KIND_LABELS[r.kind] ?? r.kind,
        status: REGISTRATION_STATUS_LABELS[r.status] ?? r.status,
        ...(r.branch ? { branch: r.branch } : {}),
        ...(r.workUnit ? { workUnit: r.workUnit } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
        posts: r.posts,
        createdAt: r.createdAt,
      })),
    },
    calloutAnswers: {
      total: answerTotal,
      items: party.answers.map((a) => ({
        id: a._id,
        title: a.title,
        answer: a.answer === 'coming' ? '报到' : '不能到',
        at: a.at,
        ...(a.attended !== undefined ? { attended: a.attended } : {}),
      })),
    },
    gridTasks: {
      total: gridTaskTotal,
      items: party.gridTasks.map((t) => ({
        id: t._id,
        title: t.title,
        place: t.place,
        status: GRID_TASK_STATUS_LABELS[t.status] ?? t.status,
        points: t.points,
        ...(t.claimedAt ? { claimedAt: t.claimedAt } : {}),
        ...(t.result ? { note: t.result.note } : {}),
      })),
    },
  };
  return fit(data);
}

type Lists = 'wishesPosted' | 'wishesClaimed' | 'requests' | 'bookings' | 'signups' | 'errands' | 'orders' | 'notices' | 'partyRegistrations' | 'calloutAnswers' | 'gridTasks';
const LISTS: Lists[] = ['wishesPosted', 'wishesClaimed', 'requests', 'bookings', 'signups', 'errands', 'orders', 'notices', 'partyRegistrations', 'calloutAnswers', 'gridTasks'];

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/**
 * Keeps the answer under the response budget: the longest list gives up its oldest half until
 * it fits. The totals stay true, so the page can say how many there are in all.
 */
export function fit(data: MyData, budget = BUDGET_BYTES): MyData {
  while (bytes(data) > budget) {
    const lists: Array<MyDataList<unknown>> = [...LISTS.map((k) => data[k] as MyDataList<unknown>), data.points.entries];
    const longest = lists.reduce((a, b) => (bytes(b.items) > bytes(a.items) ? b : a));
    if (!longest.items.length) break;
    longest.items = longest.items.slice(0, Math.floor(longest.items.length / 2));
  }
  return data;
}
