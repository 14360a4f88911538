/** Goods, points and orders for page tests, arranged through the points function and read from the database. */
import { meOf, newResident, okFn } from './backend';
import { findDocs, getDoc, updateDoc } from './db';
import { recorded } from '../../setup/wx';
import type { Goods, Order } from '../../../typings/points';

export interface OrderRow {
  _id: string;
  userId: string;
  goodsId: string;
  goodsName: string;
  quantity: number;
  points: number;
  code: string;
  status: string;
  expiresAt: number;
  redeemedBy?: string;
  events: Array<{ from: string | null; to: string; byLabel: string; why?: string }>;
}

export interface EntryRow {
  _id: string;
  userId: string;
  amount: number;
  kind: string;
  reason: string;
  source: { type: string; id: string };
  by: string;
}

export interface GoodsRow {
  _id: string;
  name: string;
  stock: number;
  supplied: number;
  status: string;
  cost: number;
  unitId?: string;
  perPersonLimit: number;
  pickupPlace: string;
}

export const goodsRow = (id: string) => getDoc<GoodsRow>('points_goods', id);
export const ordersOf = async (openid: string) => findDocs<OrderRow>('points_orders', { userId: (await meOf(openid)).id });
export const entriesOf = async (openid: string) => findDocs<EntryRow>('points_entries', { userId: (await meOf(openid)).id });

export { balanceOf } from './wish';

let seq = 0;

/** New goods put on the shelf by `staff`, with a name nobody else uses. */
export async function addGoods(staff: string, fields: Partial<Pick<Goods, 'name' | 'cost' | 'stock' | 'perPersonLimit' | 'pickupPlace' | 'unitId' | 'description'>> = {}): Promise<Goods> {
  const { goods } = await okFn<{ goods: Goods }>(staff, 'points', {
    action: 'manageGoods',
    op: 'create',
    name: fields.name ?? `测试米${Date.now().toString(36).slice(-4)}${++seq}`,
    cost: fields.cost ?? 50,
    stock: fields.stock ?? 10,
    perPersonLimit: fields.perPersonLimit ?? 1,
    pickupPlace: fields.pickupPlace ?? '党群服务中心一楼服务台',
    ...(fields.unitId ? { unitId: fields.unitId } : {}),
    ...(fields.description ? { description: fields.description } : {}),
  });
  return goods;
}

/** Points for `openid`, awarded by `staff` (a number, with a reason the person reads). */
export async function give(staff: string, openid: string, points: number, reason = '参加社区志愿活动'): Promise<void> {
  const { id } = await meOf(openid);
  await okFn(staff, 'points', { action: 'award', userId: id, points, reason });
}

/** A new resident of the demo community holding `points`, given by 陈书记 (demo-staff). */
export async function residentWith(points: number, prefix = 'points'): Promise<string> {
  const openid = await newResident(prefix);
  if (points > 0) await give('demo-staff', openid, points);
  return openid;
}

/** A person of the demo community who is a member of the 共建单位 `unitId` (and nothing more). */
export async function unitMember(unitId: string, prefix = 'unit'): Promise<string> {
  const openid = await newResident(prefix);
  const { id } = await meOf(openid);
  await updateDoc('users', id, { grants: [{ role: 'unit_member', communityId: 'c_beihai', unitId, grantedBy: 'test', grantedAt: Date.now() }] });
  return openid;
}

export async function redeemAs(openid: string, goodsId: string, quantity = 1): Promise<Order> {
  return (await okFn<{ order: Order }>(openid, 'points', { action: 'redeem', goodsId, quantity })).order;
}

/** Requests the page sent for one action of the points function. */
export function sentPoints(action: string): Record<string, any>[] {
  return recorded.requests
    .filter((r) => r.url.endsWith('/fn/points'))
    .map((r) => r.data as Record<string, any>)
    .filter((d) => d?.action === action);
}

/** YYYY-MM-DD HH:mm in Beijing time, computed without the page's helpers. */
export function beijing(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
