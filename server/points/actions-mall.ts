import * as z from 'zod/mini';
import { action } from '../core/define';
import { invalid, notFound } from '../core/errors';
import { requestId } from '../core/validation';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember, assertStaff } from '../user/caller';
import { COMMUNITIES, CommunityDoc, UNITS, UnitDoc } from '../community/model';
import { AUDIT, AuditDoc, GOODS, GoodsDoc, HOLDINGS } from './model';
import { HoldingDoc, Member, PointsCtx, audit, changesOf, newId } from './context';
import { goodsFields, goodsId, reason } from './schemas';
import { isStaffOf, toAudit, toGoods } from './view';

/** Pieces of each item the viewer holds, for "how many more may I redeem". */
async function heldBy(userId: string, goods: GoodsDoc[]): Promise<Map<string, number>> {
  if (!goods.length) return new Map();
  const rows = await findMany<HoldingDoc>(HOLDINGS, { userId, goodsId: { $in: goods.map((g) => g._id) } }, { limit: 100 });
  return new Map(rows.map((h) => [h.goodsId, h.count]));
}

export async function loadGoods(store: DocStore, id: string, viewer: Member): Promise<GoodsDoc> {
  const g = await store.get<GoodsDoc>(GOODS, id);
  // Off-shelf goods are the staff's business; another community's goods do not exist for us.
  if (!g || g.communityId !== viewer.communityId || (g.status !== 'on_shelf' && !isStaffOf(viewer, g.communityId))) throw notFound('商品不存在或已下架');
  return g;
}

export const goods = action(z.object({ all: z.optional(z.boolean({ error: '参数不正确' })), cursor, limit }), async function goods(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  if (input.all) assertStaff(user);
  const size = input.limit ?? PAGE_MAX;
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, ...(input.all ? {} : { status: 'on_shelf' }) };
  const rows = await findMany<GoodsDoc>(GOODS, where, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip: offset, limit: size + 1 });
  const page = pageOf(rows, offset, size);
  const held = await heldBy(user._id, page.items);
  return { items: page.items.map((g) => toGoods(g, user, held.get(g._id) ?? 0)), next: page.next };
});

export const goodsDetail = action(z.object({ id: goodsId }), async function goodsDetail(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const g = await loadGoods(docs, input.id, user);
  const held = await heldBy(user._id, [g]);
  return { goods: toGoods(g, user, held.get(g._id) ?? 0) };
});

/** The provider shown with the goods: a 共建单位 of the community, or the community itself. */
async function providerOf(communityId: string, unitId: string | undefined): Promise<string> {
  if (unitId) {
    const unit = await docs.get<UnitDoc>(UNITS, unitId);
    if (!unit || unit.communityId !== communityId) throw invalid('提供商品的共建单位不存在');
    return unit.name;
  }
  return (await docs.get<CommunityDoc>(COMMUNITIES, communityId))?.name ?? '社区';
}

const EDITABLE: Array<keyof GoodsDoc> = ['name', 'description', 'photo', 'cost', 'unitId', 'providerName', 'pickupPlace', 'perPersonLimit'];

const withId = { id: goodsId, requestId };
const manageSchema = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('create'), ...goodsFields, stock: quantityOrZero(), requestId }),
    z.object({
      op: z.literal('edit'),
      ...withId,
      name: z.optional(goodsFields.name),
      description: z.optional(goodsFields.description),
      photo: z.optional(goodsFields.photo),
      cost: z.optional(goodsFields.cost),
      unitId: z.optional(z.nullable(goodsFields.unitId)),
      pickupPlace: z.optional(goodsFields.pickupPlace),
      perPersonLimit: goodsFields.perPersonLimit,
      reason: z.optional(reason('修改原因')),
    }),
    z.object({ op: z.literal('restock'), ...withId, quantity: z.number({ error: '补货数量须为数字' }).check(z.int('补货数量须为整数'), z.minimum(1, '补货数量须在1到10000之间'), z.maximum(10000, '补货数量须在1到10000之间')), reason: z.optional(reason('补货说明')) }),
    z.object({ op: z.literal('offShelf'), ...withId, reason: reason('下架原因') }),
    z.object({ op: z.literal('onShelf'), ...withId }),
  ],
  { error: '商品操作类型不正确' },
);

function quantityOrZero() {
  return z.number({ error: '库存须为数字' }).check(z.int('库存须为整数'), z.minimum(0, '库存须在0到10000之间'), z.maximum(10000, '库存须在0到10000之间'));
}

/** Staff: create, edit, restock, take off or put back on the shelf; every change is audited in its transaction. */
export const manageGoods = action(manageSchema, async function manageGoods(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以管理积分商品');
  const unitChange = input.op === 'create' || (input.op === 'edit' && input.unitId !== undefined);
  const providerName = unitChange ? await providerOf(user.communityId, (input as { unitId?: string | null }).unitId ?? undefined) : undefined;
  const goodsKey = await transact((tx) =>
    once(tx, requestKey(user._id, 'points', `manageGoods.${input.op}`, input.requestId), async () => {
      const at = ctx.now;
      if (input.op === 'create') {
        const g: GoodsDoc = {
          _id: newId('gd'),
          communityId: user.communityId,
          name: input.name,
          description: input.description,
          photo: input.photo,
          cost: input.cost,
          stock: input.stock,
          supplied: input.stock,
          unitId: input.unitId,
          providerName: providerName!,
          pickupPlace: input.pickupPlace,
          perPersonLimit: input.perPersonLimit ?? 1,
          status: 'on_shelf',
          createdBy: user._id,
          createdAt: at,
          updatedAt: at,
        };
        await tx.set(GOODS, g._id, g);
        await audit(tx, user, g.communityId, at, { action: 'goods.create', target: { type: 'goods', id: g._id }, changes: changesOf({} as GoodsDoc, g, [...EDITABLE, 'stock']) });
        return g._id;
      }
      const g = await tx.get<GoodsDoc>(GOODS, input.id);
      if (!g || g.communityId !== user.communityId) throw notFound('商品不存在');
      let next: GoodsDoc;
      let why: string | undefined;
      if (input.op === 'edit') {
        const { op: _op, id: _id, requestId: _rid, reason: r, unitId, ...fields } = input;
        const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        next = { ...g, ...patch, ...(unitId !== undefined ? { unitId: unitId ?? undefined, providerName: providerName! } : {}) };
        why = r;
      } else if (input.op === 'restock') {
        next = { ...g, stock: g.stock + input.quantity, supplied: g.supplied + input.quantity };
        why = input.reason;
      } else if (input.op === 'offShelf') {
        next = { ...g, status: 'off_shelf' };
        why = input.reason;
      } else {
        next = { ...g, status: 'on_shelf' };
      }
      const changes = changesOf(g, next, [...EDITABLE, 'stock', 'supplied', 'status']);
      if (!changes || !Object.keys(changes).length) return g._id;
      await tx.set(GOODS, g._id, { ...next, updatedAt: at });
      await audit(tx, user, g.communityId, at, { action: `goods.${input.op}`, target: { type: 'goods', id: g._id }, reason: why, changes });
      return g._id;
    }),
  );
  const g = (await docs.get<GoodsDoc>(GOODS, goodsKey))!;
  const held = await heldBy(user._id, [g]);
  return { goods: toGoods(g, user, held.get(g._id) ?? 0) };
});

export const auditLog = action(z.object({ targetId: z.optional(goodsId), cursor }), async function auditLog(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, ...(input.targetId ? { 'target.id': input.targetId } : {}) };
  const rows = await findMany<AuditDoc>(AUDIT, where, { orderBy: [['at', 'desc'], ['_id', 'desc']], skip: offset, limit: PAGE_MAX + 1 });
  return pageOf(rows.map(toAudit), offset, PAGE_MAX);
});
