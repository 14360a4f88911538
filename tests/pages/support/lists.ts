/**
 * 三张清单 and dispatch tickets for page tests: a community of the test's own with a second grid, a
 * grid worker, a 共建单位 and one of its members; needs and tickets raised and dispatched through the
 * lists function (as residents and staff would); the lists' documents read straight from the local
 * cloud.
 */
import { freshOpenid, meOf, okFn } from './backend';
import { newCommunity, type TestCommunity } from './community';
import { findDocs, getDoc, insertDoc, updateDoc } from './db';
import { recorded } from '../../setup/wx';

export interface ListsCommunity extends TestCommunity {
  gridId: string;
  /** A second grid, with no worker. */
  grid2Id: string;
  grid2Name: string;
  /** 网格员 周海燕 of the first grid. */
  gridWorker: string;
  gridWorkerId: string;
  /** 共建单位 测试供电所 and a member of it. */
  unitId: string;
  unitName: string;
  unitMember: string;
}

export async function listsCommunity(): Promise<ListsCommunity> {
  const c = await newCommunity();
  const gridId = `${c.id}_g1`;
  const grid2Id = `${c.id}_g2`;
  const grid2Name = '第二网格（测试花园）';
  await insertDoc('grids', { _id: grid2Id, communityId: c.id, code: 'g2', name: grid2Name, buildings: ['3幢'] });
  const unitId = `${c.id}_unit`;
  const unitName = '测试供电所';
  await insertDoc('units', { _id: unitId, communityId: c.id, name: unitName, kind: '企业' });

  const join = async (prefix: string, displayName: string, role: string, extra: Record<string, string>) => {
    const openid = freshOpenid(prefix);
    await okFn(openid, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
    await okFn(openid, 'user', { action: 'updateProfile', displayName });
    const { invite } = await okFn(c.staff, 'user', { action: 'createInvite', role, ...extra });
    await okFn(openid, 'user', { action: 'redeemInvite', code: invite.code });
    return openid;
  };
  const [gridWorker, unitMember] = await Promise.all([
    join('gw', '周海燕', 'grid_worker', { gridId }),
    join('unit', '孙师傅', 'unit_member', { unitId }),
  ]);
  return { ...c, gridId, grid2Id, grid2Name, gridWorker, gridWorkerId: (await meOf(gridWorker)).id, unitId, unitName, unitMember };
}

/** A need entered by staff from a visit (走访录入) in the first grid; returns its id. */
export async function visitNeed(c: ListsCommunity, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { need } = await okFn(c.staff, 'lists', { action: 'addNeed', category: '助老服务', title, gridId: c.gridId, ...extra });
  return need.id;
}

/** A resident's 诉求 through the function; returns the ticket as the resident sees it. */
export async function raise(resident: string, fields: Record<string, unknown> = {}): Promise<any> {
  const { ticket } = await okFn(resident, 'lists', { action: 'submitRequest', category: '环境清洁', title: '楼道堆放杂物', detail: '3楼楼道堆满纸箱', ...fields });
  return ticket;
}

/** 派单 by staff to a grid worker (or whoever `to` names). */
export async function dispatchTo(c: ListsCommunity, id: string, targetId = c.gridWorkerId, to = 'grid_worker'): Promise<any> {
  const { ticket } = await okFn(c.staff, 'lists', { action: 'dispatch', id, to, targetId });
  return ticket;
}

export const listsDoc = (collection: string, id: string) => getDoc<Record<string, any>>(collection, id);
export const needsOf = (communityId: string) => findDocs<Record<string, any>>('needs', { communityId });
export const resourcesOf = (communityId: string) => findDocs<Record<string, any>>('resources', { communityId });
export const projectsOf = (communityId: string) => findDocs<Record<string, any>>('projects', { communityId });
export const ticketsOf = async (openid: string) => findDocs<any>('tickets', { requesterId: (await meOf(openid)).id });

/** Moves a ticket's running resolve deadline, as if time had passed (tests cannot wait hours). */
export async function moveResolveDeadline(id: string, at: number): Promise<void> {
  await updateDoc('tickets', id, { 'clock.resolveBy': at, dueAt: at });
}

/** Requests the page sent for one action of the lists function. */
export function sentLists(action: string): Record<string, any>[] {
  return recorded.requests
    .filter((r) => r.url.endsWith('/fn/lists'))
    .map((r) => r.data as Record<string, any>)
    .filter((d) => d?.action === action);
}
