import { retryKeyed } from '../../../behaviors/retry-key';
import { staffPage } from '../../../behaviors/staff-page';
import * as points from '../../../services/points';
import { imageUrl } from '../../../services/storage';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { isManager, mayVerify } from '../../../utils/labels';
import { type VerifiedView, parsePickupCode, toVerifiedView } from '../../../utils/points-view';
import type { Change } from '../../../base/events';

/** 兑换核销: staff (any goods) or a 共建单位 member (their unit's goods) turn a pickup code into 已领取. */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    scopeText: '',
    code: '',
    busy: false,
    result: null as VerifiedView | null,
    refusal: '',
    /** Verified in this visit, newest first. */
    done: [] as Array<{ id: string; text: string }>,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      // The server decides every pickup; this spares others a page that would only refuse.
      const me = await this.ensureStaff((m) => mayVerify(m.roles));
      if (!me) return;
      const scopeText = isManager(me.roles) ? '可核销本社区积分商城的所有兑换' : `可核销${me.unit?.name ?? '本单位'}提供的商品`;
      this.setData({ state: 'ready', scopeText });
    },

    onCode(e: Change) {
      this.setData({ code: e.detail.value });
    },

    onScan() {
      if (this.data.busy) return;
      wx.scanCode({
        onlyFromCamera: false,
        scanType: ['qrCode'],
        success: (r) => {
          const code = parsePickupCode(r.result);
          if (!code) return tell('无法识别', '这不是红邻的提货码，请让居民打开“我的兑换”出示提货码');
          void this.verify(code);
        },
        fail: () => undefined, // backed out of the camera
      });
    },

    onSubmit() {
      const code = parsePickupCode(this.data.code);
      if (!code) return toast('请输入8位数字提货码');
      void this.verify(code);
    },

    async verify(code: string) {
      if (this.data.busy) return;
      this.setData({ busy: true, refusal: '' });
      const res = await sendOnce(this, this.retryKey(), (rid) => points.verify({ code, requestId: rid({ code }) }), { title: '没有收到核销结果', again: '请再核销一次，不会重复核销' });
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message, result: null });
        return tell('未能核销', res.message);
      }
      const view = toVerifiedView(res.data.order, imageUrl);
      const line = { id: view.id, text: `${view.goodsName} × ${view.quantity} · ${view.holder}` };
      this.setData({ result: view, code: '', done: [line, ...this.data.done.filter((d) => d.id !== view.id)] });
      toast('核销成功，请发放商品');
    },
  },
});
