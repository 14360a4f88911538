import type { UnitGoods, UnitNeed, UnitPerson, UnitPortal, UnitProject } from '../../typings/unit';
import { action } from '../core/define';
import { forbidden, invalid, notFound } from '../core/errors';
import { maskName } from '../core/mask';
import { GRID_JOIN, UNITS, mayVerify, type GridDoc, type UnitDoc } from '../community/model';
import { NEEDS, PROJECTS, RESOURCES, type NeedDoc, type ProjectDoc, type ResourceDoc } from '../lists/model';
import { GOODS, ORDERS, type GoodsDoc, type OrderDoc } from '../points/model';
import { findWith, readWith } from '../platform/aggregate';
import { once, requestKey } from '../platform/idempotency';
import { docs, findMany, type DocData } from '../platform/store';
import { transact } from '../platform/tx';
import { isStaff, requireMember } from '../user/caller';
import { USERS, grantFor, type UserDoc } from '../user/model';
import { recordParty, type Member, type PartyCtx } from './context';
import { REGISTRATIONS, type RegistrationDoc } from './model';
import { setVerifierSchema, unitPortalSchema } from './schemas';

const LIST = 20;
const MEMBERS = 200;

/** The unit the caller asks about: a member's own (another unit is not theirs to see), or, for staff, the one named. */
async function unitOf(user: Member, unitId: string | undefined): Promise<string> {
  const own = grantFor(user, 'unit_member')?.unitId;
  if (isStaff(user)) {
    if (unitId) return unitId;
    if (own) return own;
    throw invalid('请选择共建单位');
  }
  if (!own) throw forbidden('只有共建单位成员可以查看单位主页');
  if (unitId && unitId !== own) throw forbidden('只能查看本单位的主页');
  return own;
}

/** Who holds unit_member of the unit in its community. */
const membersWhere = (unit: UnitDoc) => ({ communityId: unit.communityId, grants: { $elemMatch: { role: 'unit_member', unitId: unit._id, communityId: unit.communityId } } });

function people(unit: UnitDoc, rows: UserDoc[], contactId: string | undefined, viewer: Member): UnitPerson[] {
  return rows
    .filter((u) => !u.deletedAt)
    .map((u) => ({ userId: u._id, name: isStaff(viewer) ? u.displayName : maskName(u.displayName), verifier: mayVerify(unit, u._id), contact: u._id === contactId }))
    .sort((a, b) => Number(b.contact) - Number(a.contact) || Number(b.verifier) - Number(a.verifier));
}

const toProject = (p: ProjectDoc): UnitProject => ({ id: p._id, title: p.title, category: p.category, status: p.status, people: p.people, ...(p.plannedStart ? { plannedStart: p.plannedStart } : {}) });

function toGoods(g: GoodsDoc, pendingOrders: OrderDoc[]): UnitGoods {
  const pending = pendingOrders.filter((o) => o.goodsId === g._id).reduce((s, o) => s + o.quantity, 0);
  // Supplied pieces are on the shelf, held by pending orders, or picked up.
  return { id: g._id, name: g.name, cost: g.cost, stock: g.stock, pending, redeemed: Math.max(0, g.supplied - g.stock - pending), onShelf: g.status === 'on_shelf' };
}

/**
 * 单位主页 in three database requests: who calls; the unit with its projects, resources, members,
 * goods, pending pickups and registration joined in one aggregation; the open needs its resources fit.
 */
export const unitPortal = action(unitPortalSchema, async function unitPortal(ctx: PartyCtx, input): Promise<UnitPortal> {
  const user = await requireMember(ctx.openid);
  const unitId = await unitOf(user, input.unitId);
  const c = user.communityId;
  const got = await readWith(UNITS, { _id: unitId, communityId: c }, {
    open: { from: PROJECTS, where: { communityId: c, status: 'recruiting', ownerUnitId: { $exists: false } }, orderBy: [['updatedAt', 'desc']], limit: LIST },
    claimed: { from: PROJECTS, where: { communityId: c, ownerUnitId: unitId }, orderBy: [['updatedAt', 'desc']], limit: LIST },
    resources: { from: RESOURCES, where: { communityId: c, unitId, status: 'active' }, limit: 50 },
    members: { from: USERS, where: { grants: { $elemMatch: { role: 'unit_member', unitId, communityId: c } } }, limit: MEMBERS },
    goods: { from: GOODS, where: { communityId: c, unitId }, orderBy: [['updatedAt', 'desc']], limit: LIST },
    pending: { from: ORDERS, where: { communityId: c, unitId, status: 'pending' }, limit: 500 },
    registration: { from: REGISTRATIONS, where: { communityId: c, kind: 'unit', unitId, status: 'confirmed' }, limit: 1 },
  });
  if (!got) throw notFound('共建单位不存在');
  const unit = got.doc as unknown as UnitDoc;
  const r = got.rows;
  const reg = (r.registration as unknown as RegistrationDoc[])[0];
  const categories = [...new Set((r.resources as unknown as ResourceDoc[]).flatMap((x) => x.categories))];
  const needs = categories.length ? await findWith<NeedDoc, { grid: typeof GRID_JOIN }>(NEEDS, { communityId: c, status: 'open', category: { $in: categories } }, { orderBy: [['createdAt', 'asc']], limit: LIST }, { grid: GRID_JOIN }) : [];
  const members = people(unit, r.members as unknown as UserDoc[], reg?.userId, user);
  return {
    unit: { id: unit._id, name: unit.name, kind: unit.kind },
    ...(reg ? { registrationId: reg._id } : {}),
    manages: isStaff(user) || reg?.userId === user._id,
    verifies: isStaff(user) || mayVerify(unit, user._id),
    projects: { open: (r.open as unknown as ProjectDoc[]).map(toProject), claimed: (r.claimed as unknown as ProjectDoc[]).map(toProject) },
    needs: needs.map(({ doc, rows }): UnitNeed => {
      const grid = (rows.grid as DocData[])[0] as unknown as GridDoc | undefined;
      return { id: doc._id, title: doc.title, category: doc.category, createdAt: doc.createdAt, ...(grid ? { gridName: grid.name } : {}) };
    }),
    members,
    goods: (r.goods as unknown as GoodsDoc[]).map((g) => toGoods(g, r.pending as unknown as OrderDoc[])),
  };
});

/**
 * 核销人员: the unit's contact (or staff) names the members who verify pickups of its goods. The
 * first change turns "every member" into a list of names, all of today's members but the one removed.
 */
export const setVerifier = action(setVerifierSchema, async function setVerifier(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const unitId = await unitOf(user, input.unitId);
  const unit = await docs.get<UnitDoc>(UNITS, unitId);
  if (!unit || unit.communityId !== user.communityId) throw notFound('共建单位不存在');
  const [reg] = await findMany<RegistrationDoc>(REGISTRATIONS, { communityId: unit.communityId, kind: 'unit', unitId, status: 'confirmed' }, { limit: 1 });
  if (!isStaff(user) && reg?.userId !== user._id) throw forbidden('只有单位联系人或社区工作人员可以指定核销人员');
  const rows = await findMany<UserDoc>(USERS, membersWhere(unit), { limit: MEMBERS });
  const memberIds = rows.filter((u) => !u.deletedAt).map((u) => u._id);
  if (!memberIds.includes(input.userId)) throw notFound('此人不是本单位成员');
  await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'setVerifier', input.requestId), async () => {
      const cur = (await tx.get<UnitDoc>(UNITS, unitId))!;
      const before = cur.verifierIds ?? memberIds;
      const after = input.verifier ? [...new Set([...before, input.userId])] : before.filter((id) => id !== input.userId);
      if (cur.verifierIds && after.length === before.length && after.every((id) => before.includes(id))) return true;
      await tx.update(UNITS, unitId, { verifierIds: after });
      const target = reg?._id ?? unitId;
      await recordParty(tx, 'registration', target, unit.communityId, null, input.verifier ? 'verifier_added' : 'verifier_removed', user, ctx.now, `${input.verifier ? '指定' : '取消'}核销人员`);
      return true;
    }),
  );
  const saved = (await docs.get<UnitDoc>(UNITS, unitId))!;
  const fresh = await findMany<UserDoc>(USERS, membersWhere(saved), { limit: MEMBERS });
  return { members: people(saved, fresh, reg?.userId, user), verifies: isStaff(user) || mayVerify(saved, user._id) };
});
