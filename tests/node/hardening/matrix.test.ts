import { randomInt } from 'node:crypto';
import { call, ok, sdk, uniqueOpenid } from '../support/cloud';
import { age, newVolunteer, userIdOf } from '../support/wish';
import { give, newGoods, where } from '../support/points';
import { CATALOG } from './catalog';
import { CALLERS, Caller, Cell, Who, World, makeWorld, person, twin } from './world';
import { BOOKING_RELATIONS, BOOKING_ROWS, prepareBooking } from './booking-cells';
import { LISTS_RELATIONS, LISTS_ROWS, prepareLists } from './lists-cells';
import { PARTY_RELATIONS, PARTY_ROWS, prepareParty } from './party-cells';
import { COUNCIL_RELATIONS, COUNCIL_ROWS, prepareCouncil } from './council-cells';
import { BULLETIN_ROWS, prepareBulletin } from './bulletin-cells';
import { SURVEY_ROWS, prepareSurvey } from './survey-cells';

/**
 * The authorization matrix: every action × every caller, written from the product's rules (not
 * read off the code), walked through the local cloud. A = allowed (the call succeeds),
 * D = denied (UNAUTHENTICATED, FORBIDDEN, or NOT_FOUND for another community's things).
 * Relationship rows (the publisher, the claimer, the owner …) follow the role columns where they
 * matter. Booking and the lists are walked in the world's home community (booking-cells.ts,
 * lists-cells.ts).
 *
 *                     anon res vol unit grid staff admin other
 */
const MATRIX: Record<string, string> = {
  'user.login':         'D A A A A A A A',
  'user.me':            'D A A A A A A A',
  'user.notices':       'D A A A A A A A',
  'user.noticeSettings':    'D D D D D D A A',
  'user.setNoticeSettings': 'D D D D D D A A',
  'user.testNotice':        'D D D D D D A A',
  'user.bindCommunity': 'D A A A A A A A',
  'user.updateProfile': 'D A A A A A A A',
  'user.createInvite':  'D D D D D A A A',
  'user.redeemInvite':  'D A A A A A A D',
  'user.qrcode':        'D D D D D A A A',
  'user.poster':        'D D D D D A A A',
  'user.skipWelcome':   'D A A A A A A A',
  'user.setPrefs':      'D A A A A A A A',
  'user.grids':         'D A A A A A A A',
  'user.chooseGrid':    'D A A A A A A D',
  'user.residents':     'D D D D D A A A',
  'user.memberCode':    'D A A A A A A A',
  'user.moveResident':  'D D D D D A A D',
  'user.revokeRole':    'D D D D D A A D',
  'user.auditLog':      'D D D D D A A A',
  'user.systemStatus':  'D D D D D D A A',
  'user.myData':        'D A A A A A A A',
  'user.home':          'D A A A A A A A',
  'user.inbox':         'D A A A A A A A',
  'user.workbench':     'D D D A A A A A',
  'user.units':         'D D D D D A A A',
  'user.deleteAccount': 'D A A A A A A A',
  'wish.publish':       'D A A A A A A A',
  'wish.similar':       'D A A A A A A A',
  'wish.want':          'D A A A A A A D',
  'wish.review':        'D D D D D A A D',
  'wish.clearHold':     'D D D D D A A D',
  'wish.list':          'D A A A A A A A',
  'wish.get':           'D A A A A A A D',
  'wish.contact':       'D D D D D D D D',
  'wish.claim':         'D D A A D D D D',
  'wish.release':       'D D D D D D D D',
  'wish.revoke':        'D D D D D A A D',
  'wish.submitProof':   'D D D D D D D D',
  'wish.confirm':       'D D D D D A A D',
  'wish.dispute':       'D D D D D D D D',
  'wish.rate':          'D D D D D D D D',
  'wish.withdraw':      'D D D D D D D D',
  'wish.takedown':      'D D D D D A A D',
  'wish.mine':          'D A A A A A A A',
  'wish.queue':         'D D D D D A A A',
  'wish.stats':         'D A A A A A A A',
  'wish.openSeason':    'D D D D D A A A',
  'map.community':      'D A A A A A A A',
  'map.places':         'D A A A A A A A',
  'map.place':          'D A A A A A A D',
  'map.managePlace':    'D D D D D A A D',
  'points.balance':     'D A A A A A A A',
  'points.history':     'D A A A A A A A',
  'points.rules':       'D A A A A A A A',
  'points.setRules':    'D D D D D A A A',
  'points.award':       'D D D D D A A D',
  'points.reverse':     'D D D D D A A D',
  'points.goods':       'D A A A A A A A',
  'points.goodsDetail': 'D A A A A A A D',
  'points.manageGoods': 'D D D D D A A D',
  'points.audit':       'D D D D D A A A',
  'points.redeem':      'D A A A A A A D',
  'points.orders':      'D A A A A A A A',
  'points.cancelOrder': 'D D D D D A A D',
  'points.verify':      'D D D A D A A D',
  'points.leaderboard': 'D A A A A A A A',
  'points.account':     'D D D D D A A D',
  'points.reconcile':   'D D D D D D A A',
  ...BOOKING_ROWS,
  ...LISTS_ROWS,
  ...PARTY_ROWS,
  ...COUNCIL_ROWS,
  ...BULLETIN_ROWS,
  ...SURVEY_ROWS,
};

/** Who else may: the publisher of the wish, its claimer (and booking's and the lists' own). */
const RELATIONS: Record<string, Partial<Record<Who, 'A' | 'D'>>> = {
  'wish.release': { claimer: 'A' },
  'wish.contact': { claimer: 'A', publisher: 'D' },
  'wish.submitProof': { claimer: 'A' },
  'wish.dispute': { publisher: 'A' },
  'wish.rate': { publisher: 'A' },
  'wish.withdraw': { publisher: 'A' },
  'wish.confirm': { publisher: 'A' },
  'points.cancelOrder': { publisher: 'A' },
  ...BOOKING_RELATIONS,
  ...LISTS_RELATIONS,
  ...PARTY_RELATIONS,
  ...COUNCIL_RELATIONS,
};

/** Booking and the lists are walked in the home community, by its people. */
const atHome = (key: string) => /^(booking|lists)\./.test(key);
let seasonYear = 2040;

async function wishIn(state: 'open' | 'claimed' | 'proof' | 'completed', showPhone = false) {
  const publisher = uniqueOpenid('m-pub');
  await ok('user', { action: 'login', scene: 'c=beihai' }, publisher);
  if (showPhone) await ok('user', { action: 'updateProfile', phone: `139${String(randomInt(100_000_000)).padStart(8, '0')}` }, publisher);
  const { wish } = await ok('wish', { action: 'publish', title: '矩阵测试心愿', content: '帮忙修理楼道灯', category: '维修帮办', showPhone }, publisher);
  await ok('wish', { action: 'review', id: wish.id, approve: true }, 'demo-staff');
  let claimer: string | undefined;
  if (state !== 'open') {
    claimer = await newVolunteer();
    await ok('wish', { action: 'claim', id: wish.id }, claimer);
  }
  if (state === 'proof' || state === 'completed') {
    await ok('wish', { action: 'submitProof', id: wish.id, note: '已完成' }, claimer);
    await age(wish.id, { 'proof.at': Date.now() - 4 * 24 * 3600 * 1000 });
  }
  if (state === 'completed') await ok('wish', { action: 'confirm', id: wish.id }, publisher);
  return { id: wish.id as string, publisher, claimer: claimer! };
}

/** A well-formed event for the action, in a state where the rule (not the state) decides. */
async function prepare(key: string, caller: Who, world: World): Promise<Cell> {
  if (key.startsWith('booking.')) return prepareBooking(key.split('.')[1], caller, world.home);
  if (key.startsWith('lists.')) return prepareLists(key.split('.')[1], caller, world.home);
  if (key in BULLETIN_ROWS) return prepareBulletin(key, caller);
  if (key.startsWith('party.')) return prepareParty(key.split('.')[1], caller, world);
  if (key in SURVEY_ROWS) return prepareSurvey(key.split('.')[1], caller);
  if (key.startsWith('council.')) return prepareCouncil(key.split('.')[1], caller, world);
  const own = caller === 'other_staff' ? world.otherCommunityCode : 'beihai';
  const fresh = async () => (caller === 'anonymous' ? undefined : twin(caller as Exclude<Caller, 'anonymous'>, world));
  switch (key) {
    case 'user.bindCommunity':
      return { event: { action: 'bindCommunity', scene: `c=${own}` }, openid: await fresh() };
    case 'user.updateProfile':
      return { event: { action: 'updateProfile', avatarUrl: 'cloud://local.honglin/avatar.png' } };
    case 'user.createInvite':
      return { event: { action: 'createInvite', role: 'volunteer' } };
    case 'user.redeemInvite': {
      const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, 'demo-staff');
      return { event: { action: 'redeemInvite', code: invite.code }, openid: await fresh() };
    }
    case 'user.qrcode':
    case 'user.poster':
      return { event: { action: key.split('.')[1] } };
    case 'user.chooseGrid':
      return { event: { action: 'chooseGrid', gridId: 'g_beihai_1', building: '2幢' }, openid: await fresh() };
    case 'user.deleteAccount':
      // Anyone signed in may delete their own account: each cell deletes a twin, never the world's people.
      return { event: { action: 'deleteAccount', confirm: '注销' }, openid: await fresh() };
    case 'user.moveResident': {
      const { me } = await ok('user', { action: 'login', scene: 'c=beihai' }, uniqueOpenid('placed'));
      return { event: { action: 'moveResident', userId: me.id, gridId: 'g_beihai_2' } };
    }
    case 'user.revokeRole': {
      // A volunteer of the cell's own, so no other cell loses a role.
      const volunteer = await newVolunteer();
      return { event: { action: 'revokeRole', userId: await userIdOf(volunteer), role: 'volunteer', reason: '本人申请退出志愿者队伍' } };
    }
    case 'user.auditLog':
      return { event: { action: 'auditLog', log: 'points' } };
    case 'user.setPrefs':
      // Back to following WeChat's font size: what every caller has already.
      return { event: { action: 'setPrefs', elderMode: null } };
    case 'user.notices':
    case 'user.systemStatus':
    case 'user.noticeSettings':
      return { event: { action: key.split('.')[1] } };
    case 'user.setNoticeSettings':
      // The demo's own setting, so the demo community keeps sending as before.
      return { event: { action: 'setNoticeSettings', kind: 'wishReviewed', templateId: 'tmpl-wish-reviewed', keywords: { title: 'thing1', result: 'phrase2', note: 'thing3' } } };
    case 'user.testNotice':
      return { event: { action: 'testNotice', kind: 'wishReviewed' } };
    case 'wish.publish':
      return { event: { action: 'publish', title: '矩阵发布', content: '矩阵发布的心愿内容', category: '其他' } };
    case 'wish.similar':
      return { event: { action: 'similar', title: '楼道灯', category: '维修帮办' } };
    case 'wish.openSeason': {
      seasonYear++;
      return { event: { action: 'openSeason', startDate: `${seasonYear}-01-01`, endDate: `${seasonYear}-03-31` } };
    }
    case 'wish.list':
    case 'wish.mine':
    case 'wish.stats':
    case 'user.login':
    case 'user.me':
    case 'user.myData':
    case 'user.home':
    case 'user.inbox':
    case 'user.workbench':
    case 'user.units':
    case 'user.skipWelcome':
    case 'user.grids':
    case 'user.residents':
    case 'user.memberCode':
    case 'map.community':
      return { event: { action: key.split('.')[1] } };
    case 'wish.queue':
      return { event: { action: 'queue', kind: 'review' } };
    case 'map.places':
      return { event: { action: 'places', location: { lat: 32.8531, lng: 120.3205 } } };
    case 'map.place':
    case 'map.managePlace': {
      // A place no page test reads, so the update below disturbs nobody.
      const id = 'p_beihai_convenience';
      return key === 'map.place'
        ? { event: { action: 'place', id } }
        : { event: { action: 'managePlace', op: 'update', id, changes: { intro: `矩阵更新${Math.random()}` } } };
    }
  }
  if (key.startsWith('points.')) return preparePoints(key.split('.')[1], caller, world);
  const [, action] = key.split('.');
  const state = { want: 'open', review: 'open', get: 'open', contact: 'claimed', claim: 'open', release: 'claimed', revoke: 'claimed', submitProof: 'claimed', confirm: 'proof', dispute: 'proof', rate: 'completed', withdraw: 'open', takedown: 'open', clearHold: 'open' }[action] as 'open';
  if (action === 'review') {
    const publisher = uniqueOpenid('m-pub');
    await ok('user', { action: 'login', scene: 'c=beihai' }, publisher);
    const { wish } = await ok('wish', { action: 'publish', title: '矩阵待审', content: '待审核', category: '其他' }, publisher);
    return { event: { action, id: wish.id, approve: true } };
  }
  const w = await wishIn(state, action === 'contact');
  const extra = { revoke: { reason: '联系不上' }, submitProof: { note: '已完成' }, dispute: { reason: '没修好' }, rate: { stars: 5 }, takedown: { reason: '重复' } }[action as 'revoke'] ?? {};
  const openid = caller === 'publisher' ? w.publisher : caller === 'claimer' ? w.claimer : undefined;
  // The claimer (and whoever claims here) reaches the publisher while the claim is live: their name and, on 拨打, their phone.
  return { event: { action, id: w.id, ...extra }, openid, reaches: caller === 'claimer' || action === 'claim' ? w.publisher : undefined };
}

/** Goods of the demo community provided by the matrix's unit (东台市实验小学), with stock to spare. */
async function schoolGoods(): Promise<string> {
  return newGoods({ name: '矩阵文具套装', cost: 1, stock: 50, perPersonLimit: 5, unitId: 'unit_school' });
}

/** An order waiting for pickup, by a new resident (the "publisher" row is the order's owner). */
async function pendingOrder() {
  const owner = uniqueOpenid('m-buyer');
  await ok('user', { action: 'login', scene: 'c=beihai' }, owner);
  await give(owner, 5);
  const { order } = await ok('points', { action: 'redeem', goodsId: await schoolGoods() }, owner);
  return { owner, order };
}

async function preparePoints(action: string, caller: Who, world: World): Promise<Cell> {
  switch (action) {
    case 'setRules':
      return { event: { action, values: { neighbour_help: 3 }, reason: '鼓励邻里互助' } };
    case 'award': {
      const target = await person('resident');
      return { event: { action, userId: await userIdOf(target), points: 1, reason: '参加矩阵测试' } };
    }
    case 'reverse': {
      const target = await person('resident');
      const userId = await give(target, 2);
      const entries = await where<{ _id: string }>('points_entries', { userId, kind: 'earn' });
      return { event: { action, entryId: entries[0]._id, reason: '误发更正' } };
    }
    case 'account': {
      const target = await person('resident');
      return { event: { action, userId: await give(target, 2) } };
    }
    case 'goodsDetail':
      return { event: { action, id: await schoolGoods() } };
    case 'manageGoods':
      return { event: { action, op: 'restock', id: await schoolGoods(), quantity: 1, reason: '补货' } };
    case 'redeem': {
      if (caller !== 'anonymous' && caller !== 'other_staff') await give(world.openid[caller as 'resident'], 2);
      return { event: { action, goodsId: await schoolGoods() } };
    }
    case 'cancelOrder': {
      const { owner, order } = await pendingOrder();
      return { event: { action, id: order.id, reason: '居民来电取消' }, openid: caller === 'publisher' ? owner : undefined };
    }
    case 'verify': {
      const { order } = await pendingOrder();
      return { event: { action, code: order.pickupCode } };
    }
    default:
      return { event: { action } };
  }
}

const responses: Array<{ caller: string; openid?: string; key: string; reaches?: string; text: string }> = [];
let world: World;
let cells = 0;

beforeAll(async () => {
  world = await makeWorld();
});

it('the matrix names every action of the catalog', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(CATALOG.map((s) => `${s.fn}.${s.action}`).sort());
});

describe.each(Object.keys(MATRIX))('%s', (key) => {
  const row = MATRIX[key].split(/\s+/);
  const cases: Array<[Who, string]> = CALLERS.map((c, i) => [c, row[i]]);
  for (const [rel, expected] of Object.entries(RELATIONS[key] ?? {})) cases.push([rel as Who, expected]);
  it.each(cases)('%s → %s', async (caller, expected) => {
    const cell = await prepare(key, caller, world);
    const people: Record<string, string> = atHome(key) ? { ...world.home.openid, other_staff: world.openid.other_staff } : world.openid;
    const openid = caller === 'anonymous' ? undefined : (cell.openid ?? people[caller]);
    const result = await call(key.split('.')[0], cell.event, openid);
    cells++;
    responses.push({ caller, openid, key, reaches: cell.reaches, text: JSON.stringify(result) });
    if (expected === 'A') {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(result.code);
    }
  });
});

describe('privacy', () => {
  // Before the scan: its long local work leaves the SDK's kept-alive sockets idle past the server's timeout.
  it('the live handler’s 拨打 reads the phone of the one resident it helps, and that view is in the resident’s log', async () => {
    const reads = responses.filter((r) => /\.contact$/.test(r.key) && r.reaches);
    expect(reads.map((r) => `${r.key} ${r.caller}`).sort()).toEqual(['booking.contact grid_worker', 'lists.contact unit_member', 'wish.contact claimer']);
    for (const r of reads) {
      const [resident] = (await sdk().database().collection('users').where({ openid: r.reaches }).get()).data as Array<{ _id: string; phone: string }>;
      expect(JSON.parse(r.text)).toEqual({ ok: true, data: { phone: resident.phone } });
      const [viewer] = (await sdk().database().collection('users').where({ openid: r.openid }).get()).data as Array<{ _id: string }>;
      const views = (await sdk().database().collection('user_events').where({ targetId: resident._id, field: 'phone', byUserId: viewer._id }).get()).data;
      expect(views).toHaveLength(1);
    }
  });

  it('no response to a resident or volunteer carries another person’s openid, phone or full name', async () => {
    const users: Array<{ openid: string; phone?: string; displayName: string }> = [];
    for (;;) {
      const page = (await sdk().database().collection('users').orderBy('_id', 'asc').skip(users.length).limit(1000).get()).data;
      users.push(...(page as typeof users));
      if (page.length < 1000) break;
    }
    const scanned = responses.filter((r) => ['resident', 'volunteer', 'unit_member', 'publisher', 'claimer', 'owner'].includes(r.caller));
    expect(scanned.length).toBeGreaterThan(50);
    for (const r of scanned) {
      for (const u of users) {
        if (u.openid === r.openid) continue;
        expect(r.text).not.toContain(u.openid);
        // The live handler of a task reads the name and phone of the one resident it helps.
        if (u.openid === r.reaches) continue;
        if (u.phone) expect(r.text).not.toContain(u.phone);
        // Names are checked for the matrix's people and the demo accounts: other tests name people
        // with everyday words (周五 …) that can stand in any text.
        if (/^(m-|demo-)/.test(u.openid)) expect(r.text).not.toContain(u.displayName);
      }
    }
  });

  it('walked every cell', () => {
    console.log(`authorization matrix: ${cells} cells`);
    expect(cells).toBeGreaterThanOrEqual(Object.keys(MATRIX).length * CALLERS.length);
  });
});
