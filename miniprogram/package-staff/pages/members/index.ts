import type { InvitableRole, Me, ResidentRow, RevocableRole } from '../../../../typings/user';
import type { Change, Tap } from '../../../base/events';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import { instanceState } from '../../../base/instance';
import * as user from '../../../services/user';
import { sendOnce } from '../../../services/retry';
import { pngFile, saveToAlbum } from '../../../services/files';
import { formatDateTime } from '../../../utils/date';
import { ROLE_LABELS } from '../../../utils/labels';
import { tell, toast } from '../../../utils/dialog';

interface Choice {
  id: string;
  label: string;
}

interface MemberView {
  id: string;
  displayName: string;
  detail: string;
}

interface InviteView {
  code: string;
  roleLabel: string;
  place: string;
  expires: string;
  image: string;
}

/** Staff invite and take back volunteers, unit members and grid workers; admins also staff and county officers (the server decides). */
function invitable(me: Me): InvitableRole[] {
  const admin = me.roles.includes('admin');
  return admin ? ['volunteer', 'grid_worker', 'unit_member', 'staff', 'county'] : ['volunteer', 'grid_worker', 'unit_member'];
}

function revocable(me: Me): RevocableRole[] {
  return me.roles.includes('admin') ? ['volunteer', 'grid_worker', 'unit_member', 'staff', 'county', 'admin'] : ['volunteer', 'grid_worker', 'unit_member'];
}

function memberView(r: ResidentRow): MemberView {
  const where = r.grid ? `${r.grid.name}${r.building ? ` ${r.building}` : ''}` : '未分网格';
  return { id: r.id, displayName: r.displayName, detail: [where, r.phoneMasked, r.memberNo && `会员号 ${r.memberNo}`].filter(Boolean).join(' · ') };
}

const own = instanceState<{ me?: Me }>(() => ({}));

/**
 * 成员管理: invite a volunteer, a grid worker (with their grid), a unit member (with their unit) —
 * as a code and a mini-program code that opens the page taking it — and, by role, who holds it,
 * with 撤销 and a reason (the person loses the role at their next call; the change is logged).
 */
Component({
  behaviors: [staffPage, retryKeyed],
  data: {
    inviteRoles: [] as Choice[],
    inviteRole: 'volunteer' as InvitableRole,
    /** The grids (for a grid worker) or units (for a unit member) the invite needs one of. */
    places: [] as Choice[],
    placeId: '',
    placeHint: '',
    invite: null as InviteView | null,
    roleTabs: [] as Choice[],
    role: 'volunteer' as RevocableRole,
    roleLabel: ROLE_LABELS.volunteer,
    members: [] as MemberView[],
    next: '' as string | undefined,
    revoking: null as MemberView | null,
    reason: '',
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureStaff(managersOnly);
      if (!me) return;
      own(this).me = me;
      this.setData({
        inviteRoles: invitable(me).map((r) => ({ id: r, label: ROLE_LABELS[r] })),
        roleTabs: revocable(me).map((r) => ({ id: r, label: ROLE_LABELS[r] })),
      });
      await this.reload();
    },

    async reload(more = false) {
      const res = await user.residents({ role: this.data.role, ...(more && this.data.next ? { cursor: this.data.next } : {}) });
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const rows = res.data.items.map(memberView);
      this.setData({ state: 'ready', members: more ? [...this.data.members, ...rows] : rows, next: res.data.next ?? '' });
    },

    onMore() {
      if (this.data.next) void this.reload(true);
    },

    async onInviteRole(e: Tap<{ id: InvitableRole }>) {
      const role = e.currentTarget.dataset.id;
      this.setData({ inviteRole: role, invite: null, places: [], placeId: '', placeHint: '' });
      if (role !== 'grid_worker' && role !== 'unit_member') return;
      const res = role === 'grid_worker' ? await user.grids() : await user.units();
      if (!res.ok) return toast(res.message);
      const places = 'grids' in res.data ? res.data.grids.map((g) => ({ id: g.id, label: g.name })) : res.data.units.map((u) => ({ id: u.id, label: u.name }));
      this.setData({ places, placeHint: places.length ? '' : role === 'grid_worker' ? '本社区还没有网格' : '本社区还没有共建单位，单位报到经确认后即可邀请其成员' });
    },

    onPlace(e: Tap<{ id: string }>) {
      this.setData({ placeId: e.currentTarget.dataset.id, invite: null });
    },

    async onCreateInvite() {
      const { inviteRole: role, placeId } = this.data;
      const needsPlace = role === 'grid_worker' || role === 'unit_member';
      if (needsPlace && !placeId) return toast(role === 'grid_worker' ? '请先选择网格' : '请先选择共建单位');
      if (this.data.busy) return;
      const req = { role, ...(role === 'grid_worker' ? { gridId: placeId } : role === 'unit_member' ? { unitId: placeId } : {}) };
      this.setData({ busy: true });
      const res = await user.createInvite(req);
      this.setData({ busy: false });
      if (!res.ok) return tell('未能生成邀请码', res.message);
      const { invite, qr } = res.data;
      const place = this.data.places.find((p) => p.id === placeId)?.label ?? '';
      this.setData({ invite: { code: invite.code, roleLabel: ROLE_LABELS[invite.role], place, expires: formatDateTime(invite.expiresAt), image: qr?.image ?? '' } });
    },

    onCopyInvite() {
      if (this.data.invite) wx.setClipboardData({ data: this.data.invite.code });
    },

    async onSaveInvite() {
      const invite = this.data.invite;
      if (!invite) return;
      const saved = await pngFile(invite.image, `invite-${invite.code}.png`).then(saveToAlbum, () => false);
      toast(saved ? '已保存到相册' : '没有保存，请允许访问相册后再试');
    },

    onRoleTab(e: Tap<{ id: RevocableRole }>) {
      const role = e.currentTarget.dataset.id;
      this.setData({ role, roleLabel: ROLE_LABELS[role], revoking: null, members: [], next: '' });
      void this.reload();
    },

    onRevokeStart(e: Tap<{ id: string }>) {
      this.setData({ revoking: this.data.members.find((m) => m.id === e.currentTarget.dataset.id) ?? null, reason: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    onCancelRevoke() {
      this.setData({ revoking: null, reason: '' });
    },

    /** The role ends at once: the person's next call no longer has it. */
    async onRevoke() {
      const who = this.data.revoking;
      const role = this.data.role;
      const reason = this.data.reason.trim();
      if (!who || this.data.busy) return;
      if (!reason) return toast('请填写撤销原因');
      const req = { userId: who.id, role, reason };
      this.setData({ busy: true });
      const res = await sendOnce(this, this.retryKey(), (rid) => user.revokeRole({ ...req, requestId: rid(req) }));
      this.setData({ busy: false });
      if (!res) return;
      if (!res.ok) return tell('未能撤销', res.message);
      toast(`已撤销 ${who.displayName} 的${ROLE_LABELS[role]}身份`);
      this.setData({ revoking: null, reason: '' });
      void this.reload();
    },
  },
});
