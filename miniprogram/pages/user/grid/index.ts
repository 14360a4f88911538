import type { GridChoice } from '../../../../typings/user';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import type { Change, Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

/**
 * A member picks the building they live in; its grid follows, so the right grid worker serves them.
 * The unit and room typed above go with it: building and room are the household that votes once on
 * a topic (议事协商).
 */
Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    grids: [] as GridChoice[],
    currentGrid: '',
    currentBuilding: '',
    room: '',
    saving: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'error', errorText: '请先扫描社区海报上的二维码加入社区' });
      const res = await user.grids();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', grids: res.data.grids, currentGrid: me.data.grid?.id ?? '', currentBuilding: me.data.building ?? '', room: me.data.room ?? '' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    onRoom(e: Change) {
      this.setData({ room: e.detail.value });
    },

    async onPick(e: Tap<{ grid: string; building: string }>) {
      if (this.data.saving) return;
      const { grid, building } = e.currentTarget.dataset;
      this.setData({ saving: true });
      const room = this.data.room.trim();
      const res = await user.chooseGrid({ gridId: grid, building, ...(room ? { room } : {}) });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      session.setMe(res.data.me);
      this.setData({ currentGrid: grid, currentBuilding: building });
      toast(`已选择 ${building}${room}`);
      wx.navigateBack({ fail: () => undefined });
    },
  },
});
