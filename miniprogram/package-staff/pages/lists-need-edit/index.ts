import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { NeedDetail, Urgency } from '../../../../typings/lists';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { toast } from '../../../utils/dialog';
import { NEED_SOURCE_LABELS, SERVICE_CATEGORIES, URGENCY_LABELS, VISIT_GROUPS } from '../../../utils/lists-view';
import { communityGrids, saved } from '../lists-shared';
import { saveOnce } from '../../../services/retry';
import { ADDRESS_MAX, DETAIL_MAX, type NeedForm, TITLE_MAX, WHO_MAX, emptyForm, formOf, formProblem, patchOf, toInput } from './form';
import type { Change, Tap } from '../../../base/events';

const URGENCIES = ([1, 2, 3] as Urgency[]).map((value) => ({ value, label: URGENCY_LABELS[value] }));

/** 走访录入: staff and grid workers enter a need found on a visit (五必访), or correct one (given ?id=). */
Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    id: '',
    form: emptyForm(),
    original: null as NeedDetail | null,
    sourceLabel: '',
    visitGroups: VISIT_GROUPS,
    categories: SERVICE_CATEGORIES,
    urgencies: URGENCIES,
    grids: [] as Array<{ id: string; name: string }>,
    limits: { title: TITLE_MAX, detail: DETAIL_MAX, address: ADDRESS_MAX, who: WHO_MAX },
    saving: false,
  },

  methods: {
    titles() {
      return { create: '走访录入', edit: '修改需求' };
    },

    async start() {
      const me = await this.ensureStaff();
      if (!me) return;
      const [grids, detail] = await Promise.all([communityGrids(), this.data.id ? lists.need({ id: this.data.id }) : null]);
      if (detail && !detail.ok) return this.setData({ state: detail.code === 'FORBIDDEN' ? 'forbidden' : 'error', errorText: detail.message });
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      const need = detail?.ok ? detail.data.need : null;
      // A grid worker enters needs of the grid they work; a single grid is chosen for them.
      const home = me.grid && grids.data.some((g) => g.id === me.grid!.id) ? me.grid.id : grids.data.length === 1 ? grids.data[0].id : '';
      this.setData({
        state: 'ready',
        grids: grids.data,
        original: need,
        sourceLabel: need ? NEED_SOURCE_LABELS[need.source] : '',
        form: need ? formOf(need) : emptyForm(home),
      });
    },

    onField(e: Change<{ field: keyof NeedForm }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onChoose(e: Tap<{ field: 'visitGroup' | 'category' | 'gridId' | 'urgency'; value: string | number }>) {
      const { field, value } = e.currentTarget.dataset;
      // 五必访 is optional: a second tap takes the choice back.
      const next = field === 'visitGroup' && this.data.form.visitGroup === value ? '' : value;
      this.setData({ [`form.${field}`]: next });
    },

    async onSave() {
      if (this.data.saving) return;
      const { form, original } = this.data;
      const problem = formProblem(form);
      if (problem) return toast(problem);
      const key = this.retryKey();
      let done;
      if (original) {
        const patch = patchOf(original, form);
        if (!patch) return toast('没有修改的内容');
        done = await saveOnce(this, key, { id: original.id, op: 'edit' as const, patch }, lists.updateNeed);
      } else {
        done = await saveOnce(this, key, toInput(form), lists.addNeed);
      }
      if (!done) return;
      saved(original ? '已保存' : '已录入需求清单');
    },
  },
});
