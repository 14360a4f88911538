import { ok, sdk } from '../../support/cloud';
import type { Acked } from './run';
import type { World } from './world';

/**
 * DESIGN.md §5, read back from the database after a mixed run: each check names itself and adds
 * what it found wrong to `problems`, so one failing run reports every broken invariant at once.
 */
export class Checks {
  readonly problems: string[] = [];
  readonly names = new Set<string>();
  facts = 0;

  check(name: string, holds: boolean, what: () => string): void {
    this.names.add(name);
    this.facts++;
    if (!holds) this.problems.push(`${name}: ${what()}`);
  }
}

async function rows<T = any>(coll: string, where: Record<string, unknown>): Promise<T[]> {
  const db = sdk().database();
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await db.collection(coll).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(res.data as T[]));
    if (res.data.length < 1000) return out;
  }
}

const groupBy = <T>(xs: T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

interface Move {
  from: string | null;
  to: string;
}

/**
 * The recorded changes of one thing form one path from nothing to its status now, whatever order
 * they were written in (an event's time is when its request began, not when it committed): each
 * status is entered as often as it is left, except the first (entered from nothing) and the last.
 */
function pathHolds(moves: Move[], now: string, legal: (m: Move) => boolean): string | undefined {
  const bad = moves.find((m) => !legal(m));
  if (bad) return `illegal move ${bad.from} → ${bad.to}`;
  if (moves.filter((m) => m.from === null).length !== 1) return `${moves.filter((m) => m.from === null).length} creations`;
  const balance = new Map<string, number>();
  for (const m of moves) {
    if (m.from !== null) balance.set(m.from, (balance.get(m.from) ?? 0) - 1);
    balance.set(m.to, (balance.get(m.to) ?? 0) + 1);
  }
  for (const [s, n] of balance) if (n !== (s === now ? 1 : 0)) return `status ${s} entered ${n > 0 ? n : 0} more times than left (now ${now})`;
  return undefined;
}

const WISH_MOVES = new Set(['null>pending_review', 'pending_review>open', 'open>claimed', 'claimed>open', 'claimed>awaiting_confirmation', 'awaiting_confirmation>completed', 'awaiting_confirmation>claimed']);
const ORDER_MOVES = new Set(['null>pending', 'pending>cancelled', 'pending>expired', 'pending>redeemed']);
const BOOKING_MOVES = new Set(['null>booked', 'null>waitlisted', 'waitlisted>booked', 'booked>cancelled', 'waitlisted>cancelled']);
const SIGNUP_MOVES = new Set(['null>signed_up', 'null>waitlisted', 'waitlisted>signed_up', 'signed_up>cancelled', 'waitlisted>cancelled']);
const TICKET_MOVES = new Set(['null>submitted', 'submitted>dispatched', 'dispatched>dispatched', 'dispatched>accepted', 'accepted>dispatched', 'accepted>resolved', 'resolved>accepted', 'resolved>closed']);
const legalIn = (set: Set<string>) => (m: Move) => set.has(`${m.from}>${m.to}`);

const NEED_FOR_TICKET: Record<string, string> = { submitted: 'open', dispatched: 'assigned', accepted: 'in_progress', resolved: 'in_progress', closed: 'done', cancelled: 'closed' };
const LIVE_CLAIM = ['claimed', 'awaiting_confirmation'];
const MAX_LIVE_CLAIMS = 3;

/** The status an acknowledged op moved its target to, by its caller (undefined: it creates). */
const TO: Partial<Record<Acked['kind'], (a: Acked) => string>> = {
  claim: () => 'claimed',
  release: () => 'open',
  submitProof: () => 'awaiting_confirmation',
  confirm: () => 'completed',
  dispute: () => 'claimed',
  cancelOrder: () => 'cancelled',
  verify: () => 'redeemed',
  cancelBooking: () => 'cancelled',
  cancelSignup: () => 'cancelled',
  dispatch: () => 'dispatched',
  accept: () => 'accepted',
  resolve: () => 'resolved',
  rate: (a) => a.data.ticket.status,
};

/**
 * Every acknowledged change is in its target's history exactly once, and the history holds no
 * change nobody was told about: per target, the changes by the run's people equal its acknowledged
 * ops (a repeated requestId writing twice, or a write lost after its answer, breaks the equality).
 */
function exactlyOnce(c: Checks, name: string, acked: Acked[], kinds: Array<Acked['kind']>, creates: Acked['kind'] | undefined, history: Map<string, Array<Move & { byUserId: string }>>, ignore: (e: Move & { byUserId: string }) => boolean) {
  const ops = acked.filter((a) => kinds.includes(a.kind) || a.kind === creates);
  const want = groupBy(ops, (a) => a.target);
  for (const [target, mine] of want) {
    const expected = mine.map((a) => `${a.kind === creates ? 'null' : '*'}>${a.kind === creates ? '*' : TO[a.kind]!(a)}@${a.caller.id}`).sort();
    const seen = (history.get(target) ?? [])
      .filter((e) => !ignore(e))
      .map((e) => `${e.from === null ? 'null' : '*'}>${e.from === null ? '*' : e.to}@${e.byUserId}`)
      .sort();
    c.check(name, JSON.stringify(expected) === JSON.stringify(seen), () => `${target}: acknowledged ${expected.join(', ')}; recorded ${seen.join(', ')}`);
  }
  for (const [target, events] of history) {
    if (want.has(target)) continue;
    const extra = events.filter((e) => !ignore(e));
    c.check(name, extra.length === 0, () => `${target}: ${extra.length} recorded changes nobody was told about`);
  }
}

export async function checkAll(w: World, acked: Acked[]): Promise<Checks> {
  const c = new Checks();
  const communityId = w.id;
  const people = [...w.volunteers, ...w.residents, w.staff];
  const byKind = (...kinds: Array<Acked['kind']>) => acked.filter((a) => kinds.includes(a.kind));

  // ---- idempotency: every acknowledged request left its record, under the caller's key.
  const keys = new Set((await rows('requests', { _id: sdk().database().RegExp({ regexp: `\\.(${people.map((p) => p.id).join('|')})\\.req-` }) })).map((r: any) => r._id));
  for (const a of acked) {
    const action = a.kind === 'cancelSignup' ? 'cancel' : a.action;
    c.check('every acknowledged request is recorded once under its requestId', keys.has(`${a.fn}.${action}.${a.caller.id}.${a.requestId}`), () => `${a.fn}.${action} ${a.requestId}`);
  }

  // ---- points: the ledger reconciles, by the product's own report and independently.
  const report = await ok('points', { action: 'reconcile' }, w.admin);
  c.check('reconcile reports no balance mismatch', report.mismatches.length === 0, () => JSON.stringify(report.mismatches));
  c.check('reconcile reports no stock mismatch', report.stockMismatches.length === 0, () => JSON.stringify(report.stockMismatches));
  c.check('reconcile reports no negative balance', report.negative === 0, () => `${report.negative}`);
  const [accounts, entries, goods, orders, holdings] = await Promise.all([
    rows('points_accounts', { communityId }),
    rows('points_entries', { communityId }),
    rows('points_goods', { communityId }),
    rows('points_orders', { communityId }),
    rows('points_holdings', { goodsId: sdk().database().command.in(w.goods) }),
  ]);
  // Two account kinds in one ledger: the spendable points and 先锋积分 ('vanguard'), each its own sums.
  const entriesOf = groupBy(entries, (e: any) => `${e.userId}.${e.account ?? 'points'}`);
  for (const a of accounts) {
    const mine = entriesOf.get(`${a.userId}.${a.account ?? 'points'}`) ?? [];
    const sum = mine.reduce((s: number, e: any) => s + e.amount, 0);
    c.check('one account per person, community and kind', a._id === `${communityId}.${a.userId}${a.account ? `.${a.account}` : ''}`, () => a._id);
    c.check('balance = sum of ledger entries', a.balance === sum, () => `${a._id}: balance ${a.balance}, entries sum ${sum}`);
    c.check('balance never negative', a.balance >= 0 && mine.every((e: any) => e.balanceAfter >= 0), () => `${a._id}: ${a.balance}`);
  }
  c.check('every entry belongs to an account', [...entriesOf.keys()].every((k) => accounts.some((a: any) => `${a.userId}.${a.account ?? 'points'}` === k)), () => 'entries without account');
  c.check('先锋积分 are only earned and corrected', entries.every((e: any) => !e.account || e.kind === 'earn' || e.kind === 'adjust'), () => 'a vanguard spend or refund');
  const earned = new Set(entries.filter((e: any) => !e.account && e.kind === 'earn').map((e: any) => `${e.source.type}.${e.source.id}.${e.userId}.${e.amount}`));
  c.check('every 先锋积分 earning mirrors a points earning of the same deed', entries.every((e: any) => e.account !== 'vanguard' || e.kind !== 'earn' || earned.has(`${e.source.type}.${e.source.id}.${e.userId}.${e.amount}`)), () => 'a vanguard entry without its points entry');
  const bySource = groupBy(entries, (e: any) => `${e.source.type}.${e.source.id}.${e.kind}.${e.account ?? 'points'}`);
  for (const [source, es] of bySource) c.check('one ledger entry per source', es.length === 1, () => `${source}: ${es.length} entries`);
  const awardIds = new Set(byKind('award').map((a) => a.requestId));
  const awarded = entries.filter((e: any) => e.source.type === 'award' && e.source.id.startsWith('req-'));
  c.check('one award entry per acknowledged award, none other', awarded.length === awardIds.size && awarded.every((e: any) => awardIds.has(e.source.id)), () => `${awarded.length} entries for ${awardIds.size} awards`);

  const heldBy = new Map<string, number>();
  const liveOf = new Map<string, number>();
  for (const o of orders) {
    const live = o.status === 'pending' || o.status === 'redeemed';
    if (live) heldBy.set(o.goodsId, (heldBy.get(o.goodsId) ?? 0) + o.quantity);
    if (live) liveOf.set(`${o.goodsId}_${o.userId}`, (liveOf.get(`${o.goodsId}_${o.userId}`) ?? 0) + o.quantity);
    const es = entries.filter((e: any) => e.source.type === 'order' && e.source.id === o._id);
    c.check('one spend per order', es.filter((e: any) => e.kind === 'spend').length === 1, () => `${o._id}`);
    c.check('one refund per cancelled or expired order, none otherwise', es.filter((e: any) => e.kind === 'refund').length === (live ? 0 : 1), () => `${o._id} ${o.status}: ${es.length} entries`);
    const why = pathHolds(o.events, o.status, legalIn(ORDER_MOVES));
    c.check('order history is one legal path to its status', !why, () => `${o._id}: ${why}`);
    c.check('order history records who and when', o.events.every((e: any) => e.byUserId && e.at > 0), () => o._id);
  }
  for (const g of goods) {
    c.check('stock never negative', g.stock >= 0, () => `${g._id}: ${g.stock}`);
    c.check('stock + live orders = supplied', g.stock + (heldBy.get(g._id) ?? 0) === g.supplied, () => `${g._id}: stock ${g.stock} + held ${heldBy.get(g._id) ?? 0} ≠ ${g.supplied}`);
    for (const h of holdings.filter((h: any) => h.goodsId === g._id)) {
      c.check('holdings = live orders, within the per-person limit', h.count === (liveOf.get(`${g._id}_${h.userId}`) ?? 0) && h.count <= g.perPersonLimit, () => `${h._id}: ${h.count}`);
    }
  }
  const redeemed = new Set(byKind('redeem').map((a) => a.target));
  c.check('one order per acknowledged redemption, none other', orders.length === redeemed.size && orders.every((o: any) => redeemed.has(o._id)), () => `${orders.length} orders, ${redeemed.size} acknowledged`);
  exactlyOnce(
    c,
    'each acknowledged order change recorded exactly once',
    acked,
    ['cancelOrder', 'verify'],
    'redeem',
    new Map(orders.map((o: any) => [o._id, o.events])),
    (e) => e.byUserId === 'system',
  );

  // ---- wishes: one live claim, the claim cap, one award per confirm, a path of legal moves.
  const wishIds = w.wishes.map((x) => x.id);
  const [wishes, wishEvents, claimers] = await Promise.all([
    rows('wishes', { _id: sdk().database().command.in(wishIds) }),
    rows('wish_events', { wishId: sdk().database().command.in(wishIds) }),
    rows('wish_claimers', { _id: sdk().database().command.in(w.volunteers.map((v) => v.id)) }),
  ]);
  const eventsOfWish = groupBy(wishEvents, (e: any) => e.wishId);
  for (const x of wishes) {
    c.check('a live wish has exactly one claim, others none', LIVE_CLAIM.includes(x.status) === !!x.claim || x.status === 'completed', () => `${x._id} ${x.status} claim=${!!x.claim}`);
    const why = pathHolds(eventsOfWish.get(x._id) ?? [], x.status, legalIn(WISH_MOVES));
    c.check('wish history is one legal path to its status', !why, () => `${x._id}: ${why}`);
    const earned = entries.filter((e: any) => !e.account && e.source.type === 'wish' && e.source.id === x._id);
    c.check('one award per completed wish, none before', earned.length === (x.status === 'completed' ? 1 : 0), () => `${x._id} ${x.status}: ${earned.length}`);
    if (x.status === 'completed') c.check('the award goes to the claimer, as much as the wish says', earned[0]?.userId === x.claim?.userId && earned[0]?.amount === x.pointsAwarded, () => x._id);
  }
  for (const v of w.volunteers) {
    const live = wishes.filter((x: any) => LIVE_CLAIM.includes(x.status) && x.claim?.userId === v.id).length;
    const counter = claimers.find((k: any) => k._id === v.id)?.live ?? 0;
    c.check('a volunteer holds at most 3 live claims', live <= MAX_LIVE_CLAIMS, () => `${v.id}: ${live}`);
    c.check("the live-claim counter equals the volunteer's live claims", counter === live, () => `${v.id}: counter ${counter}, live ${live}`);
  }
  exactlyOnce(
    c,
    'each acknowledged wish change recorded exactly once',
    acked,
    ['claim', 'release', 'submitProof', 'confirm', 'dispute'],
    undefined,
    eventsOfWish,
    // Publishing and review happened before the run.
    (e) => e.from === null || e.byUserId === w.adminId,
  );

  // ---- bookings: capacity, waitlist, one place per person, seats = bookings.
  const [slots, bookings, activity, signups, bookingEvents] = await Promise.all([
    rows('booking_slots', { serviceId: w.serviceId }),
    rows('booking_bookings', { communityId }),
    rows('booking_activities', { _id: w.activityId }),
    rows('booking_signups', { activityId: w.activityId }),
    rows('booking_events', { communityId }),
  ]);
  const seatsHold = (what: string, seats: any, capacity: number, waitlistMax: number, held: any[], live: [string, string]) => {
    const users = [...seats.booked, ...seats.waitlist].map((s: any) => s.userId);
    c.check(`${what} never over capacity`, seats.booked.length <= capacity, () => `${seats._id}: ${seats.booked.length}`);
    c.check(`${what} waitlist never beyond its limit`, seats.waitlist.length <= waitlistMax, () => `${seats._id}: ${seats.waitlist.length}`);
    c.check(`${what}: one place per person`, new Set(users).size === users.length, () => `${seats._id}: ${users.join(',')}`);
    c.check(`${what}: nobody waits while a place is free`, seats.waitlist.length === 0 || seats.booked.length === capacity, () => `${seats._id}`);
    const ids = (xs: any[]) => xs.map((s: any) => s.id ?? s._id).sort().join(',');
    c.check(`${what}: seats are the live ${live[0]} and ${live[1]} records`, ids(seats.booked) === ids(held.filter((h) => h.status === live[0])) && ids(seats.waitlist) === ids(held.filter((h) => h.status === live[1])), () => `${seats._id}`);
  };
  for (const s of slots) seatsHold('a slot', s, w.capacity, w.waitlistMax, bookings.filter((b: any) => b.slotId === s._id), ['booked', 'waitlisted']);
  seatsHold('the activity', activity[0], w.activityCapacity, w.activityWaitlist, signups, ['signed_up', 'waitlisted']);
  for (const [key, bs] of groupBy(bookings.filter((b: any) => b.status === 'booked' || b.status === 'waitlisted'), (b: any) => `${b.slotId}/${b.userId}`)) {
    c.check('one live booking per person per slot', bs.length === 1, () => `${key}: ${bs.length}`);
  }
  const booked = new Set(byKind('book').map((a) => a.target));
  c.check('one booking per acknowledged book, none other', bookings.length === booked.size && bookings.every((b: any) => booked.has(b._id)), () => `${bookings.length} bookings, ${booked.size} acknowledged`);
  const signed = new Set(byKind('signUp').map((a) => a.target));
  c.check('one sign-up per acknowledged signUp, none other', signups.length === signed.size && signups.every((s: any) => signed.has(s._id)), () => `${signups.length} sign-ups, ${signed.size} acknowledged`);
  const eventsOfBooking = groupBy(
    bookingEvents.filter((e: any) => e.target === 'booking' || e.target === 'signup'),
    (e: any) => e.targetId,
  );
  for (const b of [...bookings, ...signups]) {
    const why = pathHolds(eventsOfBooking.get(b._id) ?? [], b.status, legalIn(b._id.startsWith('su_') ? SIGNUP_MOVES : BOOKING_MOVES));
    c.check('booking history is one legal path to its status', !why, () => `${b._id}: ${why}`);
  }
  const system = (e: Move & { byUserId: string }) => e.byUserId === 'system';
  exactlyOnce(c, 'each acknowledged booking change recorded exactly once', acked, ['cancelBooking'], 'book', new Map(bookings.map((b: any) => [b._id, eventsOfBooking.get(b._id) ?? []])), system);
  exactlyOnce(c, 'each acknowledged sign-up change recorded exactly once', acked, ['cancelSignup'], 'signUp', new Map(signups.map((s: any) => [s._id, eventsOfBooking.get(s._id) ?? []])), system);

  // ---- tickets: a path of legal moves, the need follows, one award per closed ticket.
  const ticketIds = [...new Set(byKind('submitRequest').map((a) => a.target))];
  const [tickets, ticketEvents] = await Promise.all([
    rows('tickets', { communityId, source: 'request' }),
    rows('list_events', { communityId, target: 'ticket', field: 'status' }),
  ]);
  c.check('one ticket per acknowledged request, none other', tickets.length === ticketIds.length && tickets.every((t: any) => ticketIds.includes(t._id)), () => `${tickets.length} tickets, ${ticketIds.length} acknowledged`);
  const needs = await rows('needs', { _id: sdk().database().command.in(tickets.map((t: any) => t.needId).concat('-')) });
  const eventsOfTicket = groupBy(ticketEvents, (e: any) => e.targetId);
  for (const t of tickets) {
    const why = pathHolds(eventsOfTicket.get(t._id) ?? [], t.status, legalIn(TICKET_MOVES));
    c.check('ticket history is one legal path to its status', !why, () => `${t._id}: ${why}`);
    const need = needs.find((n: any) => n._id === t.needId);
    c.check("the need follows its ticket's status", need?.status === NEED_FOR_TICKET[t.status], () => `${t._id} ${t.status}, need ${need?.status}`);
    const earned = entries.filter((e: any) => !e.account && e.source.type === 'ticket' && e.source.id === t._id);
    c.check('one award per closed ticket, to its resolver, none before', earned.length === (t.status === 'closed' ? 1 : 0) && (t.status !== 'closed' || (earned[0].userId === t.resolvedBy && earned[0].amount === t.pointsAwarded)), () => `${t._id} ${t.status}: ${earned.length}`);
  }
  exactlyOnce(c, 'each acknowledged ticket change recorded exactly once', acked, ['dispatch', 'accept', 'resolve', 'rate'], 'submitRequest', eventsOfTicket, () => false);
  return c;
}
