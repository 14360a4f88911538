import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { OrderStatus } from '../../../../typings/points';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as points from '../../../services/points';
import { sendOnce } from '../../../services/retry';
import { imageUrl } from '../../../services/storage';
import { ask, tell, toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/routes';
import { type OrderView, toOrderView } from '../../../utils/points-view';
import { elderPage } from '../../../behaviors/elder-page';

/** '' lists every order. */
type Tab = OrderStatus | '';

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待领取' },
  { value: 'redeemed', label: '已领取' },
  { value: '', label: '全部' },
];

/** 我的兑换: orders by status; one waiting for pickup shows its code as a QR code and in big digits. */
Component({
  behaviors: [elderPage, memberPage, pagedList, retryKeyed, freshOnShow],

  data: {
    tabs: TABS,
    tab: 'pending' as Tab,
    balance: 0,
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    /** The first page comes with the balance, read at the same time. */
    async fetchPage(cursor?: string) {
      const tab = this.data.tab;
      const query = { ...(tab ? { status: tab } : {}), ...(cursor ? { cursor } : {}) };
      const [page, bal] = await Promise.all([points.orders(query), cursor ? null : points.balance()]);
      if (page.ok && bal?.ok) this.setData({ balance: bal.data.balance });
      return viewPage(page, (o) => toOrderView(o, imageUrl));
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      void this.switchList({ tab });
    },

    async onCancel(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const order = (this.data.items as OrderView[]).find((o) => o.id === e.currentTarget.dataset.id);
      if (!order || this.data.busy) return;
      this.setData({ busy: true });
      const yes = await ask('取消兑换', `取消后 ${order.points} 积分退回您的账户，“${order.goodsName}”放回货架。确定取消吗？`, '取消兑换', '不取消');
      if (!yes) return this.setData({ busy: false });
      const res = await sendOnce(this, this.retryKey(), (rid) => points.cancelOrder({ id: order.id, requestId: rid({ id: order.id }) }), {
        again: '请再点一次“取消兑换”，积分不会重复退回',
      });
      if (!res) return;
      if (!res.ok) {
        tell('未能取消', res.message);
        return this.reload();
      }
      const balance = res.data.balance ?? this.data.balance;
      const view = toOrderView(res.data.order, imageUrl);
      const shown = this.data.items as OrderView[];
      const items = this.data.tab === 'pending' ? shown.filter((o) => o.id !== order.id) : shown.map((o) => (o.id === order.id ? view : o));
      this.setData({ items, balance });
      toast(`已取消，${order.points}积分已退回`);
    },

    onMall() {
      wx.navigateTo({ url: POINTS_PAGES.mall });
    },

  },
});
