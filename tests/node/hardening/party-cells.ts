import { ok } from '../support/cloud';
import { memberForm, nextPhone } from '../support/party';
import { Cell, Who, World, person, twin, type Caller } from './world';

/**
 * Party rows of the authorization matrix (issue #20), walked in the demo community: anyone who
 * belongs to a community registers (双报到) and reads the post list; staff decide on
 * registrations, keep the posts, see who a whistle reaches (可通知), blow it (吹哨), read the answers, close it, read the
 * reports and appraise them; whoever serves — volunteers (a confirmed party member becomes one),
 * unit members and grid workers — sees the call-outs and answers 报到 / 不能到; a report is its owner's and staff's,
 * and only its owner confirms it. A confirmed unit's contact and staff make its join code and see
 * its members; anyone of the community joins with the code; staff export the reports. The 先锋榜
 * is read by everyone of the community (names masked but to staff), each their own community's.
 * Those who answered 报到 check in on site with the code.
 * 网格任务 go to a grid's workers: staff publish, confirm and call them off; a worker of the grid
 * claims one, and only its claimer reports it done.
 *
 *                        anon res vol unit grid staff admin other
 */
export const PARTY_ROWS: Record<string, string> = {
  'party.register':      'D A A A A A A A',
  'party.mine':          'D A A A A A A A',
  'party.registrations': 'D D D D D A A A',
  'party.confirm':       'D D D D D A A D',
  'party.reject':        'D D D D D A A D',
  'party.progress':      'D D D D D A A D',
  'party.posts':         'D A A A A A A A',
  'party.setPosts':      'D D D D D A A A',
  'party.callouts':      'D D A A A A A A',
  'party.callout':       'D D D D D A A A',
  'party.audience':      'D D D D D A A A',
  'party.responses':     'D D D D D A A D',
  'party.respond':       'D D A A A D D D',
  'party.checkIn':       'D D A A A D D D',
  'party.close':         'D D D D D A A D',
  'party.report':        'D D D D D A A D',
  'party.reports':       'D D D D D A A A',
  'party.appraise':      'D D D D D A A D',
  'party.acknowledge':   'D D D D D D D D',
  'party.unitJoin':      'D D D D D A A D',
  'party.join':          'D A A A A A A D',
  'party.unitMembers':   'D D D D D A A D',
  'party.exportReports': 'D D D D D A A A',
  'party.certificate':   'D A A A A A A A',
  'party.verifyCertificate': 'D D D D D A A D',
  'party.vanguard':      'D A A A A A A A',
  'party.gridTasks':     'D D D D A A A A',
  'party.publishGridTask': 'D D D D D A A D',
  'party.claimGridTask': 'D D D D A D D D',
  'party.finishGridTask': 'D D D D D D D D',
  'party.confirmGridTask': 'D D D D D A A D',
  'party.cancelGridTask': 'D D D D D A A D',
};

/** The member whose report it is reads it. */
export const PARTY_RELATIONS: Record<string, Partial<Record<Who, 'A' | 'D'>>> = {
  'party.report': { owner: 'A' },
  'party.acknowledge': { owner: 'A' },
  'party.progress': { owner: 'A' },
  'party.unitJoin': { owner: 'A' },
  'party.unitMembers': { owner: 'A' },
  'party.finishGridTask': { claimer: 'A' },
};

let n = 0;

/** A registration of a new resident of the demo community, waiting for staff. */
async function pending(): Promise<{ owner: string; id: string }> {
  const owner = await person('resident');
  const { registration } = await ok('party', memberForm(), owner);
  return { owner, id: registration.id };
}

/** A call-out of the demo community with room for everyone, under way. */
async function underWay(): Promise<string> {
  const now = Date.now();
  const { callout } = await ok('party', { action: 'callout', title: `矩阵吹哨${++n}`, place: '北海花园北门', start: now - 600_000, end: now + 3600_000, needed: 100 }, 'demo-staff');
  return callout.id;
}

/** A task of the matrix grid worker's grid, open; claimed (and reported done) by a worker of its own when asked. */
async function gridTask(state: 'open' | 'claimed' | 'done'): Promise<{ id: string; claimer?: string }> {
  const { task } = await ok('party', { action: 'publishGridTask', gridId: 'g_beihai_4', title: `矩阵网格任务${++n}`, place: '4幢门前', dueAt: Date.now() + 3600_000, points: 3 }, 'demo-staff');
  if (state === 'open') return { id: task.id };
  const claimer = await person('grid_worker');
  await ok('party', { action: 'claimGridTask', id: task.id }, claimer);
  if (state === 'done') await ok('party', { action: 'finishGridTask', id: task.id, note: '已完成' }, claimer);
  return { id: task.id, claimer };
}

/** A unit of the demo community (the world's unit members' own) registered by a contact of its own, confirmed. */
async function confirmedUnit(): Promise<{ contact: string; id: string; commitmentId: string }> {
  const contact = await person('unit_member');
  const { registration } = await ok('party', { action: 'register', kind: 'unit', branch: '东台市实验小学党支部', phone: nextPhone(), commitments: [{ title: '课后托管', target: 40, unit: '次' }] }, contact);
  await ok('party', { action: 'confirm', id: registration.id }, 'demo-staff');
  return { contact, id: registration.id, commitmentId: registration.commitments[0].id };
}

/** This year up to today (Shanghai): a certificate's period may not reach into the future. */
const CERTIFICATE_PERIOD = { from: '2026-01-01', to: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) };

export async function prepareParty(action: string, who: Who, world: World): Promise<Cell> {
  switch (action) {
    case 'publishGridTask':
      return { event: { action, gridId: 'g_beihai_4', title: `矩阵网格任务${++n}`, place: '4幢门前', dueAt: Date.now() + 3600_000, points: 3 } };
    case 'claimGridTask':
      return { event: { action, id: (await gridTask('open')).id } };
    case 'finishGridTask': {
      const { id, claimer } = await gridTask('claimed');
      return { event: { action, id, note: '矩阵完成' }, openid: who === 'claimer' ? claimer : undefined };
    }
    case 'confirmGridTask':
      return { event: { action, id: (await gridTask('done')).id } };
    case 'cancelGridTask':
      return { event: { action, id: (await gridTask('open')).id, reason: '矩阵撤销' } };
    case 'register':
      // Each cell registers a person of its own kind, so the world's people stay unregistered.
      return { event: memberForm(), openid: who === 'anonymous' ? undefined : await twin(who as Exclude<Caller, 'anonymous'>, world) };
    case 'confirm':
      return { event: { action, id: (await pending()).id } };
    case 'reject':
      return { event: { action, id: (await pending()).id, reason: '请写全称' } };
    case 'setPosts':
      // The default list, so the demo community's members choose from what they always had.
      return { event: { action, posts: ['楼栋长', '平安巡逻', '文明劝导', '助老服务', '政策宣讲', '环境整治', '红色代办员'] } };
    case 'callout': {
      const now = Date.now();
      return { event: { action, title: `矩阵吹哨${++n}`, place: '北海花园北门', start: now + 3600_000, end: now + 7200_000, needed: 2 } };
    }
    case 'responses':
    case 'close': {
      const id = await underWay();
      return { event: action === 'close' ? { action, id, note: '矩阵结束' } : { action, id } };
    }
    case 'respond':
      return { event: { action, id: await underWay(), answer: 'coming' } };
    case 'audience':
      return { event: { action, posts: ['平安巡逻'], location: { lat: 32.8531, lng: 120.3205 } } };
    case 'checkIn': {
      // Those who may answer have answered 报到; the others try the code shown on site.
      const id = await underWay();
      const { site } = await ok('party', { action: 'responses', id }, 'demo-staff');
      if (who === 'volunteer' || who === 'unit_member' || who === 'grid_worker') await ok('party', { action: 'respond', id, answer: 'coming' }, world.openid[who]);
      return { event: { action, id, code: site.code } };
    }
    case 'report': {
      const { owner, id } = await pending();
      await ok('party', { action: 'confirm', id }, 'demo-staff');
      return { event: { action, subjectId: id, year: 2026 }, openid: who === 'owner' ? owner : undefined };
    }
    case 'appraise':
    case 'acknowledge': {
      const { owner, id } = await pending();
      await ok('party', { action: 'confirm', id }, 'demo-staff');
      await ok('party', { action: 'report', subjectId: id, year: 2026 }, owner);
      if (action === 'appraise') return { event: { action, subjectId: id, year: 2026, grade: 'good', comment: '表现良好' } };
      await ok('party', { action: 'appraise', subjectId: id, year: 2026, grade: 'good', comment: '表现良好' }, 'demo-staff');
      return { event: { action, subjectId: id, year: 2026 }, openid: who === 'owner' ? owner : undefined };
    }
    case 'progress': {
      const { contact, id, commitmentId } = await confirmedUnit();
      return { event: { action, id, commitmentId, done: 5 }, openid: who === 'owner' ? contact : undefined };
    }
    case 'unitJoin':
    case 'unitMembers': {
      const { contact, id } = await confirmedUnit();
      return { event: { action, id }, openid: who === 'owner' ? contact : undefined };
    }
    case 'join': {
      // Each cell joins as a person of its own kind; the world's unit member is already of this unit.
      const { contact, id } = await confirmedUnit();
      const { join } = await ok('party', { action: 'unitJoin', id }, contact);
      return { event: { action, code: join.code }, openid: who === 'anonymous' ? undefined : await twin(who as Exclude<Caller, 'anonymous'>, world) };
    }
    case 'exportReports':
    case 'reports':
      return { event: { action, year: 2026 } };
    case 'certificate':
      return { event: { action, ...CERTIFICATE_PERIOD } };
    case 'verifyCertificate': {
      const { certificate } = await ok('party', { action: 'certificate', ...CERTIFICATE_PERIOD }, 'demo-volunteer');
      return { event: { action, id: certificate.id } };
    }
    default:
      return { event: { action } };
  }
}
