import { ROLE_LABELS, type GridChoice, type ResidentRow } from '../../../../typings/user';
import type { Tap } from '../../../base/events';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as user from '../../../services/user';
import { formatDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';

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

/**
 * 居民网格: residents who joined by the community poster or a shared card have no grid until they
 * pick one; staff place them (and move people who moved house) by building. Roles are kept on
 * 成员管理.
 */
Component({
  behaviors: [staffPage],
  data: {
    grids: [] as GridChoice[],
    /** '' = residents without a grid; else a grid id. */
    filter: '',
    rows: [] as RowView[],
    next: '' as string | undefined,
    picking: null as RowView | null,
    saving: false,
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
      const { filter } = this.data;
      const which = filter ? { gridId: filter } : { unplaced: true };
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
      this.setData({ filter: e.currentTarget.dataset.grid, picking: null });
      void this.reload();
    },

    onMore() {
      if (this.data.next) void this.reload(true);
    },

    onPick(e: Tap<{ id: string }>) {
      this.setData({ picking: this.data.rows.find((r) => r.id === e.currentTarget.dataset.id) ?? null });
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
