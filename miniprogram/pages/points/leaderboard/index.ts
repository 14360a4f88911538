import { memberPage } from '../../../behaviors/member-page';
import * as points from '../../../services/points';
import { toast } from '../../../utils/dialog';
import { type RankView, toRankView } from '../../../utils/points-view';
import { elderPage } from '../../../behaviors/elder-page';

/** 光荣榜: who earned most points this season (names masked), and where the person stands. */
Component({
  behaviors: [elderPage, memberPage],

  data: {
    scope: '',
    range: '',
    rows: [] as RankView[],
    me: null as RankView | null,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    async reload() {
      const res = await points.leaderboard({});
      if (!res.ok) {
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const { scope, items, me } = res.data;
      this.setData({
        state: 'ready',
        scope: scope.name,
        range: `${scope.startDate} 至 ${scope.endDate}`,
        rows: items.map(toRankView),
        me: me ? toRankView(me, -1) : null,
      });
    },

  },
});
