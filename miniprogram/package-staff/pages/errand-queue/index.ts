import { sendOnce } from '../../../services/retry';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Worker } from '../../../../typings/booking';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { staffPage } from '../../../behaviors/staff-page';
import { queueCounts } from '../../../behaviors/queue-counts';
import * as booking from '../../../services/booking';
import { ask, tell, toast } from '../../../utils/dialog';
import { type ErrandView, toErrandView } from '../../../utils/booking-view';
import { isManager } from '../../../utils/labels';
import { PANELS, type PanelMode, type PanelSpec, TABS, type TabKey } from './panel';
import type { Change, Tap } from '../../../base/events';

/**
 * 代办队列 (staff: the community's; grid workers: their grid's): 受理 or 指派 to a worker, record
 * progress, 办结 with the result, or cancel with a reason. Residents are told at each step.
 */
Component({
  behaviors: [retryKeyed, pagedList, staffPage, queueCounts],

  data: {
    tabs: TABS,
    tab: 'submitted' as TabKey,
    manager: false,
    workers: [] as Worker[],
    /** The errand whose form is open, and which form. */
    openId: '',
    mode: '' as PanelMode | '',
    spec: null as PanelSpec | null,
    text: '',
    workerId: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.key === query.tab);
      if (tab) this.setData({ tab: tab.key });
      void this.start();
    },

    async start() {
      const me = await this.ensureStaff();
      if (!me) return;
      this.setData({ manager: isManager(me.roles) });
      await this.reload();
    },

    async fetchPage(cursor?: string) {
      const t = TABS.find((x) => x.key === this.data.tab) ?? TABS[0];
      // The tabs' counts with each first page: after a change the list and its counts agree.
      const [res] = await Promise.all([booking.errands({ scope: t.scope, ...('status' in t ? { status: t.status } : {}), ...(cursor ? { cursor } : {}) }), cursor ? null : this.readCounts()]);
      return viewPage(res, toErrandView);
    },

    onTab(e: Tap<{ tab: TabKey }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      void this.switchList({ tab, openId: '', mode: '' });
    },

    async onOpen(e: Tap<{ id: string; mode: PanelMode }>) {
      const { id, mode } = e.currentTarget.dataset;
      if (this.data.openId === id && this.data.mode === mode) return this.setData({ openId: '', mode: '', spec: null });
      this.setData({ openId: id, mode, spec: PANELS[mode], text: '', workerId: '' });
      if (mode === 'assign' && !this.data.workers.length) {
        const res = await booking.workers();
        if (!res.ok) return toast(res.message);
        this.setData({ workers: res.data.items });
      }
    },

    onText(e: Change) {
      this.setData({ text: e.detail.value });
    },

    onWorker(e: Tap<{ id: string }>) {
      this.setData({ workerId: e.currentTarget.dataset.id });
    },

    async onTake(e: Tap<{ id: string }>) {
      const item = (this.data.items as ErrandView[]).find((x) => x.id === e.currentTarget.dataset.id);
      if (!item || this.data.busy) return;
      this.setData({ busy: true });
      const yes = await ask('受理', `由您受理“${item.serviceName}”（${item.requester}）吗？`, '我来受理');
      this.setData({ busy: false });
      if (yes) await this.run('take', { id: item.id }, (key, req) => booking.assignErrand({ ...req, requestId: key }), '已受理，居民会收到通知');
    },

    async onSubmitPanel() {
      const { openId: id, mode, text, workerId } = this.data;
      const spec = mode ? PANELS[mode] : null;
      if (!mode || !spec || !id) return;
      const item = (this.data.items as ErrandView[]).find((x) => x.id === id);
      const note = text.trim();
      if (mode === 'assign') {
        if (!workerId) return toast('请选择办理人');
        if (item?.status === 'accepted' && !note) return toast('改派须填写原因');
        const req = { id, assigneeId: workerId, ...(note ? { reason: note } : {}) };
        return this.run('assign', req, (key, r) => booking.assignErrand({ ...r, requestId: key }), '已指派');
      }
      if (spec.required && !note) return toast(`请填写${spec.title}`);
      const req = { id, op: mode, note };
      const done = mode === 'done' ? '已办结，居民会收到通知' : mode === 'cancel' ? '已取消' : '已记录进展';
      await this.run(mode, req, (key, r) => booking.updateErrand({ ...r, requestId: key }), done);
    },

    /** One change to an errand; the list is read again, as the errand may have left this tab. */
    async run<R extends object>(op: string, req: R, send: (requestId: string, req: R) => ReturnType<typeof booking.assignErrand>, done: string) {
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), (rid) => send(rid({ op, ...req }), req));
      if (!res) return;
      if (!res.ok) {
        tell('未能办理', res.message);
        return this.reload();
      }
      this.setData({ openId: '', mode: '', spec: null, text: '' });
      toast(done);
      await this.reload();
    },
  },
});
