import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { ManageGoods } from '../../../../typings/points';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import { saveOnce } from '../../../services/retry';
import { imageUrl } from '../../../services/storage';
import { ask, toast } from '../../../utils/dialog';
import { GOODS_EDIT } from '../../../utils/routes';
import { type GoodsView, REASON_MAX, toGoodsView } from '../../../utils/points-view';
import type { Change, Tap } from '../../../base/events';

type FormKind = 'restock' | 'offShelf';

const RESTOCK_MAX = 10000;

/** 商品管理: every item of the mall, off-shelf ones too; restock, take off or put back on the shelf. */
Component({
  behaviors: [retryKeyed, pagedList, managersList, freshOnShow],

  data: {
    /** The item whose restock or off-shelf form is open. */
    formId: '',
    formKind: '' as FormKind | '',
    formQuantity: '',
    formReason: '',
    reasonMax: REASON_MAX,
    busy: false,
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await points.goods({ all: true, ...(cursor ? { cursor } : {}) }), (g) => toGoodsView(g, imageUrl));
    },

    onCreate() {
      wx.navigateTo({ url: GOODS_EDIT });
    },

    onEdit(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${GOODS_EDIT}?id=${e.currentTarget.dataset.id}` });
    },

    onOpenForm(e: Tap<{ id: string; kind: FormKind }>) {
      const { id, kind } = e.currentTarget.dataset;
      this.setData({ formId: id, formKind: kind, formQuantity: '', formReason: '' });
    },

    onCloseForm() {
      this.setData({ formId: '', formKind: '' });
    },

    onFormQuantity(e: Change) {
      this.setData({ formQuantity: e.detail.value });
    },

    onFormReason(e: Change) {
      this.setData({ formReason: e.detail.value });
    },

    async onSubmitForm() {
      const { formId: id, formKind, busy } = this.data;
      const item = (this.data.items as GoodsView[]).find((g) => g.id === id);
      if (!item || busy) return;
      const reason = this.data.formReason.trim();
      if (reason.length > REASON_MAX) return toast(`说明最多${REASON_MAX}个字`);
      if (formKind === 'restock') {
        const quantity = Number(this.data.formQuantity.trim());
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > RESTOCK_MAX) return toast(`补货数量须在1到${RESTOCK_MAX}之间`);
        if (await this.send({ op: 'restock', id, quantity, ...(reason ? { reason } : {}) })) toast(`已补货 ${quantity} 件`);
        return;
      }
      if (!reason) return toast('请填写下架原因');
      if (!(await ask('下架商品', `下架后居民在商城里看不到“${item.name}”，已兑换的订单不受影响。确定下架吗？`, '下架'))) return;
      if (await this.send({ op: 'offShelf', id, reason })) toast('已下架');
    },

    async onOnShelf(e: Tap<{ id: string }>) {
      const item = (this.data.items as GoodsView[]).find((g) => g.id === e.currentTarget.dataset.id);
      if (!item || this.data.busy) return;
      if (!(await ask('重新上架', `“${item.name}”将重新出现在积分商城。确定上架吗？`, '上架'))) return;
      if (await this.send({ op: 'onShelf', id: item.id })) toast('已上架');
    },

    /** One change; a retry after a lost answer carries the same requestId. True when it went through. */
    async send(req: ManageGoods): Promise<boolean> {
      const done = await saveOnce(this, this.retryKey(), req, points.manageGoods, { flag: 'busy', title: '没有完成' });
      if (!done) return false;
      const view = toGoodsView(done.goods, imageUrl);
      this.setData({ items: (this.data.items as GoodsView[]).map((g) => (g.id === view.id ? view : g)), formId: '', formKind: '' });
      return true;
    },
  },
});
