import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import * as wish from '../../../services/wish';
import { isManager } from '../../../utils/labels';
import { type CardView, REASON_MAX, appendCards, toCardView } from '../../../utils/wish';

function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

/** Wishes waiting for review, oldest first: approve, or reject with a reason, right on the list. */
Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    cards: [] as CardView[],
    next: '',
    listLoading: false,
    busy: '',
    rejecting: '',
    reason: '',
    reasonMax: REASON_MAX,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      // The server refuses anyone else; this spares them a page of buttons that would fail.
      if (!isManager(me.data.roles) || !me.data.community) return this.setData({ state: 'forbidden' });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      const page = await wish.queue({ kind: 'review' });
      this.setData({ listLoading: false });
      if (!page.ok) return this.setData({ state: page.code === 'FORBIDDEN' ? 'forbidden' : 'error', errorText: page.message });
      this.setData({ state: 'ready', cards: page.data.items.map((c) => toCardView(c, imageUrl)), next: page.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await wish.queue({ kind: 'review', cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      this.setData({ cards: appendCards(this.data.cards, page.data.items.map((c) => toCardView(c, imageUrl))), next: page.data.next ?? '' });
    },

    async decide(id: string, approve: boolean, reason?: string) {
      if (this.data.busy) return;
      this.setData({ busy: id });
      const res = await wish.review({ id, approve, ...(reason ? { reason } : {}) });
      this.setData({ busy: '' });
      if (!res.ok) {
        toast(res.message);
        // Reviewed by someone else meanwhile: it is no longer ours to decide.
        if (res.code === 'FAILED_PRECONDITION' || res.code === 'NOT_FOUND') this.drop(id);
        return;
      }
      this.drop(id);
      toast(approve ? '已通过，心愿已上墙' : '已驳回，居民会收到原因');
    },

    drop(id: string) {
      this.setData({ cards: this.data.cards.filter((c) => c.id !== id), rejecting: this.data.rejecting === id ? '' : this.data.rejecting });
    },

    onApprove(e: Tap) {
      void this.decide(e.currentTarget.dataset.id, true);
    },

    onReject(e: Tap) {
      this.setData({ rejecting: e.currentTarget.dataset.id, reason: '' });
    },

    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },

    onCancelReject() {
      this.setData({ rejecting: '' });
    },

    onConfirmReject(e: Tap) {
      const reason = this.data.reason.trim();
      if (!reason) return toast('请填写驳回原因，方便居民修改');
      void this.decide(e.currentTarget.dataset.id, false, reason);
    },

    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.detail.id}` });
    },
  },
});
