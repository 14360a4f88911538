import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as bulletin from '../../../services/bulletin';
import { askSubscribe } from '../../../services/subscribe';
import { toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { bulletinItemView } from '../../../utils/bulletin-view';
import { BULLETIN_PAGES } from '../../../utils/routes';

/** 通知公告: what the community told the person, pinned first, the unread ones marked. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  methods: {
    onLoad() {
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const res = await bulletin.list(cursor ? { cursor } : {});
      return viewPage(res, (b) => bulletinItemView(b));
    },

    /** 紧急通知 also come as a WeChat message, to those who allowed it here (in the tap, as WeChat requires). */
    async onSubscribe() {
      const accepted = await askSubscribe(['bulletin']);
      toast(accepted.length ? '紧急通知会发到微信' : '没有开启提醒');
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${BULLETIN_PAGES.detail}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
