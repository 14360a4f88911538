import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { sendOnce } from '../../../services/retry';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Result } from '../../../../typings/api';
import type { ListsApi } from '../../../../typings/lists';
import type { Me } from '../../../../typings/user';
import { pagedList } from '../../../behaviors/paged-list';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { ask, tell, toast } from '../../../utils/dialog';
import { STAFF_LISTS_PAGES } from '../../../utils/routes';
import { isManager, isStaff } from '../../../utils/labels';
import {
  NEED_SOURCE_CHOICES,
  NEED_STATUS_CHOICES,
  PROJECT_STATUS_CHOICES,
  PROVIDER_KIND_CHOICES,
  PUBLIC_PROJECT_STATUSES,
  RESOURCE_STATUS_CHOICES,
  SERVICE_CATEGORIES,
  type NeedCardView,
  type ProjectCardView,
  type ResourceCardView,
  toNeedCardView,
  toProjectCardView,
  toResourceCardView,
} from '../../../utils/lists-view';
import { type GridOption, communityGrids } from '../lists-shared';
import { PANELS, type PanelMode, type PanelSpec, TABS, type TabKey } from './panel';
import type { Change, Tap } from '../../../base/events';

type Item = NeedCardView | ResourceCardView | ProjectCardView;

const ALL_CATEGORIES = '全部类别';
const ALL_GRIDS = '全部网格';

/** Who may open the board: staff and grid workers (all three lists), 共建单位 members (resources and projects of their unit). */
const mayOpen = (me: Me) => isStaff(me.roles) || me.roles.includes('unit_member');

/**
 * 三张清单 (需求清单 · 资源清单 · 项目清单): each list paged with the filters that fit it, each item
 * with what the caller may do to it; the server decides every change again.
 */
Component({
  behaviors: [retryKeyed, pagedList, staffPage, freshOnShow],

  data: {
    tabs: TABS,
    tab: 'needs' as TabKey,
    asked: '' as string,
    manager: false,
    gridWorker: false,
    unitMember: false,
    needFilter: { status: 'open', source: '', category: '', gridId: '' },
    resourceFilter: { status: 'active', providerKind: '', category: '' },
    projectFilter: { status: '' },
    needStatusChoices: NEED_STATUS_CHOICES,
    sourceChoices: NEED_SOURCE_CHOICES,
    resourceStatusChoices: RESOURCE_STATUS_CHOICES,
    kindChoices: PROVIDER_KIND_CHOICES,
    projectStatusChoices: PROJECT_STATUS_CHOICES,
    categoryRange: [ALL_CATEGORIES, ...SERVICE_CATEGORIES] as string[],
    grids: [] as GridOption[],
    gridRange: [ALL_GRIDS] as string[],
    gridLabel: ALL_GRIDS,
    /** The item whose panel is open, and which panel. */
    openId: '',
    mode: '' as PanelMode | '',
    spec: null as PanelSpec | null,
    text: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ asked: query.tab ?? '' });
      void this.start();
    },

    /** Back from a form: show what it changed. */
    async start() {
      const me = await this.ensureStaff(mayOpen);
      if (!me) return;
      const manager = isManager(me.roles);
      const tabs = TABS.filter((t) => t.key !== 'needs' || isStaff(me.roles));
      const tab = tabs.find((t) => t.key === this.data.asked)?.key ?? tabs[0].key;
      this.setData({
        tabs,
        tab,
        manager,
        gridWorker: me.roles.includes('grid_worker'),
        unitMember: me.roles.includes('unit_member'),
        projectStatusChoices: manager ? PROJECT_STATUS_CHOICES : PROJECT_STATUS_CHOICES.filter((c) => !c.value || PUBLIC_PROJECT_STATUSES.includes(c.value as never)),
      });
      // Grid workers see their own grids' needs only; the grid filter is for the community's staff.
      await Promise.all([this.reload(), manager ? this.loadGrids() : null]);
    },

    async loadGrids() {
      const res = await communityGrids();
      if (res.ok) this.setData({ grids: res.data, gridRange: [ALL_GRIDS, ...res.data.map((g) => g.name)] });
    },

    listKey(): string {
      const { tab, needFilter, resourceFilter, projectFilter } = this.data;
      const filter = tab === 'needs' ? needFilter : tab === 'resources' ? resourceFilter : projectFilter;
      return `${tab}:${JSON.stringify(filter)}`;
    },

    async fetchPage(cursor?: string): Promise<Result<{ items: Item[]; next?: string }>> {
      const more = cursor ? { cursor } : {};
      const { tab } = this.data;
      if (tab === 'needs') {
        const res = await lists.needs({ ...(given(this.data.needFilter) as ListsApi['needs']['req']), ...more });
        return res.ok ? { ok: true, data: { items: res.data.items.map(toNeedCardView), next: res.data.next } } : res;
      }
      if (tab === 'resources') {
        // A unit member's view of the list is their own unit's resources, paused and retired ones too.
        const mine = this.data.unitMember && !this.data.manager ? { mine: true } : {};
        const res = await lists.resources({ ...(given(this.data.resourceFilter) as ListsApi['resources']['req']), ...mine, ...more });
        return res.ok ? { ok: true, data: { items: res.data.items.map(toResourceCardView), next: res.data.next } } : res;
      }
      const res = await lists.projects({ ...(given(this.data.projectFilter) as ListsApi['projects']['req']), ...more });
      return res.ok ? { ok: true, data: { items: res.data.items.map(toProjectCardView), next: res.data.next } } : res;
    },

    onTab(e: Tap<{ tab: TabKey }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      void this.switchList({ tab, openId: '', mode: '', spec: null });
    },

    /** A filter chip: `filter` is needFilter, resourceFilter or projectFilter. */
    onFilter(e: Tap<{ filter: 'needFilter' | 'resourceFilter' | 'projectFilter'; field: string; value: string }>) {
      const { filter, field, value } = e.currentTarget.dataset;
      const shown: Record<string, string> = this.data[filter];
      if (shown[field] === value) return;
      void this.switchList({ [`${filter}.${field}`]: value, openId: '', mode: '' });
    },

    onCategory(e: Change<{ filter: string }, string | number>) {
      const i = Number(e.detail.value);
      const category = i > 0 ? SERVICE_CATEGORIES[i - 1] ?? '' : '';
      void this.switchList({ [`${e.currentTarget.dataset.filter}.category`]: category, openId: '', mode: '' });
    },

    onGrid(e: Change<Record<string, never>, string | number>) {
      const grid = this.data.grids[Number(e.detail.value) - 1];
      void this.switchList({ 'needFilter.gridId': grid?.id ?? '', gridLabel: grid?.name ?? ALL_GRIDS, openId: '', mode: '' });
    },

    // ---------------------------------------------------------------- new

    onAdd() {
      const page = { needs: STAFF_LISTS_PAGES.needEdit, resources: STAFF_LISTS_PAGES.resourceEdit, projects: STAFF_LISTS_PAGES.projectEdit }[this.data.tab];
      wx.navigateTo({ url: page });
    },

    onEdit(e: Tap<{ id: string }>) {
      const page = { needs: STAFF_LISTS_PAGES.needEdit, resources: STAFF_LISTS_PAGES.resourceEdit, projects: STAFF_LISTS_PAGES.projectEdit }[this.data.tab];
      wx.navigateTo({ url: `${page}?id=${e.currentTarget.dataset.id}` });
    },

    // ---------------------------------------------------------------- changes

    onPanel(e: Tap<{ id: string; mode: PanelMode }>) {
      const { id, mode } = e.currentTarget.dataset;
      if (this.data.openId === id && this.data.mode === mode) return this.setData({ openId: '', mode: '', spec: null });
      this.setData({ openId: id, mode, spec: PANELS[mode], text: '' });
    },

    onText(e: Change) {
      this.setData({ text: e.detail.value });
    },

    async onSubmitPanel() {
      const { openId: id, mode, text } = this.data;
      if (!id || !mode) return;
      const spec = PANELS[mode];
      const reason = text.trim();
      if (spec.required && !reason) return toast(`请填写${spec.title}`);
      if (reason.length > 200) return toast('原因最多200个字');
      const why = reason ? { reason } : {};
      if (mode === 'closeNeed' || mode === 'reopenNeed') {
        return this.run({ id, op: mode === 'closeNeed' ? ('close' as const) : ('reopen' as const), ...why }, (r) => lists.updateNeed(r), spec.done);
      }
      if (mode === 'pauseResource' || mode === 'retireResource') {
        if (mode === 'retireResource' && !(await ask('下架资源', '下架后该资源不再参与匹配和派单，且不能再修改。确定下架吗？', '下架'))) return;
        return this.run({ id, op: mode === 'pauseResource' ? ('pause' as const) : ('retire' as const), ...why }, (r) => lists.saveResource(r), spec.done);
      }
      return this.run({ id, op: 'cancel' as const, ...why }, (r) => lists.saveProject(r), spec.done);
    },

    async onResume(e: Tap<{ id: string }>) {
      await this.run({ id: e.currentTarget.dataset.id, op: 'resume' as const }, (r) => lists.saveResource(r), '资源已恢复服务');
    },

    /** 派单 with the default routing: the need's grid worker (or staff's choice later on 工单派单). */
    async onDispatch(e: Tap<{ id: string }>) {
      const item = (this.data.items as NeedCardView[]).find((x) => x.id === e.currentTarget.dataset.id);
      if (!item || this.data.busy) return;
      const where = item.gridName ? `${item.gridName}的网格员` : '网格员';
      if (!(await ask('派单', `把“${item.title}”派给${where}办理吗？要指定其他人，请到“工单派单”。`, '派单'))) return;
      await this.run({ needId: item.id }, (r) => lists.dispatch(r), '已派单，办理人会收到通知');
    },

    onQueue() {
      wx.navigateTo({ url: STAFF_LISTS_PAGES.queue });
    },

    async onProject(e: Tap<{ id: string; op: 'publish' | 'start' | 'complete' | 'claim' }>) {
      const { id, op } = e.currentTarget.dataset;
      const item = (this.data.items as ProjectCardView[]).find((x) => x.id === id);
      if (!item || this.data.busy) return;
      const words = {
        publish: ['发布项目', `发布后共建单位可以认领“${item.title}”。确定发布吗？`, '发布', '已发布，等待共建单位认领'],
        claim: ['认领项目', `由本单位认领“${item.title}”吗？认领后请按计划组织实施。`, '认领', '已认领'],
        start: ['启动项目', `“${item.title}”开始实施吗？`, '启动', '项目已启动'],
        complete: ['完成项目', `“${item.title}”已经完成了吗？其中的${item.needCount}条需求会一并办结。`, '已完成', '项目已完成'],
      }[op];
      if (!(await ask(words[0], words[1], words[2]))) return;
      if (op === 'claim') return this.run({ id }, (r) => lists.claimProject(r), words[3]);
      await this.run({ id, op }, (r) => lists.saveProject(r), words[3]);
    },

    /**
     * One change; a second tap or a retry after a lost answer carries the same requestId, so it is
     * carried out once. The list is read again: the item may have left this filter.
     */
    async run<R extends object>(req: R, send: (req: R & { requestId: string }) => Promise<Result<unknown>>, done: string) {
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), (rid) => send({ ...req, requestId: rid(req) }));
      if (!res) return;
      if (!res.ok) {
        tell('未能办理', res.message);
        return this.reload();
      }
      this.setData({ openId: '', mode: '', spec: null, text: '' });
      toast(done);
      await this.reload();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});

/** The filter's chosen fields; '' (全部) is left out. */
function given<T extends Record<string, string>>(filter: T): Partial<T> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Partial<T>;
}
