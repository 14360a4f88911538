import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as bulletin from '../../../services/bulletin';
import { bulletinItemView } from '../../../utils/bulletin-view';
import { STAFF_BULLETIN_PAGES } from '../../../utils/routes';
import type { BulletinManaged } from '../../../../typings/bulletin';
import type { Tap } from '../../../base/events';

const toView = (b: BulletinManaged) => ({ ...bulletinItemView(b), audienceLabel: b.audienceLabel, counts: `已读 ${b.reads} 人${b.needsConfirm ? ` · 确认收到 ${b.confirms} 人` : ''}` });

/** 通知管理: every bulletin of the community, newest first, with how many read it; a tap opens its 阅读情况. */
Component({
  behaviors: [pagedList, managersList, freshOnShow],

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await bulletin.manage(cursor ? { cursor } : {}), toView);
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${STAFF_BULLETIN_PAGES.reads}?id=${e.currentTarget.dataset.id}` });
    },

    onPublish() {
      wx.navigateTo({ url: STAFF_BULLETIN_PAGES.edit });
    },
  },
});
