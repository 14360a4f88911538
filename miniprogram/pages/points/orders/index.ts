import type { OrderStatus } from '../../../../typings/points';
import * as points from '../../../services/points';
import { type RetryKey, retryKey } from '../../../services/retry';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import { ask, tell, toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/entries';
import { type OrderView, appendById, toOrderView } from '../../../utils/points';

/** '' lists every order. */
type Tab = OrderStatus | '';

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待领取' },
  { value: 'redeemed', label: '已领取' },
  { value: '', label: '全部' },
];

interface Internals {
  cancelKey: RetryKey;
}

/** 我的兑换: orders by status; one waiting for pickup shows its code as a QR code and in big digits. */
Component({
  lifetimes: {
    created() {
      (this as unknown as { _: Internals })._ = { cancelKey: retryKey() };
    },
  },

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    tabs: TABS,
    tab: 'pending' as Tab,
    orders: [] as OrderView[],
    next: '',
    listLoading: false,
    balance: 0,
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onShow() {
      if (this.data.state === 'ready') void this.reload();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'error', errorText: '请先扫描社区海报上的二维码加入社区' });
      await this.reload();
    },

    query(cursor?: string) {
      const tab = this.data.tab;
      return { ...(tab ? { status: tab } : {}), ...(cursor ? { cursor } : {}) };
    },

    async reload() {
      this.setData({ listLoading: true });
      const [page, bal] = await Promise.all([points.orders(this.query()), points.balance()]);
      this.setData({ listLoading: false });
      if (!page.ok) {
        if (this.data.state === 'ready') return toast(page.message);
        return this.setData({ state: 'error', errorText: page.message });
      }
      this.setData({
        state: 'ready',
        orders: page.data.items.map((o) => toOrderView(o, imageUrl)),
        next: page.data.next ?? '',
        ...(bal.ok ? { balance: bal.data.balance } : {}),
      });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      const page = await points.orders(this.query(this.data.next));
      this.setData({ listLoading: false });
      if (!page.ok) return toast(page.message);
      const more = page.data.items.map((o) => toOrderView(o, imageUrl));
      this.setData({ orders: appendById(this.data.orders, more), next: page.data.next ?? '' });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      this.setData({ tab, orders: [], next: '' });
      void this.reload();
    },

    async onCancel(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const order = this.data.orders.find((o) => o.id === e.currentTarget.dataset.id);
      if (!order || this.data.busy) return;
      this.setData({ busy: true });
      const yes = await ask('取消兑换', `取消后 ${order.points} 积分退回您的账户，“${order.goodsName}”放回货架。确定取消吗？`, '取消兑换', '不取消');
      if (!yes) return this.setData({ busy: false });
      const key = this.internals().cancelKey;
      const res = await points.cancelOrder({ id: order.id, requestId: key.for({ id: order.id }) });
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到结果', `${res.message}。请再点一次“取消兑换”，积分不会重复退回。`);
        key.settle();
        tell('未能取消', res.message);
        return this.reload();
      }
      key.settle();
      const balance = res.data.balance ?? this.data.balance;
      const view = toOrderView(res.data.order, imageUrl);
      const orders = this.data.tab === 'pending' ? this.data.orders.filter((o) => o.id !== order.id) : this.data.orders.map((o) => (o.id === order.id ? view : o));
      this.setData({ orders, balance });
      toast(`已取消，${order.points}积分已退回`);
    },

    internals(): Internals {
      return (this as unknown as { _: Internals })._;
    },

    onMall() {
      wx.navigateTo({ url: POINTS_PAGES.mall });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
