import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import { decisionList } from '../../../behaviors/decision-list';
import { queueCounts } from '../../../behaviors/queue-counts';
import * as party from '../../../services/party';
import { toast } from '../../../utils/dialog';
import { PARTY_PAGES, STAFF_POSTER } from '../../../utils/routes';
import type { Registration, RegistrationStatus } from '../../../../typings/party';
import type { WorkbenchKey } from '../../../../typings/user';
import type { Change, Tap } from '../../../base/events';

interface RegistrationView {
  id: string;
  title: string;
  statusLabel: string;
  pending: boolean;
  /** A confirmed unit: its members and join code are a tap away. */
  unit: boolean;
  lines: string[];
}

function toView(r: Registration): RegistrationView {
  const lines = [
    r.kind === 'unit' ? `联系人：${r.contact ?? r.name}` : '',
    r.branch ? `党组织：${r.branch}` : '',
    r.workUnit ? `${r.kind === 'courier' ? '平台' : '工作单位'}：${r.workUnit}` : '',
    r.posts.length ? `岗位：${r.posts.join('、')}` : '',
    r.gridName ? `网格：${r.gridName}` : '',
    r.offers.length ? `资源：${r.offers.map((o) => `${o.title}（${o.category}）`).join('、')}` : r.resources.length ? `资源：${r.resources.join('、')}` : '',
    ...r.commitments.map((c) => `承诺：${c.title}（${c.target}${c.unit}）`),
    r.phone ? `电话：${r.phone}` : '',
    r.reason ? `退回原因：${r.reason}` : '',
    r.held && r.status === 'pending' ? `请先核对内容：${r.held}` : '',
  ].filter(Boolean);
  return { id: r.id, title: `${r.kind === 'unit' ? (r.unitName ?? r.name) : r.name} · ${r.kindLabel}`, statusLabel: r.statusLabel, pending: r.status === 'pending', unit: r.kind === 'unit' && r.status === 'confirmed', lines };
}

const TABS: Array<{ value: RegistrationStatus; label: string; count?: WorkbenchKey }> = [
  { value: 'pending', label: '待确认', count: 'registrationsToConfirm' },
  { value: 'confirmed', label: '已报到' },
  { value: 'rejected', label: '已退回' },
];

/** 报到确认: party members', units' and couriers' registrations, confirmed or sent back with a reason. */
Component({
  behaviors: [pagedList, managersList, decisionList, queueCounts],

  data: {
    tabs: TABS,
    tab: 'pending' as RegistrationStatus,
    reason: '',
  },

  methods: {
    async fetchPage(cursor?: string) {
      const [res] = await Promise.all([party.registrations({ status: this.data.tab, ...(cursor ? { cursor } : {}) }), cursor ? null : this.readCounts()]);
      return viewPage(res, toView);
    },

    onTab(e: Tap<{ value: RegistrationStatus }>) {
      void this.switchList({ tab: e.currentTarget.dataset.value });
    },

    async decide(id: string, reason?: string) {
      await this.decideItem(id, () => (reason ? party.reject({ id, reason }) : party.confirm({ id })), reason ? '已退回' : '已确认报到');
      await this.readCounts();
    },

    onConfirm(e: Tap<{ id: string }>) {
      void this.decide(e.currentTarget.dataset.id);
    },

    onReject(e: Tap<{ id: string }>) {
      this.setData({ rejecting: e.currentTarget.dataset.id, reason: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    onConfirmReject(e: Tap<{ id: string }>) {
      const reason = this.data.reason.trim();
      if (!reason) return toast('请填写退回原因，方便本人修改');
      void this.decide(e.currentTarget.dataset.id, reason);
    },

    onCancelReject() {
      this.setData({ rejecting: '' });
    },

    onUnit(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${PARTY_PAGES.unit}?id=${e.currentTarget.dataset.id}` });
    },

    onPoster() {
      wx.navigateTo({ url: `${STAFF_POSTER}?for=party` });
    },
  },
});
