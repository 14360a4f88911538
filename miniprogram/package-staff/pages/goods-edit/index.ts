import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Goods, ManageGoods } from '../../../../typings/points';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import { saveOnce } from '../../../services/retry';
import { toast } from '../../../utils/dialog';
import { DESCRIPTION_MAX, type GoodsForm, NAME_MAX, PLACE_MAX, type ProviderChoice, emptyForm, formOf, formProblem, providerChoices, toCreate, toEdit } from './form';
import type { Change } from '../../../base/events';

/** Staff: a new item for the points mall, or changes to one (given ?id=). */
Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    id: '',
    form: emptyForm(),
    original: null as Goods | null,
    providers: [] as ProviderChoice[],
    reason: '',
    limits: { name: NAME_MAX, description: DESCRIPTION_MAX, place: PLACE_MAX },
    saving: false,
  },

  methods: {
    titles() {
      return { create: '上架新商品', edit: '编辑商品' };
    },

    async start() {
      const me = await this.ensureStaff(managersOnly);
      const community = me?.community;
      if (!community) return;
      const [list, detail] = await Promise.all([points.goods({ all: true }), this.data.id ? points.goodsDetail({ id: this.data.id }) : null]);
      if (detail && !detail.ok) return this.setData({ state: 'error', errorText: detail.message });
      const current = detail?.ok ? detail.data.goods : undefined;
      this.setData({
        state: 'ready',
        original: current ?? null,
        form: current ? formOf(current) : emptyForm(),
        providers: providerChoices(community.name, list.ok ? list.data.items : [], current),
      });
    },

    onField(e: Change<{ field: keyof GoodsForm }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ 'form.photos': e.detail.ids });
    },

    onProvider(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { unit: string }>) {
      this.setData({ 'form.unitId': e.currentTarget.dataset.unit });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async onSave() {
      if (this.data.saving) return;
      const { form, original } = this.data;
      const problem = formProblem(form, !original);
      if (problem) return toast(problem);
      const req = original ? toEdit(original, form, this.data.reason) : toCreate(form);
      if (!req) return toast('没有修改的内容');
      const saved = await this.send(req);
      if (!saved) return;
      toast(original ? '已保存' : '已上架到积分商城');
      wx.navigateBack({ delta: 1 });
    },

    /** A retry after a lost answer carries the same requestId, so the item is created once. */
    async send(req: ManageGoods): Promise<Goods | null> {
      const done = await saveOnce(this, this.retryKey(), req, points.manageGoods);
      if (!done) return null;
      this.setData({ original: done.goods, id: done.goods.id, form: formOf(done.goods), reason: '' });
      return done.goods;
    },
  },
});
