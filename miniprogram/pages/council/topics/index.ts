import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as council from '../../../services/council';
import { COUNCIL_PAGES } from '../../../utils/routes';
import { STAGE_TABS, toTopicCardView } from '../../../utils/council-view';
import type { TopicStage } from '../../../../typings/council';
import type { Tap } from '../../../base/events';

/** 议事协商: the community's topics by stage (联名, 征集, 协商, 表决, 公示, 落实), and 我要提议题. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  data: {
    tabs: STAGE_TABS,
    tab: '' as '' | TopicStage,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = STAGE_TABS.find((t) => t.value === query.stage);
      if (tab) this.setData({ tab: tab.value });
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const stage = this.data.tab;
      const now = Date.now();
      return viewPage(await council.topics({ ...(stage ? { stage } : {}), ...(cursor ? { cursor } : {}) }), (t) => toTopicCardView(t, now));
    },

    onTab(e: Tap<{ tab: '' | TopicStage }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab !== this.data.tab) void this.switchList({ tab });
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${COUNCIL_PAGES.topic}?id=${e.currentTarget.dataset.id}` });
    },

    onPropose() {
      wx.navigateTo({ url: COUNCIL_PAGES.propose });
    },
  },
});
