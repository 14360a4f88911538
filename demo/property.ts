import type { Doc } from '../emulator/db/codec';
import { BASE_CALENDAR } from '../server/core/calendar';
import { HOUR_MS } from '../server/core/time';
import { DEFAULT_DEADLINE_HOURS } from '../server/lists/deadlines';
import { EVENTS, NEEDS, TICKETS, type EventDoc, type NeedDoc, type TicketDoc } from '../server/lists/model';
import { derive, ticketFor } from '../server/lists/tickets';
import { COMPOUNDS, PROPERTY_UNIT_KIND, propertyAssignee, type CompoundDoc } from '../server/lists/property';
import type { UserDoc } from '../server/user/model';
import { DEMO_COMMUNITY } from './community';
import type { Call } from './alive';

/**
 * 红色物业 in the demo community: 海晏花园 (the second grid) with its property company and 业委会
 * and their party contacts, one property worker, a lift fault the company was late on last week
 * (seeded, so the quarter's on-time rate shows it), and through the functions a lift fault fixed
 * and rated and a parking complaint waiting (`bringPropertyToLife`).
 */

const C = DEMO_COMMUNITY._id;
export const DEMO_COMPOUND = 'cp_beihai_haiyan';
const UNIT = 'unit_haiyan_property';
export const PROPERTY_WORKER = { openid: 'demo-property', _id: 'u_demo_property', displayName: '吴建军', phone: '13851234631' };
const RESIDENT = { _id: 'u_demo_neighbour_2', name: '刘德明' };

export function seedProperty(put: (coll: string, doc: Doc) => void, now: number): void {
  const compound: CompoundDoc = {
    _id: DEMO_COMPOUND,
    communityId: C,
    name: '海晏花园',
    gridIds: ['g_beihai_2'],
    buildings: [],
    property: { name: '东台市海晏物业服务有限公司', contact: { name: '钱红梅', phone: '13851234632', branch: '海晏物业党支部' } },
    committee: { name: '海晏花园业主委员会', contact: { name: '孙建国', phone: '13851234633', branch: '北海社区第二党支部' } },
    propertyUnitId: UNIT,
    createdBy: 'u_demo_staff',
    createdAt: now - 40 * 24 * HOUR_MS,
    updatedAt: now - 40 * 24 * HOUR_MS,
  };
  put(COMPOUNDS, compound as unknown as Doc);
  put('units', { _id: UNIT, communityId: C, name: compound.property.name, kind: PROPERTY_UNIT_KIND });
  put('user_openids', { _id: PROPERTY_WORKER.openid, userId: PROPERTY_WORKER._id, createdAt: now });
  put('users', {
    _id: PROPERTY_WORKER._id,
    openid: PROPERTY_WORKER.openid,
    displayName: PROPERTY_WORKER.displayName,
    phone: PROPERTY_WORKER.phone,
    communityId: C,
    gridId: 'g_beihai_2',
    grants: [{ role: 'unit_member', unitId: UNIT, communityId: C, grantedBy: 'seed', grantedAt: now }],
    createdAt: now,
    updatedAt: now,
  });

  // A lift stuck a day and a half ago: taken after its 24 hours had run out, fixed, rated 3 stars.
  const at = now - 36 * HOUR_MS;
  const event = (targetId: string, t: number, from: string | null, to: string, by: string, why: string) =>
    put(EVENTS, { _id: `${targetId}.${t}.seed${to}`, communityId: C, target: targetId.startsWith('tk_') ? 'ticket' : 'need', targetId, at: t, field: 'status', from, to, byUserId: 'seed', byLabel: by, why } satisfies EventDoc as unknown as Doc);
  const need: NeedDoc = {
    _id: 'nd_seed_haiyan_lift',
    communityId: C,
    source: 'request',
    category: '电梯',
    title: '6幢电梯困在3楼',
    detail: '电梯停在3楼开不了门，老人只能走楼梯',
    gridId: 'g_beihai_2',
    photos: [],
    urgency: 2,
    people: 12,
    status: 'done',
    requesterId: RESIDENT._id,
    requesterName: RESIDENT.name,
    compoundId: DEMO_COMPOUND,
    createdBy: RESIDENT._id,
    createdAt: at,
    updatedAt: at,
  };
  let t: TicketDoc = ticketFor(need, 'tk_seed_haiyan_lift', 'simple', at, { _id: RESIDENT._id } as UserDoc, at, { calendar: BASE_CALENDAR, hours: DEFAULT_DEADLINE_HOURS });
  const label = propertyAssignee(compound).label;
  const acceptedAt = at + 26 * HOUR_MS;
  const resolvedAt = acceptedAt + 3 * HOUR_MS;
  const closedAt = resolvedAt + HOUR_MS;
  t = {
    ...t,
    status: 'closed',
    assignee: propertyAssignee(compound),
    dispatchedAt: at,
    acceptedAt,
    acceptedBy: PROPERTY_WORKER._id,
    resolvedAt,
    resolvedBy: PROPERTY_WORKER._id,
    resolution: { note: '已请电梯维保单位更换门机板，电梯恢复运行', photos: [], at: resolvedAt, byLabel: `${label} 吴**` },
    closedAt,
    rating: { stars: 3, comment: '修好了，就是等得太久', at: closedAt },
    late: true,
    updatedAt: closedAt,
  };
  event(need._id, at, null, 'open', '居民 刘**', '居民提交诉求');
  event(t._id, at, null, 'dispatched', '居民 刘**', `居民提交诉求，派单给${label}`);
  event(t._id, acceptedAt, 'dispatched', 'accepted', `${label} 吴**`, '接单');
  event(t._id, resolvedAt, 'accepted', 'resolved', `${label} 吴**`, t.resolution!.note);
  event(t._id, closedAt, 'resolved', 'closed', '居民 刘**', '评价3星');
  put(TICKETS, derive(t, BASE_CALENDAR) as unknown as Doc);
  put(NEEDS, { ...need, ticketId: t._id } as unknown as Doc);
}

export interface PropertyLife {
  tickets: { closed: number; open: number };
}

/** Residents of 海晏花园 report a lift fault (fixed the same day, 5 stars) and a blocked parking space (waiting). */
export async function bringPropertyToLife(call: Call): Promise<PropertyLife> {
  const must = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const res = await call(fn, event, openid);
    if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  const neighbour = 'demo-neighbour-2';
  const { ticket: lift } = await must('lists', { action: 'submitRequest', category: '电梯', title: '5幢电梯按钮失灵', detail: '按8楼没反应，要按好几次' }, neighbour);
  await must('lists', { action: 'accept', id: lift.id }, PROPERTY_WORKER.openid);
  await must('lists', { action: 'resolve', id: lift.id, note: '已更换8楼按钮面板' }, PROPERTY_WORKER.openid);
  await must('lists', { action: 'rate', id: lift.id, stars: 5, comment: '物业来得很快' }, neighbour);
  await must('lists', { action: 'submitRequest', category: '停车', title: '消防通道被车辆长期占用', detail: '7幢北侧消防通道常年停着一辆旧面包车' }, neighbour);
  return { tickets: { closed: 1, open: 1 } };
}
