import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import { decisionList } from '../../../behaviors/decision-list';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { REASON_MAX, toCardView } from '../../../utils/wish-view';
import { toast } from '../../../utils/dialog';
import type { Change, Tap } from '../../../base/events';

/** Wishes waiting for review, oldest first: approve, or reject with a reason, right on the list. */
Component({
  behaviors: [pagedList, managersList, decisionList],

  data: {
    reason: '',
    reasonMax: REASON_MAX,
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await wish.queue({ kind: 'review', ...(cursor ? { cursor } : {}) }), (c) => toCardView(c, imageUrl));
    },

    decide(id: string, approve: boolean, reason?: string) {
      return this.decideItem(id, () => wish.review({ id, approve, ...(reason ? { reason } : {}) }), approve ? '已通过，心愿已上墙' : '已驳回，居民会收到原因');
    },

    onApprove(e: Tap<{ id: string }>) {
      void this.decide(e.currentTarget.dataset.id, true);
    },

    onReject(e: Tap<{ id: string }>) {
      this.setData({ rejecting: e.currentTarget.dataset.id, reason: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    onCancelReject() {
      this.setData({ rejecting: '' });
    },

    onConfirmReject(e: Tap<{ id: string }>) {
      const reason = this.data.reason.trim();
      if (!reason) return toast('请填写驳回原因，方便居民修改');
      void this.decide(e.currentTarget.dataset.id, false, reason);
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
    },
  },
});
