import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound, precondition } from '../core/errors';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { recordChange } from '../platform/events';
import { GRIDS, GridDoc, UNITS, UnitDoc } from '../community/model';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { USERS, USER_EVENTS, UserDoc, hasRole, rolesOf, type Grant } from '../user/model';
import { actorLabel, unitIdOf } from '../user/view';
import { listUnitOffers, offerId } from '../lists/unit-offers';
import type { Commitment, RegisterRequest } from '../../typings/party';
import { decideSchema, progressSchema, registerSchema, registrationsSchema, rejectSchema, setPostsSchema } from './schemas';
import { REGISTRATIONS, RegistrationDoc, POSTS, registrationId } from './model';
import { loadRegistration, recordParty, type Member, type PartyCtx } from './context';
import { assertPosts, postsOf } from './posts';
import { toRegistration } from './view';

const need = <T>(value: T | undefined, message: string): T => {
  if (value === undefined || (Array.isArray(value) && !value.length)) throw invalid(message);
  return value;
};

/** What each kind of registration must say, checked against the community's lists. */
async function fieldsOf(user: Member, input: RegisterRequest): Promise<Partial<RegistrationDoc>> {
  if (input.kind === 'member') {
    const posts = assertPosts(need(input.posts, '请至少选择一个岗位'), await postsOf(docs, user.communityId));
    return { branch: need(input.branch, '请填写所在党组织'), workUnit: need(input.workUnit, '请填写工作单位'), posts, showBadge: input.showBadge ?? true };
  }
  if (input.kind === 'unit') {
    const unitId = unitIdOf(user);
    if (!unitId) throw forbidden('共建单位报到请由单位联系人（共建单位成员）提交');
    const unit = await docs.get<UnitDoc>(UNITS, unitId);
    if (!unit || unit.communityId !== user.communityId) throw notFound('共建单位不存在');
    const commitments: Commitment[] = need(input.commitments, '请至少填写一项年度承诺事项').map((c) => ({ ...c, id: randomBytes(4).toString('hex'), done: 0 }));
    const offers = [...new Map((input.offers ?? []).map((o) => [offerId(o.title), { id: offerId(o.title), title: o.title, category: o.category }])).values()];
    const resources = input.offers ? offers.map((o) => o.title) : (input.resources ?? []);
    return { branch: need(input.branch, '请填写单位党组织'), unitId, unitName: unit.name, contact: input.contact ?? user.displayName, resources, offers, commitments };
  }
  const grid = await docs.get<GridDoc>(GRIDS, need(input.gridId, '请选择常跑的网格'));
  if (!grid || grid.communityId !== user.communityId) throw invalid('网格不在本社区');
  return { workUnit: need(input.workUnit, '请填写所在平台或公司'), gridId: grid._id };
}

/**
 * 双报到: one registration per person and kind. Sent again while it waits, it is updated; after a
 * refusal it waits again; once confirmed it stays as it is.
 */
export const register = action(registerSchema, async function register(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const fields = await fieldsOf(user, input);
  const id = registrationId(user.communityId, user._id, input.kind);
  const saved = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'register', input.requestId), async () => {
      const cur = await tx.get<RegistrationDoc>(REGISTRATIONS, id);
      if (cur?.status === 'confirmed') throw conflict('您已报到，无需重复提交');
      const next: RegistrationDoc = {
        _id: id,
        communityId: user.communityId,
        userId: user._id,
        kind: input.kind,
        status: 'pending',
        name: user.displayName,
        phone: input.phone,
        posts: [],
        showBadge: false,
        resources: [],
        commitments: [],
        ...fields,
        createdAt: cur?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(REGISTRATIONS, id, next);
      if (cur?.status !== 'pending') await recordParty(tx, 'registration', id, user.communityId, cur?.status ?? null, 'pending', user, ctx.now, cur ? '重新提交报到' : '提交报到');
      return next;
    }),
  );
  return { registration: toRegistration(saved) };
});

export const mine = action(z.object({}), async function mine(ctx: PartyCtx) {
  const user = await requireMember(ctx.openid);
  const [rows, posts] = await Promise.all([findMany<RegistrationDoc>(REGISTRATIONS, { communityId: user.communityId, userId: user._id }, { limit: 3 }), postsOf(docs, user.communityId)]);
  return { registrations: rows.map((r) => toRegistration(r)), posts, party: rows.some((r) => r.kind === 'member' && r.status === 'confirmed') };
});

export const registrations = action(registrationsSchema, async function registrations(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, ...(input.status ? { status: input.status } : {}), ...(input.kind ? { kind: input.kind } : {}) };
  const rows = await findMany<RegistrationDoc>(REGISTRATIONS, where, { orderBy: [['createdAt', 'desc']], skip: offset, limit: PAGE_MAX + 1 });
  const grids = new Map((await findMany<GridDoc>(GRIDS, { communityId: user.communityId }, { limit: 100 })).map((g) => [g._id, g.name]));
  const page = pageOf(rows, offset, PAGE_MAX);
  return { ...page, items: page.items.map((r) => toRegistration(r, r.gridId ? grids.get(r.gridId) : undefined)) };
});

/**
 * The role a confirmed registration brings: a party member who holds no volunteering role
 * becomes a volunteer (so they can claim wishes); a courier becomes a part-time grid worker of
 * their grid. Recorded as any change of roles is.
 */
function grantOf(r: RegistrationDoc, person: UserDoc, staff: UserDoc, at: number): Grant | undefined {
  const here = { ...person, communityId: r.communityId };
  if (r.kind === 'member' && !hasRole(here, 'volunteer', 'unit_member')) return { role: 'volunteer', communityId: r.communityId, grantedBy: staff._id, grantedAt: at };
  if (r.kind === 'courier' && !person.grants.some((g) => g.role === 'grid_worker' && g.communityId === r.communityId && g.gridId === r.gridId))
    return { role: 'grid_worker', communityId: r.communityId, gridId: r.gridId, partTime: true, grantedBy: staff._id, grantedAt: at };
  return undefined;
}

/**
 * Staff decide on a pending registration, in one transaction with its event; `also` writes what
 * the decision brings (a role) before the registration changes.
 */
async function decide(
  ctx: PartyCtx,
  input: { id: string; requestId?: string },
  to: 'confirmed' | 'rejected',
  reason: string | undefined,
  also: (tx: DocStore, r: RegistrationDoc, staff: Member) => Promise<void>,
) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const saved = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', to === 'confirmed' ? 'confirm' : 'reject', input.requestId), async () => {
      const r = await loadRegistration(tx, input.id, user);
      if (r.status !== 'pending') throw precondition(r.status === 'confirmed' ? '该报到已确认' : '该报到已退回，待本人重新提交');
      await also(tx, r, user);
      const next: RegistrationDoc = { ...r, status: to, ...(reason ? { reason } : {}), decidedBy: user._id, decidedAt: ctx.now, updatedAt: ctx.now };
      await tx.set(REGISTRATIONS, r._id, next);
      await recordParty(tx, 'registration', r._id, r.communityId, r.status, to, user, ctx.now, reason);
      return next;
    }),
  );
  return { registration: toRegistration(saved) };
}

export const confirm = action(decideSchema, async function confirm(ctx: PartyCtx, input) {
  const caller = await requireMember(ctx.openid);
  const gridIds = (await findMany<GridDoc>(GRIDS, { communityId: caller.communityId }, { limit: 100 })).map((g) => g._id);
  return decide(ctx, input, 'confirmed', undefined, async (tx, r, staff) => {
    if (r.kind === 'unit' && r.unitId && r.offers?.length) await listUnitOffers(tx, { ...r, unitId: r.unitId, unitName: r.unitName ?? r.name, offers: r.offers }, staff, ctx.now, gridIds);
    const person = await tx.get<UserDoc>(USERS, r.userId);
    if (!person || person.deletedAt || person.communityId !== r.communityId) throw precondition('报到人已不在本社区');
    const grant = grantOf(r, person, staff, ctx.now);
    if (!grant) return;
    const after: UserDoc = { ...person, grants: [...person.grants, grant], updatedAt: ctx.now };
    await tx.set(USERS, person._id, after);
    const why = r.kind === 'courier' ? '兼职网格员报到备案确认' : '在职党员报到确认';
    const by = { id: staff._id, label: actorLabel(staff, r.communityId) };
    await recordChange(tx, USER_EVENTS, { communityId: r.communityId, target: 'user', targetId: person._id, at: ctx.now, field: 'roles', from: rolesOf(person).join(','), to: rolesOf(after).join(','), by, why });
  });
});

export const reject = action(rejectSchema, async function reject(ctx: PartyCtx, input) {
  return decide(ctx, input, 'rejected', input.reason, async () => undefined);
});

/** 亮承诺 kept up: the unit's contact (or staff) records how far a commitment has come; the report reads it. */
export const progress = action(progressSchema, async function progress(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const saved = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'progress', input.requestId), async () => {
      const r = await loadRegistration(tx, input.id, user);
      if (r.userId !== user._id && !isStaff(user)) throw forbidden('只有单位联系人或社区工作人员可以更新承诺进度');
      if (r.status !== 'confirmed') throw precondition('报到确认后才能更新承诺进度');
      const c = r.commitments.find((x) => x.id === input.commitmentId);
      if (!c) throw notFound('承诺事项不存在');
      const next: RegistrationDoc = { ...r, commitments: r.commitments.map((x) => (x === c ? { ...x, done: input.done } : x)), updatedAt: ctx.now };
      await tx.set(REGISTRATIONS, r._id, next);
      await recordParty(tx, 'registration', r._id, r.communityId, `${c.title} ${c.done}`, `${c.title} ${input.done}`, user, ctx.now, `承诺进度 ${input.done}/${c.target}${c.unit}`);
      return next;
    }),
  );
  return { registration: toRegistration(saved) };
});

export const posts = action(z.object({}), async function posts(ctx: PartyCtx) {
  const user = await requireMember(ctx.openid);
  return { posts: await postsOf(docs, user.communityId) };
});

export const setPosts = action(setPostsSchema, async function setPosts(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以维护岗位清单');
  const list = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'setPosts', input.requestId), async () => {
      const unique = [...new Set(input.posts)];
      await tx.set(POSTS, user.communityId, { posts: unique, updatedBy: user._id, updatedAt: ctx.now });
      return unique;
    }),
  );
  return { posts: list };
});
