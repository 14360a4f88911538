import { action } from '../core/define';
import { maskName } from '../core/mask';
import { conflict, forbidden, notFound, precondition } from '../core/errors';
import { docs, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { recordChange } from '../platform/events';
import { miniProgramCode } from '../platform/openapi';
import { COMMUNITIES, type CommunityDoc } from '../community/model';
import { isStaff, requireMember } from '../user/caller';
import { USERS, USER_EVENTS, rolesOf, type UserDoc } from '../user/model';
import { actorLabel } from '../user/view';
import { INVITES, inviteCode, normalizeCode } from '../user/invite';
import { JOIN_PAGE, formatScene } from '../user/scene';
import { joinSchema, unitJoinSchema, unitSchema } from './schemas';
import { REGISTRATIONS, UNIT_CODES, type RegistrationDoc, type UnitCodeDoc } from './model';
import { loadRegistration, recordParty, type Member, type PartyCtx } from './context';

/** A confirmed unit's registration, for its contact or staff. */
async function ownUnit(user: Member, id: string): Promise<RegistrationDoc> {
  const r = await loadRegistration(docs, id, user);
  if (r.kind !== 'unit') throw notFound('共建单位报到记录不存在');
  if (r.userId !== user._id && !isStaff(user)) throw forbidden('只有单位联系人或社区工作人员可以查看');
  if (r.status !== 'confirmed') throw precondition('单位报到经社区确认后才能邀请成员');
  return r;
}

/**
 * The unit's join code, made once (in the transaction that keeps it on the registration) and
 * shown with a mini-program code whose scene carries the community, so a newcomer who scans it
 * lands in the community and on the join page.
 */
export const unitJoin = action(unitJoinSchema, async function unitJoin(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const r = await ownUnit(user, input.id);
  const code = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'unitJoin', input.requestId), async () => {
      const cur = (await tx.get<RegistrationDoc>(REGISTRATIONS, r._id))!;
      if (cur.joinCode) return cur.joinCode;
      for (;;) {
        const next = inviteCode();
        // Invite codes and join codes are typed in the same box, so neither may be the other.
        if ((await tx.get(UNIT_CODES, next)) || (await tx.get(INVITES, next))) continue;
        const doc: UnitCodeDoc = { _id: next, communityId: cur.communityId, registrationId: cur._id, unitId: cur.unitId!, createdBy: user._id, createdAt: ctx.now };
        await tx.set(UNIT_CODES, next, doc);
        await tx.set(REGISTRATIONS, cur._id, { ...cur, joinCode: next, updatedAt: ctx.now });
        return next;
      }
    }),
  );
  const community = (await docs.get<CommunityDoc>(COMMUNITIES, r.communityId))!;
  const scene = formatScene({ community: community.code, unit: code });
  const png = await miniProgramCode(scene, JOIN_PAGE);
  return { join: { code, unitName: r.unitName ?? r.name, scene, image: `data:image/png;base64,${png.toString('base64')}` } };
});

/**
 * 成员随单位报到: the person becomes a member of the unit (unit_member), so their services count
 * in the unit's 双报告. Joining again changes nothing; a member of another unit asks staff first.
 */
export const join = action(joinSchema, async function join(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const code = normalizeCode(input.code);
  const r = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'join', input.requestId), async () => {
      const doc = await tx.get<UnitCodeDoc>(UNIT_CODES, code);
      if (!doc) throw notFound('加入码不存在，请核对后重新输入');
      if (doc.communityId !== user.communityId) throw forbidden('加入码属于其他社区，请先扫描该社区的二维码');
      const reg = await tx.get<RegistrationDoc>(REGISTRATIONS, doc.registrationId);
      if (!reg || reg.status !== 'confirmed') throw precondition('该单位的报到已不在有效状态，请联系单位联系人');
      const cur = (await tx.get<UserDoc>(USERS, user._id))!;
      const held = cur.grants.find((g) => g.role === 'unit_member' && g.communityId === doc.communityId);
      if (held?.unitId === doc.unitId) return reg;
      if (held) throw conflict('您已是其他共建单位的成员，如需更换单位请联系社区');
      const next: UserDoc = { ...cur, grants: [...cur.grants, { role: 'unit_member', communityId: doc.communityId, unitId: doc.unitId, grantedBy: reg.userId, grantedAt: ctx.now }], updatedAt: ctx.now };
      await tx.set(USERS, cur._id, next);
      const why = `凭加入码加入共建单位「${reg.unitName ?? reg.name}」`;
      await recordChange(tx, USER_EVENTS, { communityId: doc.communityId, target: 'user', targetId: cur._id, at: ctx.now, field: 'roles', from: rolesOf(cur).join(','), to: rolesOf(next).join(','), by: { id: cur._id, label: actorLabel(cur, doc.communityId) }, why });
      await recordParty(tx, 'registration', reg._id, reg.communityId, null, 'member_joined', cur, ctx.now, why);
      return reg;
    }),
  );
  return { unitName: r.unitName ?? r.name, registrationId: r._id };
});

/** The unit's members, who joined by code or were invited by staff, newest first: staff see their names, the contact 张**. */
export const unitMembers = action(unitSchema, async function unitMembers(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const r = await ownUnit(user, input.id);
  const rows = await findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'unit_member', unitId: r.unitId, communityId: r.communityId } } }, { limit: 1000 });
  const since = (u: UserDoc) => u.grants.find((g) => g.role === 'unit_member' && g.unitId === r.unitId && g.communityId === r.communityId)?.grantedAt ?? u.createdAt;
  const members = rows.filter((u) => !u.deletedAt).map((u) => ({ userId: u._id, name: isStaff(user) ? u.displayName : maskName(u.displayName), since: since(u) })).sort((a, b) => b.since - a.since);
  return { members };
});
