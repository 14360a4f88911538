import { ok } from '../support/cloud';
import { userIdOf } from '../support/wish';
import { Cell, Home, Who, person } from './world';

/**
 * Lists rows of the authorization matrix (issue #7 and DESIGN.md): every member may raise a
 * request and see what is on offer (active resources, published projects); staff run the lists,
 * matching, dispatch and reports, and an admin names the secretary; a grid worker enters and
 * reads the needs and tickets of their own grid; whoever a ticket is dispatched to (a grid
 * worker, a unit's members) accepts and resolves it; the resident who asked rates it; units
 * register their own resources and claim projects. Staff send a case up to the county; only a
 * county officer overseeing the community (a relation row: not a role of the community's own)
 * reads the county queue and notes progress, and sees none of the community's other business.
 * 随手拍 is for whoever holds a grid role (full or part-time), staff included only through one.
 *
 *                       anon res vol unit grid staff admin other
 */
export const LISTS_ROWS: Record<string, string> = {
  'lists.submitRequest': 'D A A A A A A A',
  'lists.reportFound':   'D D D D A D D D',
  'lists.addNeed':       'D D D D A A A D',
  'lists.updateNeed':    'D D D D A A A D',
  'lists.needs':         'D D D D A A A A',
  'lists.need':          'D D D D A A A D',
  'lists.saveResource':  'D D D A D A A D',
  'lists.resources':     'D A A A A A A A',
  'lists.resource':      'D A A A A A A D',
  'lists.saveProject':   'D D D D D A A D',
  'lists.claimProject':  'D D D A D D D D',
  'lists.projects':      'D A A A A A A A',
  'lists.project':       'D A A A A A A D',
  'lists.match':         'D D D D D A A A',
  'lists.matchResult':   'D D D D D A A A',
  'lists.decide':        'D D D D D A A D',
  'lists.dispatch':      'D D D D D A A D',
  'lists.accept':        'D D D A D D D D',
  'lists.resolve':       'D D D D A D D D',
  'lists.rate':          'D D D D D D D D',
  'lists.escalate':      'D D D A A A A D',
  'lists.cancel':        'D D D D D A A D',
  'lists.escalateCounty': 'D D D D D A A D',
  'lists.countyQueue':   'D D D D D D D D',
  'lists.countyNote':    'D D D D D D D D',
  'lists.tickets':       'D D D D A A A A',
  'lists.ticket':        'D D D D A A A D',
  'lists.contact':       'D D D A D D D D',
  'lists.overdue':       'D D D D A A A A',
  'lists.assignees':     'D D D D D A A A',
  'lists.workerRatings': 'D D D D D A A A',
  'lists.stats':         'D D D D D A A A',
  'lists.export':        'D D D D D A A A',
  'lists.charts':        'D D D D D A A A',
  'lists.exportFile':    'D D D D D A A A',
  'lists.settings':      'D D D D D A A A',
  'lists.setSettings':   'D D D D D D A D',
  'lists.saveCompound':  'D D D D D A A D',
  'lists.compounds':     'D D D D D A A A',
  'lists.hurry':         'D D D D D A A D',
};

/**
 * The resident who raised the request (their need, their ticket: see, cancel, rate), and a grid
 * worker of another grid (not theirs to enter, read, resolve or escalate).
 */
export const LISTS_RELATIONS: Record<string, Partial<Record<Who, 'A' | 'D'>>> = {
  'lists.reportFound': { other_grid_worker: 'A', county: 'D' },
  'lists.addNeed': { other_grid_worker: 'D', county: 'D' },
  'lists.updateNeed': { other_grid_worker: 'D', county: 'D' },
  'lists.needs': { county: 'D' },
  'lists.need': { owner: 'A', other_grid_worker: 'D', county: 'D' },
  'lists.dispatch': { county: 'D' },
  'lists.accept': { county: 'D' },
  'lists.resolve': { other_grid_worker: 'D', county: 'D' },
  'lists.rate': { owner: 'A' },
  'lists.escalate': { other_grid_worker: 'D' },
  'lists.cancel': { owner: 'A', county: 'D' },
  'lists.escalateCounty': { county: 'D' },
  'lists.countyQueue': { county: 'A' },
  'lists.countyNote': { county: 'A' },
  'lists.tickets': { county: 'D' },
  'lists.ticket': { owner: 'A', other_grid_worker: 'D', county: 'D' },
  'lists.contact': { owner: 'D', other_grid_worker: 'D', county: 'D' },
  'lists.overdue': { county: 'D' },
  'lists.stats': { county: 'D' },
  'lists.charts': { county: 'D' },
  'lists.exportFile': { county: 'D' },
  'lists.settings': { county: 'D' },
  'lists.hurry': { owner: 'A', county: 'D' },
};

let n = 0;
const visit = (home: Home) => ({ category: '助老服务', title: `矩阵探访${++n}`, gridId: home.gridId, visitGroup: '空巢独居老人' });

/** A request of a new resident of the home's first grid, dispatched to its worker or the home's unit. */
async function request(home: Home, to?: 'grid_worker' | 'unit') {
  const owner = await person('resident', home);
  const { ticket } = await ok('lists', { action: 'submitRequest', category: '水电维修', title: `矩阵诉求${++n}`, detail: '楼道灯不亮' }, owner);
  if (to) await ok('lists', { action: 'dispatch', id: ticket.id, to, ...(to === 'unit' ? { targetId: home.unitId } : {}) }, home.keeper);
  return { owner, ticket };
}

async function recruitingProject(home: Home): Promise<string> {
  const project = { title: `矩阵项目${++n}`, description: '关爱空巢老人', category: '助老服务', gridIds: [home.gridId] };
  const { project: p } = await ok('lists', { action: 'saveProject', op: 'create', project }, home.keeper);
  await ok('lists', { action: 'saveProject', op: 'publish', id: p.id }, home.keeper);
  return p.id;
}

const doctors = new Map<string, Promise<unknown>>();

/** A fresh suggestion of a fresh match run, for a need of its own (a unit's 义诊 takes it). */
async function suggestion(home: Home): Promise<string> {
  if (!doctors.has(home.id)) {
    const resource = { title: '矩阵义诊', providerKind: 'unit', unitId: home.unitId, categories: ['医疗义诊'], capacity: 50, period: 'week', area: { gridIds: [home.gridId] } };
    doctors.set(home.id, ok('lists', { action: 'saveResource', op: 'create', resource }, home.keeper));
  }
  await doctors.get(home.id);
  const { need } = await ok('lists', { action: 'addNeed', category: '医疗义诊', title: `矩阵量血压${++n}`, gridId: home.gridId }, home.keeper);
  const { job } = await ok('lists', { action: 'match' }, home.keeper);
  const res = await ok('lists', { action: 'matchResult', jobId: job.id, status: 'proposed', limit: 20 }, home.keeper);
  return res.items.find((s: any) => s.need.id === need.id).id;
}

/** The county officer calls as themself in their rows. */
export async function prepareLists(action: string, who: Who, home: Home): Promise<Cell> {
  const cell = await listsCell(action, who, home);
  return who === 'county' ? { ...cell, openid: home.county } : cell;
}

async function listsCell(action: string, who: Who, home: Home): Promise<Cell> {
  const as = (rel: Who, openid: string) => (who === rel ? openid : undefined);
  switch (action) {
    case 'submitRequest':
      return { event: { action, category: '环境清洁', title: '矩阵楼下垃圾没人收' } };
    case 'reportFound':
      return { event: { action, category: '安全巡查', title: `矩阵随手拍${++n}`, photos: ['cloud://env-local.honglin/found/m.jpg'] }, openid: as('other_grid_worker', home.otherGridWorker) };
    case 'addNeed':
      return { event: { action, ...visit(home) }, openid: as('other_grid_worker', home.otherGridWorker) };
    case 'updateNeed': {
      const { need } = await ok('lists', { action: 'addNeed', ...visit(home) }, home.keeper);
      return { event: { action, id: need.id, op: 'edit', patch: { urgency: 3 }, reason: '矩阵加急' }, openid: as('other_grid_worker', home.otherGridWorker) };
    }
    case 'need': {
      if (who === 'owner') {
        const { owner, ticket } = await request(home);
        return { event: { action, id: ticket.needId }, openid: owner };
      }
      const { need } = await ok('lists', { action: 'addNeed', ...visit(home) }, home.keeper);
      return { event: { action, id: need.id }, openid: as('other_grid_worker', home.otherGridWorker) };
    }
    case 'saveResource':
      return { event: { action, op: 'create', resource: { title: '矩阵上门检修', providerKind: 'unit', unitId: home.unitId, categories: ['水电维修'], capacity: 3, period: 'week', area: { gridIds: [home.gridId] } } } };
    case 'resource': {
      // A volunteer's own resource: what others see of the volunteer is the privacy scan's to judge.
      const volunteer = await person('volunteer', home);
      const resource = { title: '矩阵手机教学', providerKind: 'volunteer', categories: ['电脑手机教学'], capacity: 2, period: 'week', area: { gridIds: [home.gridId] } };
      const { resource: r } = await ok('lists', { action: 'saveResource', op: 'create', resource }, volunteer);
      return { event: { action, id: r.id } };
    }
    case 'saveProject':
      return { event: { action, op: 'create', project: { title: `矩阵关爱行动${++n}`, description: '每周探访', category: '助老服务', gridIds: [home.gridId] } } };
    case 'claimProject':
    case 'project':
      return { event: { action, id: await recruitingProject(home) } };
    case 'decide':
      return { event: { action, id: await suggestion(home), decision: 'reject', reason: '矩阵暂不需要' } };
    case 'dispatch':
      return { event: { action, id: (await request(home)).ticket.id } };
    case 'accept':
    case 'contact': {
      // Dispatched to the home's unit: its members work it, and reach the resident while it is live.
      const { owner, ticket } = await request(home, 'unit');
      return { event: { action, id: ticket.id }, openid: as('owner', owner) ?? as('other_grid_worker', home.otherGridWorker), reaches: as('unit_member', owner) };
    }
    case 'resolve':
    case 'rate': {
      const { owner, ticket } = await request(home, 'grid_worker');
      await ok('lists', { action: 'accept', id: ticket.id }, home.openid.grid_worker);
      if (action === 'resolve') return { event: { action, id: ticket.id, note: '矩阵已修好' }, openid: as('other_grid_worker', home.otherGridWorker) };
      await ok('lists', { action: 'resolve', id: ticket.id, note: '矩阵已修好' }, home.openid.grid_worker);
      return { event: { action, id: ticket.id, stars: 5, comment: '满意' }, openid: as('owner', owner) };
    }
    case 'escalate': {
      const { owner, ticket } = await request(home, 'unit');
      return { event: { action, id: ticket.id, reason: '矩阵需要书记协调' }, openid: as('other_grid_worker', home.otherGridWorker), reaches: as('unit_member', owner) };
    }
    case 'escalateCounty':
      return { event: { action, id: (await request(home, 'grid_worker')).ticket.id, reason: '矩阵涉及多部门' } };
    case 'countyNote': {
      const { ticket } = await request(home);
      await ok('lists', { action: 'escalateCounty', id: ticket.id, reason: '矩阵提级' }, home.keeper);
      return { event: { action, id: ticket.id, note: '矩阵已会商' } };
    }
    case 'cancel': {
      const { owner, ticket } = await request(home);
      return { event: { action, id: ticket.id, reason: '矩阵已自行解决' }, openid: as('owner', owner) };
    }
    case 'ticket': {
      const { owner, ticket } = await request(home);
      return { event: { action, id: ticket.id }, openid: who === 'owner' ? owner : as('other_grid_worker', home.otherGridWorker) };
    }
    case 'tickets':
      return { event: { action, scope: 'all' } };
    case 'export':
      return { event: { action, list: 'tickets' } };
    case 'exportFile':
      return { event: { action, kind: 'tickets', format: 'xlsx' } };
    case 'hurry': {
      const { owner, ticket } = await request(home, 'unit');
      return { event: { action, id: ticket.id }, openid: as('owner', owner) };
    }
    case 'saveCompound': {
      const contact = { name: '钱红梅', phone: '13911112222' };
      const compound = { name: `矩阵小区${++n}`, gridIds: [home.gridId], property: { name: '矩阵物业公司', contact }, committee: { name: '矩阵业委会', contact } };
      return { event: { action, compound } };
    }
    case 'setSettings':
      return { event: { action, secretaryId: await userIdOf(home.openid.admin) } };
    default:
      return { event: { action } };
  }
}
