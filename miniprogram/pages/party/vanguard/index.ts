import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import * as party from '../../../services/party';
import { toast } from '../../../utils/dialog';
import { type VanguardRowView, toVanguardRowView } from './view';
import type { Tap } from '../../../base/events';

/**
 * 先锋榜: confirmed party members by the 先锋积分 their service earned this year, for the whole
 * community or one 党组织; residents read 张**, staff real names (the server decides which).
 */
Component({
  behaviors: [elderPage, memberPage],

  data: {
    year: 0,
    /** The 党组织 shown; '' is the whole community. */
    branch: '',
    branches: [] as string[],
    rows: [] as VanguardRowView[],
    me: null as VanguardRowView | null,
    loading: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.branch) this.setData({ branch: decodeURIComponent(query.branch) });
      void this.start();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    async reload() {
      const branch = this.data.branch;
      this.setData({ loading: true });
      const res = await party.vanguard(branch ? { branch } : {});
      // Another 党组织 was chosen meanwhile: its answer is the one to show.
      if (branch !== this.data.branch) return;
      this.setData({ loading: false });
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const { year, branches, items, me } = res.data;
      this.setData({ state: 'ready', year, branches, rows: items.map(toVanguardRowView), me: me ? toVanguardRowView(me, -1) : null });
    },

    onBranch(e: Tap<{ branch: string }>) {
      const branch = e.currentTarget.dataset.branch;
      if (branch === this.data.branch) return;
      this.setData({ branch });
      void this.reload();
    },
  },
});
