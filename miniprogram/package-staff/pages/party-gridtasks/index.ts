import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { retryKeyed } from '../../../behaviors/retry-key';
import { managersList } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import * as user from '../../../services/user';
import { imageUrl } from '../../../services/storage';
import { saveOnce, sendOnce } from '../../../services/retry';
import { shanghaiDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import { type GridTaskView, toGridTaskView } from '../../../utils/gridwork-view';
import type { GridTask } from '../../../../typings/gridtask';
import type { GridChoice } from '../../../../typings/user';
import type { Change, Tap } from '../../../base/events';
import { type GridTaskDraft, gridTaskOf, gridTaskProblem } from './form';

/** The list's view, with the photos a worker sent as addresses the phone can show. */
function view(t: GridTask): GridTaskView {
  const v = toGridTaskView(t);
  return { ...v, resultPhotos: v.resultPhotos.map(imageUrl) };
}

/**
 * 网格任务 for staff: publish a small task to one grid's workers (part-time couriers and riders
 * above all), then confirm what they report done (the points are credited once) or call it off.
 */
Component({
  behaviors: [pagedList, managersList, freshOnShow, retryKeyed],

  data: {
    items: [] as GridTaskView[],
    publishing: false,
    grids: [] as GridChoice[],
    gridId: '',
    title: '',
    place: '',
    detail: '',
    date: shanghaiDate(),
    time: '18:00',
    points: '5',
    refusal: '',
    saving: false,
    busy: false,
    cancelling: '',
    reason: '',
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await party.gridTasks(cursor ? { scope: 'all', cursor } : { scope: 'all' }), view);
    },

    async onNew() {
      if (this.data.publishing) return this.setData({ publishing: false });
      const res = await user.grids();
      if (!res.ok) return toast(res.message);
      this.setData({ publishing: true, grids: res.data.grids, gridId: this.data.gridId || (res.data.grids[0]?.id ?? ''), refusal: '' });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, refusal: '' });
    },

    onGrid(e: Tap<{ id: string }>) {
      this.setData({ gridId: e.currentTarget.dataset.id });
    },

    async onPublish() {
      if (this.data.saving) return;
      const d = this.data;
      const draft: GridTaskDraft = { gridId: d.gridId, title: d.title, place: d.place, detail: d.detail, date: d.date, time: d.time, points: d.points };
      const problem = gridTaskProblem(draft, Date.now());
      if (problem) return this.setData({ refusal: problem });
      const saved = await saveOnce(this, this.retryKey(), gridTaskOf(draft), party.publishGridTask, { title: '未能发布' });
      if (!saved) return;
      this.setData({ publishing: false, title: '', place: '', detail: '' });
      toast('已发布');
      await this.reload();
    },

    replace(view: GridTaskView) {
      this.setData({ items: this.data.items.map((i) => (i.id === view.id ? view : i)) });
    },

    async onConfirm(e: Tap<{ id: string }>) {
      if (this.data.busy) return;
      const { id } = e.currentTarget.dataset;
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.confirmGridTask({ id, requestId: requestId({ id, confirm: true }) }));
      if (!res) return;
      if (!res.ok) return tell('未能确认', res.message);
      this.replace(view(res.data.task));
      toast(`已确认，记${res.data.credited}积分`);
    },

    onOpenCancel(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ cancelling: this.data.cancelling === id ? '' : id, reason: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async onCancel() {
      if (this.data.busy) return;
      const id = this.data.cancelling;
      const reason = this.data.reason.trim();
      if (!reason) return toast('请写撤销原因');
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.cancelGridTask({ id, reason, requestId: requestId({ id, reason }) }));
      if (!res) return;
      if (!res.ok) return tell('未能撤销', res.message);
      this.setData({ cancelling: '' });
      this.replace(view(res.data.task));
      toast('已撤销');
    },
  },
});
