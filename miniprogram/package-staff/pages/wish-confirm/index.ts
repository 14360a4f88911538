import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { type CardView, toCardView } from '../../../utils/wish-view';
import { ask, toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';

/**
 * Wishes whose volunteer has handed in proof. The resident confirms first; the server lets staff
 * confirm alone only after the resident has been silent for 3 days, and says so otherwise.
 */
Component({
  behaviors: [pagedList, managersList],

  data: {
    busy: '',
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await wish.queue({ kind: 'confirmation', ...(cursor ? { cursor } : {}) }), (c) => toCardView(c, imageUrl));
    },

    async onConfirm(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      if (!(await ask('代为确认完成', '确认后心愿点亮，志愿者获得积分。确定代居民确认吗？', '代为确认'))) return;
      this.setData({ busy: id });
      const res = await wish.confirm({ id });
      this.setData({ busy: '' });
      if (!res.ok) {
        toast(res.message);
        if (res.code === 'FAILED_PRECONDITION' || res.code === 'NOT_FOUND') this.setData({ items: (this.data.items as CardView[]).filter((c) => c.id !== id) });
        return;
      }
      this.setData({ items: (this.data.items as CardView[]).filter((c) => c.id !== id) });
      toast(res.data.pointsAwarded > 0 ? `已代为确认，志愿者获得${res.data.pointsAwarded}积分` : '已代为确认');
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
    },

    onDetail(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.currentTarget.dataset.id}` });
    },
  },
});
