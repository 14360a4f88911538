import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as user from '../../../services/user';
import type { Tap } from '../../../base/events';
import { noticeViews } from '../../home/view';

/** 我的消息: what was told to me alone — a claim taken back and why, new work waiting for staff — newest first. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  methods: {
    onLoad() {
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const res = await user.inbox(cursor ? { cursor } : {});
      return viewPage(res, (n) => noticeViews([n])[0]);
    },

    onOpen(e: Tap<{ url: string }>) {
      const url = e.currentTarget.dataset.url;
      if (url) wx.navigateTo({ url });
    },
  },
});
