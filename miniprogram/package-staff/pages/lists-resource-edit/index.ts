import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { AssigneeOption, CapacityPeriod, ProviderKind, ResourceView } from '../../../../typings/lists';
import type { Me } from '../../../../typings/user';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { pickLocation } from '../../../services/location';
import { toast } from '../../../utils/dialog';
import { isManager } from '../../../utils/labels';
import { PERIOD_LABELS, PROVIDER_KIND_LABELS, SERVICE_CATEGORIES, choicesOf, onMap, toggled } from '../../../utils/lists-view';
import { type GridOption, communityGrids, saved } from '../lists-shared';
import { saveOnce } from '../../../services/retry';
import {
  AVAILABILITY_MAX,
  type AreaMode,
  CATEGORIES_MAX,
  DESCRIPTION_MAX,
  type ResourceForm,
  TEAM_MAX,
  TITLE_MAX,
  emptyForm,
  formOf,
  formProblem,
  toInput,
} from './form';
import type { Change, Tap } from '../../../base/events';

type Multi = 'categories' | 'gridIds' | 'memberIds';

interface Option {
  id: string;
  label: string;
}

/** Staff register what units, teams and volunteers offer; a 共建单位 member, what their own unit offers. */
const mayRegister = (me: Me) => isManager(me.roles) || me.roles.includes('unit_member');

/** 登记资源 (new) or 修改资源 (given ?id=) of the 资源清单. */
Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    id: '',
    manager: false,
    form: emptyForm(),
    original: null as ResourceView | null,
    kindLabel: '',
    kinds: choicesOf(PROVIDER_KIND_LABELS),
    periods: choicesOf(PERIOD_LABELS),
    categories: SERVICE_CATEGORIES,
    grids: [] as GridOption[],
    units: [] as Option[],
    /** Volunteers (红色代办员) of the community: the people a volunteer's resource or a team can be. */
    volunteers: [] as Option[],
    /** Everyone who may be a team member: volunteers and grid workers. */
    people: [] as Option[],
    on: { categories: {}, gridIds: {}, memberIds: {} } as Record<Multi, Record<string, boolean>>,
    limits: { title: TITLE_MAX, description: DESCRIPTION_MAX, team: TEAM_MAX, availability: AVAILABILITY_MAX, categories: CATEGORIES_MAX },
    saving: false,
  },

  methods: {
    titles() {
      return { create: '登记资源', edit: '修改资源' };
    },

    async start() {
      const me = await this.ensureStaff(mayRegister);
      if (!me) return;
      const manager = isManager(me.roles);
      const [grids, detail] = await Promise.all([communityGrids(), this.data.id ? lists.resource({ id: this.data.id }) : null]);
      if (detail && !detail.ok) return this.setData({ state: 'error', errorText: detail.message });
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      const current = detail?.ok ? detail.data.resource : null;
      if (current && !current.editable) return this.setData({ state: 'forbidden' });
      const form = current ? formOf(current) : emptyForm('unit', manager ? '' : me.unit?.id ?? '');
      this.setData({ manager, grids: grids.data, original: current, kindLabel: current ? PROVIDER_KIND_LABELS[current.providerKind] : '', form, on: this.onOf(form) });
      // Staff choose among the community's units and people; a unit member gives their own unit.
      if (manager && (!current || current.providerKind === 'team')) {
        const res = await lists.assignees({});
        if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
        this.setOptions(res.data.items);
      } else if (me.unit) {
        this.setData({ units: [{ id: me.unit.id, label: me.unit.name }] });
      }
      this.setData({ state: 'ready' });
    },

    setOptions(items: AssigneeOption[]) {
      const of = (kind: AssigneeOption['kind']) => items.filter((a) => a.kind === kind).map((a) => ({ id: a.id, label: a.label }));
      const volunteers = of('agent');
      // Under 提供方 共建单位 the unit's name alone says it.
      const units = of('unit').map((u) => ({ ...u, label: u.label.replace(/^共建单位\s*/, '') }));
      this.setData({ units, volunteers, people: [...volunteers, ...of('grid_worker')] });
    },

    onOf(form: ResourceForm): Record<Multi, Record<string, boolean>> {
      return { categories: onMap(form.categories), gridIds: onMap(form.gridIds), memberIds: onMap(form.memberIds) };
    },

    onField(e: Change<{ field: keyof ResourceForm }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onKind(e: Tap<{ value: ProviderKind }>) {
      if (this.data.original) return;
      this.setData({ 'form.providerKind': e.currentTarget.dataset.value });
    },

    onPick(e: Tap<{ field: 'unitId' | 'userId'; value: string }>) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: value });
    },

    onToggle(e: Tap<{ field: Multi; value: string }>) {
      const { field, value } = e.currentTarget.dataset;
      const list = toggled(this.data.form[field], value);
      if (field === 'categories' && list.length > CATEGORIES_MAX) return toast(`服务类别最多选${CATEGORIES_MAX}个`);
      this.setData({ [`form.${field}`]: list, [`on.${field}`]: onMap(list) });
    },

    onPeriod(e: Tap<{ value: CapacityPeriod }>) {
      this.setData({ 'form.period': e.currentTarget.dataset.value });
    },

    onAreaMode(e: Tap<{ value: AreaMode }>) {
      this.setData({ 'form.areaMode': e.currentTarget.dataset.value });
    },

    async onPickCenter() {
      const picked = await pickLocation(this.data.form.center ?? undefined);
      if (!picked) return toast('没有选到位置，也可以改为按网格设置服务范围');
      this.setData({ 'form.center': picked.location, 'form.centerText': picked.name || picked.address || '已选位置' });
    },

    async onSave() {
      if (this.data.saving) return;
      const { form, original } = this.data;
      const problem = formProblem(form, !!original);
      if (problem) return toast(problem);
      const resource = toInput(form);
      const req = original ? { op: 'update' as const, id: original.id, resource } : { op: 'create' as const, resource };
      if (!(await saveOnce(this, this.retryKey(), req, lists.saveResource))) return;
      saved(original ? '已保存' : '已登记到资源清单');
    },
  },
});
