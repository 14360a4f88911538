import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as lists from '../../../services/lists';
import * as user from '../../../services/user';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { formatDateTime } from '../../../utils/date';
import type { Change, Tap } from '../../../base/events';
import { type CompoundRow, quarterLabel, toCompoundRow } from './view';

const EMPTY_FORM = { name: '', propertyName: '', propertyContact: '', propertyPhone: '', committeeName: '', committeeContact: '', committeePhone: '' };

/**
 * 红色物业: each 小区 with its property company and 业委会 and their party contacts, the property
 * company's figures this quarter (on-time rate, residents' stars), an invite for its workers, and
 * the form that registers another 小区.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    quarter: '',
    items: [] as CompoundRow[],
    grids: [] as Array<{ id: string; name: string; on: boolean }>,
    form: { ...EMPTY_FORM },
    adding: false,
    problem: '',
    busy: false,
    invite: null as null | { compound: string; code: string; expires: string },
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const grids = await user.grids();
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      this.setData({ grids: grids.data.grids.map((g) => ({ id: g.id, name: g.name, on: false })) });
      await this.reload();
    },

    async reload() {
      const res = await lists.compounds({});
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', quarter: quarterLabel(res.data.quarter), items: res.data.items.map(toCompoundRow) });
    },

    onAdd() {
      this.setData({ adding: !this.data.adding, problem: '' });
    },

    onField(e: Change<{ field: keyof typeof EMPTY_FORM }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, problem: '' });
    },

    onGrid(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`grids[${i}].on`]: !this.data.grids[i].on, problem: '' });
    },

    async onSave() {
      if (this.data.busy) return;
      const f = this.data.form;
      const gridIds = this.data.grids.filter((g) => g.on).map((g) => g.id);
      const missing = !f.name.trim() ? '请填写小区名称' : !gridIds.length ? '请选择小区所在网格' : !f.propertyName.trim() ? '请填写物业公司' : !f.committeeName.trim() ? '请填写业委会' : '';
      if (missing) return this.setData({ problem: missing });
      const compound = {
        name: f.name.trim(),
        gridIds,
        property: { name: f.propertyName.trim(), contact: { name: f.propertyContact.trim(), phone: f.propertyPhone.trim() } },
        committee: { name: f.committeeName.trim(), contact: { name: f.committeeContact.trim(), phone: f.committeePhone.trim() } },
      };
      const res = await sendOnce(this, this.retryKey(), (requestId) => lists.saveCompound({ compound, requestId: requestId(compound) }));
      if (!res) return;
      if (!res.ok) return this.setData({ problem: res.message });
      this.setData({ adding: false, form: { ...EMPTY_FORM }, grids: this.data.grids.map((g) => ({ ...g, on: false })) });
      toast('已登记');
      await this.reload();
    },

    /** An invite for the property company's workers: they join its unit and take the 小区's property tickets. */
    async onInvite(e: Tap<{ id: string }>) {
      const row = this.data.items.find((c) => c.id === e.currentTarget.dataset.id);
      if (!row || this.data.busy) return;
      this.setData({ busy: true });
      const res = await user.createInvite({ role: 'unit_member', unitId: row.unitId });
      this.setData({ busy: false });
      if (!res.ok) return tell('未能生成邀请码', res.message);
      this.setData({ invite: { compound: row.id, code: res.data.invite.code, expires: formatDateTime(res.data.invite.expiresAt) } });
    },
  },
});
