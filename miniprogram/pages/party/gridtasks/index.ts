import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { GRIDWORK_PAGES } from '../../../utils/routes';
import { SNAP_LIMITS, type GridTaskView, toGridTaskView } from '../../../utils/gridwork-view';
import type { Change, Tap } from '../../../base/events';

/**
 * 网格任务 for a grid's workers, part-time couriers and riders above all: 随手拍 at the top, the
 * grid's open tasks to 认领 (one claimer each), and their own tasks to report done with a note
 * and a photo; staff confirm and the points follow.
 */
Component({
  behaviors: [elderPage, memberPage, freshOnShow, retryKeyed],

  data: {
    open: [] as GridTaskView[],
    mine: [] as GridTaskView[],
    finishing: '',
    note: '',
    photos: [] as string[],
    noteMax: SNAP_LIMITS.note,
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      if (!me.roles.includes('grid_worker')) return this.setData({ state: 'forbidden' });
      await this.reload();
    },

    async reload() {
      const [open, mine] = await Promise.all([party.gridTasks({ scope: 'open' }), party.gridTasks({ scope: 'mine' })]);
      if (!open.ok || !mine.ok) {
        const failed = !open.ok ? open : !mine.ok ? mine : null;
        return this.setData({ state: failed?.code === 'FORBIDDEN' ? 'forbidden' : 'error', errorText: failed?.message ?? '' });
      }
      const now = Date.now();
      this.setData({ state: 'ready', open: open.data.items.map((t) => toGridTaskView(t, now)), mine: mine.data.items.map((t) => toGridTaskView(t, now)) });
    },

    onSnap() {
      wx.navigateTo({ url: GRIDWORK_PAGES.snap });
    },

    async onClaim(e: Tap<{ id: string }>) {
      if (this.data.busy) return;
      const { id } = e.currentTarget.dataset;
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.claimGridTask({ id, requestId: requestId({ id }) }));
      if (!res) return;
      if (!res.ok) {
        void this.reload();
        return tell('未能认领', res.message);
      }
      toast('已认领，请按时完成');
      await this.reload();
    },

    onOpenFinish(e: Tap<{ id: string }>) {
      this.setData({ finishing: e.currentTarget.dataset.id, note: '', photos: [] });
    },

    onCloseFinish() {
      this.setData({ finishing: '' });
    },

    onNote(e: Change) {
      this.setData({ note: e.detail.value });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    async onFinish() {
      if (this.data.busy) return;
      const id = this.data.finishing;
      const note = this.data.note.trim();
      if (!note) return toast('请写一句完成情况');
      const change = { id, note, photos: this.data.photos };
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.finishGridTask({ ...change, requestId: requestId(change) }));
      if (!res) return;
      if (!res.ok) return tell('未能提交', res.message);
      this.setData({ finishing: '' });
      toast('已提交，等社区确认');
      await this.reload();
    },
  },
});
