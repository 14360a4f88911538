import type { Doc } from '../emulator/db/codec';
import type { Store } from '../emulator/db/store';
import { DEMO_COMMUNITY } from './community';

/** A district (区) of the size the speed budgets are held to: DESIGN.md §budgets, `npm run seed:district`. */
export const DISTRICT = { communities: 50, residents: 100_000, entries: 500_000, tickets: 50_000 };

type Write = { coll: string; id: string; doc: Doc };

/** The demo community's own records, copied into each other community of the district. */
const PER_COMMUNITY = new Set(['communities', 'lists_state', 'user_openids', 'wish_seasons_counters']);
/** Short codes people type (pickup, invite, join, booking): each community's would collide; the copies go without. */
const TYPED_CODES = new Set(['booking_codes', 'invites', 'party_unit_codes', 'points_pickup_codes']);

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = '秀兰 德明 美华 福生 玉梅 建国 桂英 志强 丽娟 文华 海燕 国庆 淑珍 春生 红梅 永康 凤英 家乐 宝珠 云峰'.split(' ');
const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;

/** The demo community's documents, as they stand once it has been brought to life. */
function demoDocs(store: Store): Write[] {
  const c = DEMO_COMMUNITY._id;
  const out: Write[] = [];
  for (const { name } of store.listCollections()) {
    if (TYPED_CODES.has(name)) continue;
    for (const [id, doc] of store.collection(name)) {
      const own = (doc as { communityId?: unknown }).communityId === c || (PER_COMMUNITY.has(name) && (id === c || name === 'user_openids'));
      if (own) out.push({ coll: name, id, doc });
    }
  }
  return out;
}

/**
 * Copies documents into community `k`: every id the copies share (documents' own ids, openids, the
 * community's code) is renamed wherever it appears, also inside composite ids, so the copy is a
 * community of its own that refers only to itself.
 */
function copier(docs: Write[]): (k: number) => Write[] {
  const tokens = new Set<string>();
  for (const w of docs) {
    if (/^[\w-]+$/.test(w.id)) tokens.add(w.id);
    const openid = (w.doc as { openid?: unknown }).openid;
    if (typeof openid === 'string') tokens.add(openid);
  }
  tokens.delete(DEMO_COMMUNITY.code);
  const alternatives = [...tokens].sort((a, b) => b.length - a.length).map((t) => t.replace(/[-]/g, '\\-'));
  const pattern = new RegExp(`(?<![\\w])(${alternatives.join('|')}|${DEMO_COMMUNITY.code})(?![\\w])`, 'g');
  const text = docs.map((w) => JSON.stringify(w));
  return (k) =>
    text.map((t) => {
      const w = JSON.parse(t.replace(pattern, (m) => (m === DEMO_COMMUNITY.code ? `${m}${k}` : `${m}_d${k}`))) as Write;
      if (w.coll === 'communities') w.doc = { ...w.doc, name: `${DEMO_COMMUNITY.district}第${k}社区` };
      return w;
    });
}

/** Residents, each with a points account and five earnings, and the community's closed and open requests. */
function population(community: Doc, grids: string[], templates: { resident: Doc; ticket: Doc; need: Doc }, k: number, now: number): Write[] {
  const c = String(community._id);
  const out: Write[] = [];
  const residents = DISTRICT.residents / DISTRICT.communities;
  const perResident = DISTRICT.entries / DISTRICT.residents;
  const day = 86_400_000;
  for (let i = 0; i < residents; i++) {
    const userId = `u_r${k}_${i}`;
    const openid = `district-${k}-${i}`;
    const at = now - (i % 365) * day;
    out.push({ coll: 'users', id: userId, doc: { ...templates.resident, _id: userId, openid, displayName: nameOf(i), phone: `139${String(k * 100_000 + i).padStart(8, '0')}`, communityId: c, gridId: grids[i % grids.length], grants: [], createdAt: at, updatedAt: at } });
    out.push({ coll: 'user_openids', id: openid, doc: { _id: openid, userId, createdAt: at } });
    let balance = 0;
    for (let j = 0; j < perResident; j++) {
      const amount = [5, 10, 3, 8, 20][j % 5];
      balance += amount;
      const id = `de_${k}_${i}_${j}`;
      out.push({ coll: 'points_entries', id, doc: { _id: id, userId, communityId: c, amount, kind: 'earn', source: { type: 'seed', id }, reason: '志愿服务', by: 'seed', at: at + j * 3_600_000, balanceAfter: balance } });
    }
    const account = `${c}.${userId}`;
    out.push({ coll: 'points_accounts', id: account, doc: { _id: account, userId, communityId: c, balance, earned: balance, spent: 0, updatedAt: now } });
  }
  const tickets = DISTRICT.tickets / DISTRICT.communities;
  for (let i = 0; i < tickets; i++) {
    const at = now - (i % 540) * day;
    const needId = `nd_r${k}_${i}`;
    const ticketId = `tk_r${k}_${i}`;
    const open = i % 20 === 0;
    const requesterId = `u_r${k}_${(i * 7) % residents}`;
    out.push({ coll: 'needs', id: needId, doc: { ...templates.need, _id: needId, communityId: c, gridId: grids[i % grids.length], requesterId, ticketId, status: open ? templates.need.status : 'closed', createdAt: at, updatedAt: at } });
    out.push({ coll: 'tickets', id: ticketId, doc: { ...templates.ticket, _id: ticketId, communityId: c, needId, gridId: grids[i % grids.length], requesterId, status: open ? 'submitted' : 'closed', createdAt: at, updatedAt: at + day, late: i % 9 === 0 } });
  }
  return out;
}

/**
 * Grows the demo community (seeded and brought to life) into a district: copies of it up to
 * DISTRICT.communities, and in every community its share of residents, ledger entries and tickets.
 * Returns how many documents each collection holds.
 */
export function growDistrict(store: Store, now = Date.now()): Record<string, number> {
  const demo = demoDocs(store);
  const copy = copier(demo);
  for (let k = 0; k < DISTRICT.communities; k++) {
    const docs = k === 0 ? demo : copy(k);
    const find = (coll: string, test: (d: Doc) => boolean) => docs.find((w) => w.coll === coll && test(w.doc))?.doc as Doc;
    const templates = {
      resident: find('users', (d) => !(d.grants as unknown[]).length),
      ticket: find('tickets', (d) => d.status === 'closed'),
      need: find('needs', (d) => typeof d.ticketId === 'string'),
    };
    const community = docs.find((w) => w.coll === 'communities')?.doc as Doc;
    const grids = docs.filter((w) => w.coll === 'grids').map((w) => w.id);
    const writes = [...(k === 0 ? [] : docs), ...population(community, grids, templates, k, now)];
    for (let i = 0; i < writes.length; i += 5_000) store.commit(writes.slice(i, i + 5_000));
  }
  return Object.fromEntries(store.listCollections().map((c) => [c.name, store.collection(c.name).size]).filter(([, n]) => n));
}
