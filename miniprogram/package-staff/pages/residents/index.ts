import { ROLE_LABELS, type GridChoice, type ResidentRow, type RevocableRole } from '../../../../typings/user';
import type { Change, Tap } from '../../../base/events';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as user from '../../../services/user';
import { sendOnce } from '../../../services/retry';
import { formatDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';

interface RowView extends ResidentRow {
  where: string;
  joined: string;
  roleNames: string;
}

function rowView(r: ResidentRow): RowView {
  return {
    ...r,
    where: r.grid ? `${r.grid.name}${r.building ? ` ${r.building}` : ''}` : '未分网格',
    joined: formatDate(r.joinedAt),
    roleNames: r.roles.map((x) => ROLE_LABELS[x]).join('、'),
  };
}

/** The roles staff look members up by (and may take back; the server says who may revoke which). */
const ROLE_FILTERS: RevocableRole[] = ['volunteer', 'unit_member', 'grid_worker', 'staff'];

/**
 * 居民网格: residents who joined by the community poster or a shared card have no grid until they
 * pick one; staff place them (and move people who moved house) by building. By role, staff see
 * who holds it and take it back (撤销) with a reason.
 */
Component({
  behaviors: [staffPage, retryKeyed],
  data: {
    grids: [] as GridChoice[],
    roleChips: ROLE_FILTERS.map((role) => ({ role, label: ROLE_LABELS[role] })),
    /** '' = residents without a grid; else a grid id. */
    filter: '',
    /** Set instead of `filter`: members holding this role. */
    role: '' as RevocableRole | '',
    roleLabel: '',
    rows: [] as RowView[],
    next: '' as string | undefined,
    picking: null as RowView | null,
    revoking: null as RowView | null,
    reason: '',
    saving: false,
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const res = await user.grids();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ grids: res.data.grids });
      await this.reload();
    },

    async reload(more = false) {
      const { filter, role } = this.data;
      const which = role ? { role } : filter ? { gridId: filter } : { unplaced: true };
      const res = await user.residents({ ...which, ...(more && this.data.next ? { cursor: this.data.next } : {}) });
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const rows = res.data.items.map(rowView);
      this.setData({ state: 'ready', rows: more ? [...this.data.rows, ...rows] : rows, next: res.data.next ?? '' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    onFilter(e: Tap<{ grid: string }>) {
      this.setData({ filter: e.currentTarget.dataset.grid, role: '', roleLabel: '', picking: null, revoking: null });
      void this.reload();
    },

    onRoleFilter(e: Tap<{ role: RevocableRole }>) {
      const role = e.currentTarget.dataset.role;
      this.setData({ role, roleLabel: ROLE_LABELS[role], filter: '', picking: null, revoking: null });
      void this.reload();
    },

    onMore() {
      if (this.data.next) void this.reload(true);
    },

    onPick(e: Tap<{ id: string }>) {
      this.setData({ picking: this.data.rows.find((r) => r.id === e.currentTarget.dataset.id) ?? null, revoking: null });
    },

    onRevokeStart(e: Tap<{ id: string }>) {
      this.setData({ revoking: this.data.rows.find((r) => r.id === e.currentTarget.dataset.id) ?? null, picking: null, reason: '' });
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
      if (!who || !role || this.data.busy) return;
      if (!reason) return toast('请填写撤销原因');
      const req = { userId: who.id, role, reason };
      const res = await sendOnce(this, this.retryKey(), (rid) => user.revokeRole({ ...req, requestId: rid(req) }));
      if (!res) return;
      if (!res.ok) return tell('未能撤销', res.message);
      toast(`已撤销 ${who.displayName} 的${ROLE_LABELS[role]}身份`);
      this.setData({ revoking: null, reason: '' });
      void this.reload();
    },

    onCancelPick() {
      this.setData({ picking: null });
    },

    async onPlace(e: Tap<{ grid: string; building: string }>) {
      const who = this.data.picking;
      if (!who || this.data.saving) return;
      const { grid, building } = e.currentTarget.dataset;
      this.setData({ saving: true });
      const res = await user.moveResident({ userId: who.id, gridId: grid, building });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      toast(`${who.displayName} 已调整到 ${res.data.resident.grid?.name ?? ''} ${building}`);
      this.setData({ picking: null });
      void this.reload();
    },
  },
});
