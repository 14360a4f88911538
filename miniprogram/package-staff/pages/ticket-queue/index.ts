import { sendOnce } from '../../../services/retry';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Result } from '../../../../typings/api';
import type { AssigneeKind, ListsApi, TicketKind } from '../../../../typings/lists';
import { pagedList } from '../../../behaviors/paged-list';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { ask, tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES } from '../../../utils/routes';
import { isManager } from '../../../utils/labels';
import { NEED_SOURCE_LABELS, NEED_STATUS_LABELS } from '../../../utils/lists-view';
import { LEVEL_LABELS, TICKET_LIMITS, type TicketCardView, toTicketCardView } from '../../../utils/ticket-view';
import { type GridOption, communityGrids } from '../lists-shared';
import { KIND_CHOICES, NEED_PANEL, PANELS, type PanelMode, type PanelSpec, TABS, type TabKey } from './panel';
import type { Change, Tap } from '../../../base/events';
import { freshOnShow } from '../../../behaviors/fresh-on-show';

export interface QueueCardView extends TicketCardView {
  /** 网格长督办 / 社区书记包案 once it went up; '' at the grid. */
  levelText: string;
  /** 网格发现 for a grid worker's 随手拍; '' for residents' requests and wishes. */
  sourceText: string;
  open: boolean;
  canDispatch: boolean;
  canEscalate: boolean;
  canCancel: boolean;
}

interface AssigneeChoice {
  key: string;
  kind: AssigneeKind;
  id: string;
  label: string;
}

interface NeedBrief {
  id: string;
  title: string;
  category: string;
  gridId: string;
  gridName: string;
  statusLabel: string;
  open: boolean;
}

const OPEN_STATUSES = ['submitted', 'dispatched', 'accepted'];

function toQueueCard(manager: boolean, now: number) {
  return (t: ListsApi['tickets']['res']['items'][number]): QueueCardView => {
    const open = OPEN_STATUSES.includes(t.status);
    return {
      ...toTicketCardView(t, now),
      levelText: t.level === 'grid' ? '' : LEVEL_LABELS[t.level],
      sourceText: t.source === 'grid' ? NEED_SOURCE_LABELS.grid : '',
      open,
      canDispatch: manager && open,
      canEscalate: open && t.level !== 'secretary',
      // A wish's ticket goes with the wish (withdrawn or taken down on the wall).
      canCancel: manager && open && t.source !== 'wish',
    };
  };
}

/**
 * 工单派单: the community's tickets (a grid worker's: their grids'), the nearest deadline on top.
 * Staff 派单 to a grid worker, agent, unit, team or the secretary, choosing the kind that sets the
 * deadlines; anyone here may 督办提级 a ticket to the secretary; staff may 撤销 with a reason.
 * `?needId=` opens the dispatch form for a need sent from 三张清单.
 */
Component({
  behaviors: [retryKeyed, pagedList, staffPage, freshOnShow],

  data: {
    tabs: TABS,
    tab: 'submitted' as TabKey,
    emptyText: TABS[0].empty,
    manager: false,
    grids: [] as GridOption[],
    gridId: '',
    askedNeed: '',
    need: null as NeedBrief | null,
    /** The ticket (or NEED_PANEL) whose form is open, and which form. */
    openId: '',
    mode: '' as PanelMode | '',
    spec: null as PanelSpec | null,
    text: '',
    kinds: KIND_CHOICES,
    kind: 'simple' as TicketKind,
    kindDetail: KIND_CHOICES[0].detail,
    assignees: [] as AssigneeChoice[],
    assigneesLoading: false,
    assigneeKey: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.key === query.tab);
      if (tab) this.setData({ tab: tab.key, emptyText: tab.empty });
      this.setData({ askedNeed: query.needId ?? '' });
      void this.start(query.id);
    },

    /** `ticketId`: a ticket opened from its page (去派单), whose dispatch form opens once it is listed. */
    async start(ticketId?: string) {
      const me = await this.ensureStaff();
      if (!me) return;
      const manager = isManager(me.roles);
      this.setData({ manager });
      // Grid workers see their own grids' tickets (the server's rule); the grid filter is for staff.
      await Promise.all([this.reload(), manager ? this.loadGrids() : null, manager && this.data.askedNeed ? this.openNeed(this.data.askedNeed) : null]);
      if (manager && ticketId && this.item(ticketId)) await this.onPanel({ currentTarget: { dataset: { id: ticketId, mode: 'dispatch' } } } as Tap<{ id: string; mode: PanelMode }>);
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    async loadGrids() {
      const res = await communityGrids();
      if (res.ok) this.setData({ grids: res.data });
    },

    listKey(): string {
      return `${this.data.tab}:${this.data.gridId}`;
    },

    async fetchPage(cursor?: string): Promise<Result<{ items: QueueCardView[]; next?: string }>> {
      const tab = TABS.find((t) => t.key === this.data.tab) ?? TABS[0];
      const where = { ...(this.data.gridId ? { gridId: this.data.gridId } : {}), ...(cursor ? { cursor } : {}) };
      const res = tab.key === 'overdue' ? await lists.overdue(where) : await lists.tickets({ scope: 'all', ...(tab.status ? { status: tab.status } : {}), ...where });
      if (!res.ok) return res;
      return { ok: true, data: { items: res.data.items.map(toQueueCard(this.data.manager, Date.now())), next: res.data.next } };
    },

    onTab(e: Tap<{ tab: TabKey }>) {
      const tab = TABS.find((t) => t.key === e.currentTarget.dataset.tab);
      if (!tab || tab.key === this.data.tab) return;
      void this.switchList({ tab: tab.key, emptyText: tab.empty, ...this.closed() });
    },

    onGrid(e: Tap<{ id: string }>) {
      const gridId = e.currentTarget.dataset.id;
      if (gridId === this.data.gridId) return;
      void this.switchList({ gridId, ...this.closed() });
    },

    onOpenTicket(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${LISTS_PAGES.ticket}?id=${e.currentTarget.dataset.id}` });
    },

    closed() {
      return { openId: this.data.openId === NEED_PANEL ? NEED_PANEL : '', mode: this.data.openId === NEED_PANEL ? this.data.mode : '' };
    },

    // ---------------------------------------------------------------- forms

    item(id: string): QueueCardView | undefined {
      return (this.data.items as QueueCardView[]).find((x) => x.id === id);
    },

    async onPanel(e: Tap<{ id: string; mode: PanelMode }>) {
      const { id, mode } = e.currentTarget.dataset;
      if (this.data.openId === id && this.data.mode === mode) return this.setData({ openId: '', mode: '', spec: null });
      const item = this.item(id);
      this.setData({ openId: id, mode, spec: PANELS[mode], text: '' });
      if (mode === 'dispatch' && item) {
        this.chooseKind(item.kind);
        const grid = this.data.grids.find((g) => g.name === item.gridName);
        await this.loadAssignees(id, grid?.id);
      }
    },

    /** A need from 三张清单: its own dispatch form above the queue. */
    async openNeed(id: string) {
      const res = await lists.need({ id });
      if (!res.ok) return toast(res.message);
      const n = res.data.need;
      this.setData({
        need: { id: n.id, title: n.title, category: n.category, gridId: n.gridId ?? '', gridName: n.gridName ?? '', statusLabel: NEED_STATUS_LABELS[n.status] ?? n.status, open: n.status === 'open' },
        openId: NEED_PANEL,
        mode: 'dispatch',
        spec: PANELS.dispatch,
        text: '',
      });
      this.chooseKind('simple');
      await this.loadAssignees(NEED_PANEL, n.gridId);
    },

    onCloseNeed() {
      this.setData({ need: null, ...(this.data.openId === NEED_PANEL ? { openId: '', mode: '', spec: null } : {}) });
    },

    /** Whom to send it to; the grid's own worker first, and chosen unless staff pick another. */
    async loadAssignees(openId: string, gridId?: string) {
      this.setData({ assignees: [], assigneeKey: '', assigneesLoading: true });
      const res = await lists.assignees(gridId ? { gridId } : {});
      if (this.data.openId !== openId) return;
      this.setData({ assigneesLoading: false });
      if (!res.ok) return toast(res.message);
      const assignees = res.data.items.map((a) => ({ key: `${a.kind}:${a.id}`, kind: a.kind, id: a.id, label: a.detail ? `${a.label}（${a.detail}）` : a.label }));
      const home = res.data.items.find((a) => a.kind === 'grid_worker' && !!gridId && !!a.gridIds?.includes(gridId));
      this.setData({ assignees, assigneeKey: home ? `${home.kind}:${home.id}` : '' });
    },

    chooseKind(kind: TicketKind) {
      const k = KIND_CHOICES.find((c) => c.kind === kind) ?? KIND_CHOICES[0];
      this.setData({ kind: k.kind, kindDetail: k.detail });
    },

    onKind(e: Tap<{ kind: TicketKind }>) {
      this.chooseKind(e.currentTarget.dataset.kind);
    },

    onAssignee(e: Tap<{ key: string }>) {
      this.setData({ assigneeKey: e.currentTarget.dataset.key });
    },

    onText(e: Change) {
      this.setData({ text: e.detail.value });
    },

    async onSubmitPanel() {
      const { openId, mode, text, kind, assigneeKey } = this.data;
      if (!openId || !mode) return;
      const reason = text.trim();
      if (reason.length > TICKET_LIMITS.reason) return toast(`原因最多${TICKET_LIMITS.reason}个字`);
      const spec = PANELS[mode];
      if (mode === 'dispatch') {
        const forNeed = openId === NEED_PANEL;
        const item = forNeed ? undefined : this.item(openId);
        if (item && item.status !== 'submitted' && !reason) return toast('改派须填写原因');
        let target: { to: AssigneeKind; targetId?: string };
        if (kind === 'difficult') target = { to: 'secretary' };
        else {
          const a = this.data.assignees.find((x) => x.key === assigneeKey);
          if (!a) return toast('请选择派单对象');
          target = { to: a.kind, targetId: a.id };
        }
        const req = { ...(forNeed ? { needId: this.data.need!.id } : { id: openId }), ...target, kind, ...(reason ? { reason } : {}) };
        const ok = await this.run(req, (r) => lists.dispatch(r), spec.done);
        if (ok && forNeed) this.setData({ need: null });
        return;
      }
      if (!reason) return toast(`请填写${mode === 'cancel' ? '撤销原因' : '督办提级的原因'}`);
      if (mode === 'escalate') return void (await this.run({ id: openId, reason }, (r) => lists.escalate(r), spec.done));
      const item = this.item(openId);
      if (!(await ask('撤销工单', `确定撤销“${item?.title ?? ''}”吗？撤销后不再办理，居民会收到通知。`, '撤销'))) return;
      await this.run({ id: openId, reason }, (r) => lists.cancel(r), spec.done);
    },

    /**
     * One change; a second tap or a retry after a lost answer carries the same requestId, so it is
     * done once. The list is read again: the ticket may have left this tab.
     */
    async run<R extends object>(req: R, send: (req: R & { requestId: string }) => Promise<Result<unknown>>, done: string): Promise<boolean> {
      if (this.data.busy) return false;
      const res = await sendOnce(this, this.retryKey(), (rid) => send({ ...req, requestId: rid(req) }));
      if (!res) return false;
      if (!res.ok) {
        tell('未能办理', res.message);
        await this.reload();
        return false;
      }
      this.setData({ openId: '', mode: '', spec: null, text: '' });
      toast(done);
      await this.reload();
      return true;
    },
  },
});
