import { retryKeyed } from '../../../behaviors/retry-key';
import type { Goods } from '../../../../typings/points';
import * as points from '../../../services/points';
import { sendOnce } from '../../../services/retry';
import * as session from '../../../services/session';
import { imageUrl } from '../../../services/storage';
import { ask, tell, toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/routes';
import { type GoodsView, PICKUP_DAYS, blockReason, maxQuantity, toGoodsView } from '../../../utils/points-view';
import { elderPage } from '../../../behaviors/elder-page';

/** 商品详情: what it is, where to pick it up, and redeeming it with a confirmation. */
Component({
  behaviors: [elderPage, retryKeyed],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    id: '',
    goods: null as GoodsView | null,
    balance: 0,
    quantity: 1,
    max: 0,
    /** Why it cannot be redeemed now ('' when it can). */
    block: '',
    total: 0,
    after: 0,
    pickupDays: PICKUP_DAYS,
    busy: false,
    /** The last refusal, as the server worded it. */
    refusal: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? '';
      if (!id) return this.setData({ state: 'error', errorText: '商品不存在或已下架' });
      this.setData({ id });
      void this.start();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      await this.reload();
    },

    async reload() {
      const [detail, bal] = await Promise.all([points.goodsDetail({ id: this.data.id }), points.balance()]);
      if (!detail.ok) return this.setData({ state: 'error', errorText: detail.message });
      if (!bal.ok) return this.setData({ state: 'error', errorText: bal.message });
      this.show(detail.data.goods, bal.data.balance);
    },

    show(g: Goods, balance: number) {
      const max = maxQuantity(g, balance);
      const quantity = Math.max(1, Math.min(this.data.quantity, max || 1));
      this.setData({ state: 'ready', goods: toGoodsView(g, imageUrl), balance, max, block: blockReason(g, balance) });
      this.setQuantity(quantity);
    },

    setQuantity(quantity: number) {
      const cost = this.data.goods?.cost ?? 0;
      this.setData({ quantity, total: cost * quantity, after: this.data.balance - cost * quantity });
    },

    onMinus() {
      if (this.data.quantity > 1) this.setQuantity(this.data.quantity - 1);
    },

    onPlus() {
      if (this.data.quantity < this.data.max) this.setQuantity(this.data.quantity + 1);
      else if (this.data.max > 0) toast(`最多可兑 ${this.data.max} 件`);
    },

    async onRedeem() {
      const { goods, quantity, balance, total, after, busy, block } = this.data;
      if (busy || !goods) return;
      if (block) return toast(block);
      // Busy from the first tap: a second tap while the question is open does nothing.
      this.setData({ busy: true, refusal: '' });
      const content = `${goods.name} × ${quantity}\n消耗 ${total} 积分\n当前 ${balance} 积分，兑换后剩余 ${after} 积分`;
      if (!(await ask('确认兑换', content, '确认兑换'))) return this.setData({ busy: false });

      const req = { goodsId: goods.id, quantity };
      const res = await sendOnce(this, this.retryKey(), (rid) => points.redeem({ ...req, requestId: rid(req) }), {
        title: '没有收到兑换结果',
        again: '请再点一次“立即兑换”，不会重复扣积分',
      });
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        tell('未能兑换', res.message);
        return this.reload();
      }
      toast(`兑换成功，剩余 ${res.data.balance} 积分`);
      wx.redirectTo({ url: `${POINTS_PAGES.orders}?id=${res.data.order.id}` });
    },

    onPreview() {
      const url = this.data.goods?.photo;
      if (url) wx.previewImage({ current: url, urls: [url] });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
