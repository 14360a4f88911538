import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { ProjectDetail, ServiceCategory } from '../../../../typings/lists';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { shanghaiDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import { isManager } from '../../../utils/labels';
import { SERVICE_CATEGORIES, type NeedCardView, onMap, toNeedCardView, toggled } from '../../../utils/lists-view';
import { type GridOption, communityGrids, saved } from '../lists-shared';
import { saveOnce } from '../../../services/retry';
import { DESCRIPTION_MAX, type ProjectForm, TITLE_MAX, emptyForm, formForNeeds, formOf, formProblem, parseNeedIds, toCreate, toUpdate } from './form';
import type { Change, Tap } from '../../../base/events';

/**
 * 新建项目 (or 修改项目 given ?id=): needs of one grid and category bundled into a project that a
 * 共建单位 can take on. `?needIds=a,b` (from a project suggestion, with `category` and `gridId` when
 * known) brings the needs to bundle.
 */
Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    id: '',
    form: emptyForm(),
    original: null as ProjectDetail | null,
    categories: SERVICE_CATEGORIES,
    grids: [] as GridOption[],
    gridOn: {} as Record<string, boolean>,
    /** Needs asked to be bundled that the page could show, each with whether it stays in. */
    bundle: [] as NeedCardView[],
    needOn: {} as Record<string, boolean>,
    /** The needs asked for, in the order asked. */
    asked: [] as string[],
    /** Asked-for needs not among the open needs shown (still sent; the server checks them). */
    unseen: [] as string[],
    /** Needs already in the project being edited. */
    inProject: [] as NeedCardView[],
    today: shanghaiDate(),
    limits: { title: TITLE_MAX, description: DESCRIPTION_MAX },
    saving: false,
  },

  methods: {
    titles() {
      return { create: '新建项目', edit: '修改项目' };
    },

    /** `?needIds=a,b` (and the `category` and `gridId` they share) bundles needs, e.g. from 智能匹配. */
    async start(query: Record<string, string | undefined>) {
      const needIds = parseNeedIds(query.needIds);
      const category = query.category ?? '';
      const gridId = query.gridId ?? '';
      const me = await this.ensureStaff((m) => isManager(m.roles));
      if (!me) return;
      const openNeeds = needIds.length
        ? lists.needs({ status: 'open', ...(category ? { category: category as ServiceCategory } : {}), ...(gridId ? { gridId } : {}) })
        : null;
      const [grids, detail, found] = await Promise.all([communityGrids(), this.data.id ? lists.project({ id: this.data.id }) : null, openNeeds]);
      if (detail && !detail.ok) return this.setData({ state: 'error', errorText: detail.message });
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      const current = detail?.ok ? detail.data.project : null;
      const shown = found?.ok ? found.data.items.filter((n) => needIds.includes(n.id)) : [];
      const form = current ? formOf(current) : needIds.length ? formForNeeds(shown, category, gridId) : emptyForm();
      this.setData({
        state: 'ready',
        grids: grids.data,
        original: current,
        form,
        gridOn: onMap(form.gridIds),
        bundle: shown.map(toNeedCardView),
        asked: needIds,
        needOn: onMap(needIds),
        unseen: needIds.filter((id) => !shown.some((n) => n.id === id)),
        inProject: (current?.needs ?? []).map(toNeedCardView),
      });
    },

    onField(e: Change<{ field: keyof ProjectForm }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onCategory(e: Tap<{ value: string }>) {
      if (this.data.original) return;
      this.setData({ 'form.category': e.currentTarget.dataset.value });
    },

    onGrid(e: Tap<{ value: string }>) {
      if (this.data.original) return;
      const gridIds = toggled(this.data.form.gridIds, e.currentTarget.dataset.value);
      this.setData({ 'form.gridIds': gridIds, gridOn: onMap(gridIds) });
    },

    onNeed(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      // Whole: a wish-born need's id has a dot, which a setData path would split.
      this.setData({ needOn: { ...this.data.needOn, [id]: !this.data.needOn[id] } });
    },

    onDate(e: Change<{ field: 'plannedStart' | 'plannedEnd' }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    /** The asked-for needs that stay in: those shown and ticked, and those the page could not show. */
    needIds(): string[] {
      return this.data.asked.filter((id) => this.data.needOn[id]);
    },

    async onSave() {
      if (this.data.saving) return;
      const { form, original } = this.data;
      const needIds = this.needIds();
      const problem = formProblem(form, needIds.length + (original?.needCount ?? 0));
      if (problem) return toast(problem);
      let req;
      if (original) {
        const project = toUpdate(original, form, needIds);
        if (!project) return toast('没有修改的内容');
        req = { op: 'update' as const, id: original.id, project };
      } else {
        req = { op: 'create' as const, project: toCreate(form, needIds) };
      }
      const done = await saveOnce(this, this.retryKey(), req, lists.saveProject);
      if (!done) return;
      saved(original ? '已保存' : needIds.length ? `已建立项目，纳入${done.project.needCount}条需求` : '已建立项目');
    },
  },
});
