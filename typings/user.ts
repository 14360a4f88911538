import type { Idempotent } from './api';

export type Role = 'resident' | 'volunteer' | 'unit_member' | 'grid_worker' | 'staff' | 'admin';

/** Roles someone can be granted by invite (admin is granted by deployment only). */
export type InvitableRole = 'volunteer' | 'unit_member' | 'grid_worker' | 'staff';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  unit_member: '共建单位成员',
  grid_worker: '网格员',
  staff: '社区工作者',
  admin: '管理员',
};

export interface CommunityRef {
  id: string;
  name: string;
  /** Short code used in QR scenes: c=<code>. */
  code: string;
}

/** What the caller sees of themself. */
export interface Me {
  id: string;
  displayName: string;
  avatarUrl?: string;
  /** Only ever returned to its owner (and staff of the community). */
  phone?: string;
  community?: CommunityRef;
  grid?: { id: string; name: string };
  unit?: { id: string; name: string };
  /** Every role the caller holds in their current community; always includes resident. */
  roles: Role[];
  /** The highest of `roles`, for display. */
  role: Role;
  createdAt: number;
}

export interface Invite {
  code: string;
  role: InvitableRole;
  communityId: string;
  gridId?: string;
  unitId?: string;
  expiresAt: number;
}

export interface UserApi {
  login: { req: { scene?: string }; res: { me: Me; created: boolean } };
  me: { req: Record<string, never>; res: { me: Me } };
  bindCommunity: { req: { scene: string } & Idempotent; res: { me: Me } };
  updateProfile: {
    req: { displayName?: string; phone?: string; avatarUrl?: string } & Idempotent;
    res: { me: Me };
  };
  createInvite: {
    req: { role: InvitableRole; gridId?: string; unitId?: string; ttlHours?: number } & Idempotent;
    res: { invite: Invite };
  };
  redeemInvite: { req: { code: string } & Idempotent; res: { me: Me } };
  qrcode: {
    req: { scene: string; page?: string } & Idempotent;
    res: { scene: string; /** A PNG data URL of the mini-program code. */ image: string };
  };
}
