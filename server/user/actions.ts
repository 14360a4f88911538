import * as z from 'zod/mini';
import { action } from '../core/define';
import { forbidden, invalid, notFound, precondition, conflict } from '../core/errors';
import { requestId, text, id } from '../core/validation';
import { docs, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { screenText } from '../core/screen';
import { COMMUNITIES, CommunityDoc, GRIDS, GridDoc, UNITS, UnitDoc } from '../community/model';
import { OpenApiError, miniProgramCode } from '../platform/openapi';
import { JOIN_PAGE, formatScene } from './scene';
import { USERS, UserDoc, mayInvite } from './model';
import { INVITES, inviteCode, normalizeCode } from './invite';
import { UserCtx, meView, requireUser } from './lookup';
import { assertStaff, requireMember } from './caller';
import { memberNumber } from './member-number';

const INVITE_TTL_HOURS = 72;

export const me = action(z.object({}), async function me(ctx: UserCtx) {
  return { me: await meView(await requireUser(ctx)) };
});

/** 我的积分码: the member's short number in their community (given on first asking), for staff to scan or type. */
export const memberCode = action(z.object({}), async function memberCode(ctx: UserCtx) {
  const user = await requireMember(ctx.openid);
  return { memberNo: await memberNumber(user._id, user.communityId, ctx.now) };
});

export const updateProfile = action(
  z.object({
    displayName: z.optional(text('昵称', 20)),
    phone: z.optional(z.string({ error: '手机号须为文字' }).check(z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号码'))),
    avatarUrl: z.optional(
      z.string({ error: '头像地址不正确' }).check(z.maxLength(500, '头像地址过长'), z.regex(/^(cloud|https?):\/\//, '头像地址不正确')),
    ),
    requestId,
  }),
  async function updateProfile(ctx: UserCtx, input) {
    const user = await requireUser(ctx);
    if (input.displayName === undefined && input.phone === undefined && input.avatarUrl === undefined) {
      throw invalid('请填写要修改的资料');
    }
    const screening = input.displayName ? await screenText(input.displayName, user.openid) : undefined;
    if (screening?.verdict === 'risky') throw invalid('昵称含有不适宜的内容，请修改后再试');
    // A name that could not be checked is never shown to neighbours: the old one stays for now.
    const nameHeld = screening?.verdict === 'held';
    const updated = await transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'updateProfile', input.requestId), async () => {
        const cur = (await tx.get<UserDoc>(USERS, user._id))!;
        const next: UserDoc = { ...cur, profileAsked: true, updatedAt: ctx.now };
        if (input.displayName !== undefined && !nameHeld) next.displayName = input.displayName;
        if (input.phone !== undefined) next.phone = input.phone;
        if (input.avatarUrl !== undefined) next.avatarUrl = input.avatarUrl;
        await tx.set(USERS, cur._id, next);
        return next;
      }),
    );
    return { me: await meView(updated), ...(nameHeld ? { nameHeld: '昵称暂时无法完成安全检查，先保留原昵称，请稍后再改' } : {}) };
  },
);

export const createInvite = action(
  z.object({
    role: z.enum(['volunteer', 'unit_member', 'grid_worker', 'county', 'staff'], { error: '邀请的身份不正确' }),
    gridId: z.optional(id('网格')),
    unitId: z.optional(id('共建单位')),
    ttlHours: z.optional(
      z.number({ error: '有效期须为数字' }).check(z.int('有效期须为整数小时'), z.minimum(1, '有效期至少1小时'), z.maximum(720, '有效期最长30天')),
    ),
    requestId,
  }),
  async function createInvite(ctx: UserCtx, input) {
    const user = await requireUser(ctx);
    if (!user.communityId || !mayInvite(user, input.role)) throw forbidden('只有社区工作人员可以生成该邀请码');
    const communityId = user.communityId;
    if (input.role === 'grid_worker') {
      if (!input.gridId) throw invalid('邀请网格员须选择网格');
      const grid = await docs.get<GridDoc>(GRIDS, input.gridId);
      if (!grid || grid.communityId !== communityId) throw notFound('本社区没有这个网格');
    }
    if (input.role === 'unit_member') {
      if (!input.unitId) throw invalid('邀请共建单位成员须选择单位');
      const unit = await docs.get<UnitDoc>(UNITS, input.unitId);
      if (!unit || unit.communityId !== communityId) throw notFound('本社区没有这个共建单位');
    }
    const invite = await transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'createInvite', input.requestId), async () => {
        for (;;) {
          const code = inviteCode();
          if (await tx.get(INVITES, code)) continue;
          const doc = {
            code,
            role: input.role,
            communityId,
            gridId: input.role === 'grid_worker' ? input.gridId : undefined,
            unitId: input.role === 'unit_member' ? input.unitId : undefined,
            createdBy: user._id,
            createdAt: ctx.now,
            expiresAt: ctx.now + (input.ttlHours ?? INVITE_TTL_HOURS) * 3600_000,
          };
          await tx.set(INVITES, code, doc);
          return doc;
        }
      }),
    );
    const { createdBy: _by, createdAt: _at, ...view } = invite;
    return { invite: view, ...(await inviteQr(communityId, invite.code)) };
  },
);

/**
 * The invite also as a mini-program code: scanned, it brings a newcomer into the community and onto
 * the page that takes it. The code alone still works when WeChat cannot make the image now.
 */
async function inviteQr(communityId: string, code: string): Promise<{ qr?: { scene: string; image: string } }> {
  const community = await docs.get<CommunityDoc>(COMMUNITIES, communityId);
  const scene = formatScene({ community: community!.code, unit: code });
  try {
    const png = await miniProgramCode(scene, JOIN_PAGE);
    return { qr: { scene, image: `data:image/png;base64,${png.toString('base64')}` } };
  } catch (e) {
    if (e instanceof OpenApiError) return {};
    throw e;
  }
}

/** The community's co-building units (共建单位), for staff to pick the one an invited member joins. */
export const units = action(z.object({}), async function units(ctx: UserCtx) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const rows = await findMany<UnitDoc>(UNITS, { communityId: user.communityId }, { orderBy: [['name', 'asc']], limit: 200 });
  return { units: rows.map((u) => ({ id: u._id, name: u.name, kind: u.kind })) };
});

interface InviteDoc {
  _id: string;
  code: string;
  role: 'volunteer' | 'unit_member' | 'grid_worker' | 'county' | 'staff';
  communityId: string;
  gridId?: string;
  unitId?: string;
  createdBy: string;
  expiresAt: number;
  redeemedBy?: string;
  redeemedAt?: number;
}

export const redeemInvite = action(
  z.object({ code: z.string({ error: '请输入邀请码' }).check(z.minLength(4, '邀请码不正确'), z.maxLength(20, '邀请码不正确')), requestId }),
  async function redeemInvite(ctx: UserCtx, input) {
    const user = await requireUser(ctx);
    const code = normalizeCode(input.code);
    const updated = await transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'redeemInvite', input.requestId), async () => {
        const invite = await tx.get<InviteDoc>(INVITES, code);
        if (!invite) throw notFound('邀请码不存在，请核对后重新输入');
        if (invite.redeemedBy) throw conflict(invite.redeemedBy === user._id ? '您已使用过这个邀请码' : '邀请码已被使用');
        if (invite.expiresAt < ctx.now) throw precondition('邀请码已过期，请联系社区重新生成');
        const cur = (await tx.get<UserDoc>(USERS, user._id))!;
        // A county officer takes on one more community to oversee, from wherever they are, and stays there.
        const county = invite.role === 'county';
        if (!county && cur.communityId && cur.communityId !== invite.communityId) throw forbidden('邀请码属于其他社区，请先扫描该社区的二维码');
        const grants = cur.grants.filter((g) => !(g.role === invite.role && g.communityId === invite.communityId));
        grants.push({
          role: invite.role,
          communityId: invite.communityId,
          gridId: invite.gridId,
          unitId: invite.unitId,
          grantedBy: invite.createdBy,
          grantedAt: ctx.now,
        });
        const next: UserDoc = { ...cur, communityId: county && cur.communityId ? cur.communityId : invite.communityId, grants, updatedAt: ctx.now };
        await tx.set(USERS, cur._id, next);
        await tx.set(INVITES, code, { ...invite, redeemedBy: user._id, redeemedAt: ctx.now });
        return next;
      }),
    );
    return { me: await meView(updated) };
  },
);
