import type { AuditLog } from '../../../../typings/user';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { appendById } from '../../../utils/points-view';
import type { Change, Tap } from '../../../base/events';
import { LOG_TABS, toAuditRow, type AuditRow } from './view';

/**
 * Staff: 操作记录 — who did what to which record, one log at a time, newest first; narrowed by a
 * colleague (chips by real name), a record (tap it on a row) and a day (picker).
 */
Component({
  behaviors: [staffPage],

  data: {
    tabs: LOG_TABS,
    log: 'ticket' as AuditLog,
    staff: [] as Array<{ id: string; name: string }>,
    byUserId: '',
    targetId: '',
    day: '',
    rows: [] as AuditRow[],
    next: '',
    listLoading: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const [staff] = await Promise.all([user.residents({ role: 'staff' }), this.reload()]);
      if (staff.ok) this.setData({ staff: staff.data.items.map((p) => ({ id: p.id, name: p.displayName })) });
    },

    filters() {
      const { log, byUserId, targetId, day } = this.data;
      return { log, ...(byUserId ? { byUserId } : {}), ...(targetId ? { targetId } : {}), ...(day ? { day } : {}) };
    },

    async reload() {
      this.setData({ listLoading: true });
      const res = await user.auditLog(this.filters());
      this.setData({ listLoading: false });
      if (!res.ok) return this.data.state === 'ready' ? toast(res.message) : this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', rows: res.data.items.map(toAuditRow), next: res.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const res = await user.auditLog({ ...this.filters(), cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      this.setData({ rows: appendById(this.data.rows, res.data.items.map(toAuditRow)), next: res.data.next ?? '' });
    },

    onLog(e: Tap<{ key: AuditLog }>) {
      this.setData({ log: e.currentTarget.dataset.key, targetId: '' });
      void this.reload();
    },

    onBy(e: Tap<{ id: string }>) {
      this.setData({ byUserId: e.currentTarget.dataset.id });
      void this.reload();
    },

    onRecord(e: Tap<{ id: string }>) {
      this.setData({ targetId: e.currentTarget.dataset.id });
      void this.reload();
    },

    onClearRecord() {
      this.setData({ targetId: '' });
      void this.reload();
    },

    onDay(e: Change) {
      this.setData({ day: e.detail.value });
      void this.reload();
    },

    onClearDay() {
      this.setData({ day: '' });
      void this.reload();
    },
  },
});
