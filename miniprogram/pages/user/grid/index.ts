import type { GridChoice } from '../../../../typings/user';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

/** A member picks the building they live in; its grid follows, so the right grid worker serves them. */
Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    grids: [] as GridChoice[],
    currentGrid: '',
    currentBuilding: '',
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
      this.setData({ state: 'ready', grids: res.data.grids, currentGrid: me.data.grid?.id ?? '', currentBuilding: me.data.building ?? '' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    async onPick(e: Tap<{ grid: string; building: string }>) {
      if (this.data.saving) return;
      const { grid, building } = e.currentTarget.dataset;
      this.setData({ saving: true });
      const res = await user.chooseGrid({ gridId: grid, building });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      session.setMe(res.data.me);
      this.setData({ currentGrid: grid, currentBuilding: building });
      toast(`已选择 ${building}`);
      wx.navigateBack({ fail: () => undefined });
    },
  },
});
