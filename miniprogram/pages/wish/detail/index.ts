import { inlineForm } from '../../../behaviors/inline-form';
import { detailPage, pick } from '../../../behaviors/detail-page';
import type { Fail, Result } from '../../../../typings/api';
import type { WishDetail } from '../../../../typings/wish';
import { imageUrl } from '../../../services/storage';
import { askSubscribe, loadTemplates } from '../../../services/subscribe';
import * as wish from '../../../services/wish';
import { PHOTO_MAX } from '../../../utils/wish-view';
import { type ButtonKey, type ButtonView, type DetailView, FORMS, type FormKey, STAR_WORDS, buttonsFor, toDetailView } from './view';
import { tell, toast } from '../../../utils/dialog';
import type { Tap } from '../../../base/events';
import { BRAND_RED } from '../../../utils/brand';

/** A yes/no question; resolves true on 确定. `onYes` runs inside the answer (a tap), as subscriptions need. */
function ask(title: string, content: string, confirmText: string, onYes?: () => void): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '再想想',
      confirmColor: BRAND_RED,
      success: (r) => {
        if (r.confirm) onYes?.();
        resolve(r.confirm);
      },
      fail: () => resolve(false),
    });
  });
}

type WishResult = Result<{ wish: WishDetail }>;

Component({
  behaviors: [detailPage, inlineForm],

  data: {
    goneText: '心愿不存在或已删除',
    wish: null as DetailView | null,
    buttons: [] as ButtonView[],
    /** The caller published this wish. */
    mine: false,
    busy: false,
    form: '' as FormKey | '',
    formSpec: null as (typeof FORMS)[FormKey] | null,
    formText: '',
    formPhotos: [] as string[],
    stars: 5,
    starWord: STAR_WORDS[5],
    photoMax: PHOTO_MAX,
  },

  methods: {
    async fetchDetail() {
      return pick(await wish.get({ id: this.data.id }), (d) => d.wish);
    },

    show(w: WishDetail) {
      this.setData({ state: 'ready', wish: toDetailView(w, imageUrl), buttons: buttonsFor(w), mine: w.mine });
    },

    /** Runs one action; on success shows the wish as it now is and says `done`. */
    async run(action: string, call: () => Promise<WishResult>, done: string | (() => string)): Promise<boolean> {
      if (this.data.busy) return false;
      this.setData({ busy: true });
      const res = await call();
      this.setData({ busy: false });
      if (!res.ok) {
        await this.refused(action, res);
        return false;
      }
      this.show(res.data.wish);
      this.setData({ form: '', formSpec: null });
      toast(typeof done === 'string' ? done : done());
      return true;
    },

    async refused(action: string, res: Fail) {
      if (action === 'claim' && res.code === 'CONFLICT') {
        tell('手慢了', res.message);
        return this.reload();
      }
      toast(res.message);
      // Someone else moved the wish meanwhile: show it as it is now.
      if (res.code === 'CONFLICT' || res.code === 'FAILED_PRECONDITION') await this.reload();
    },

    onAction(e: Tap<{ key: ButtonKey }>) {
      if (this.data.busy) return;
      const id = this.data.id;
      const key = e.currentTarget.dataset.key;
      switch (key) {
        case 'approve':
          return void this.run('review', () => wish.review({ id, approve: true }), '审核通过，心愿已上墙');
        case 'clearHold':
          return void this.run('clearHold', () => wish.clearHold({ id }), '已公开显示');
        case 'want':
          return void this.run('want', () => wish.want({ id }), '已同求+1，认领后会一并帮到您');
        case 'claim':
          return void this.claim();
        case 'release':
          return void ask('放弃认领', '放弃后心愿会回到心愿墙，由其他志愿者认领。确定放弃吗？', '放弃认领').then(
            (yes) => yes && this.run('release', () => wish.release({ id }), '已放弃认领'),
          );
        case 'withdraw':
          return void ask('撤回心愿', '撤回后心愿不再显示在心愿墙上。确定撤回吗？', '撤回').then(
            (yes) => yes && this.run('withdraw', () => wish.withdraw({ id }), '心愿已撤回'),
          );
        case 'confirm':
          return void this.confirm();
        default:
          return this.openForm(key);
      }
    },

    async claim() {
      const id = this.data.id;
      void loadTemplates(); // read while the dialog is up, so its tap can ask WeChat at once
      const yes = await ask('认领心愿', '认领后请在7天内帮忙完成，完成后提交凭证。确定认领吗？', '确认认领', () => {
        // Asked in the same tap: the volunteer hears when the resident confirms.
        void askSubscribe(['wishConfirmed']);
      });
      if (yes) await this.run('claim', () => wish.claim({ id }), '认领成功，请尽快联系居民');
    },

    async confirm() {
      const id = this.data.id;
      const content = this.data.mine ? '确认志愿者已经帮您完成了这个心愿吗？' : '居民3天未确认，确定由社区代为确认完成吗？';
      if (!(await ask('确认完成', content, '确认完成'))) return;
      let points = 0;
      await this.run(
        'confirm',
        async () => {
          const res = await wish.confirm({ id });
          if (res.ok) points = res.data.pointsAwarded;
          return res;
        },
        () => (points > 0 ? `已确认完成，志愿者获得${points}积分` : '已确认完成'),
      );
    },

    openForm(key: ButtonKey) {
      const form = (key === 'proof' ? 'proof' : key) as FormKey;
      this.setData({ form, formSpec: FORMS[form], formText: '', formPhotos: [], stars: 5, starWord: STAR_WORDS[5] });
    },

    onStar(e: Tap<{ n: number }>) {
      const stars = Number(e.currentTarget.dataset.n);
      this.setData({ stars, starWord: STAR_WORDS[stars] });
    },

    onSubmitForm() {
      const { form, formSpec, id } = this.data;
      if (!form || !formSpec || this.data.busy) return;
      const text = this.data.formText.trim();
      if (formSpec.required && !text) return toast(formSpec.missing);
      if (text.length > formSpec.max) return toast(`最多${formSpec.max}个字`);
      const photos = this.data.formPhotos;
      switch (form) {
        case 'proof':
          return void this.run('submitProof', () => wish.submitProof({ id, note: text, photos }), '凭证已提交，等待居民确认');
        case 'dispute':
          return void this.run('dispute', () => wish.dispute({ id, reason: text }), '已提出异议，志愿者会继续帮忙');
        case 'rate':
          return void this.run('rate', () => wish.rate({ id, stars: this.data.stars, ...(text ? { comment: text } : {}) }), '感谢您的评价');
        case 'reject':
          return void this.run('review', () => wish.review({ id, approve: false, reason: text }), '已驳回');
        case 'revoke':
          return void this.run('revoke', () => wish.revoke({ id, reason: text }), '已撤销认领，心愿回到心愿墙');
        case 'takedown':
          return void this.run('takedown', () => wish.takedown({ id, reason: text }), '心愿已下架');
      }
    },

    onPreview(e: Tap<{ url: string; group: 'photos' | 'proof' }>) {
      const { url, group } = e.currentTarget.dataset;
      const urls = group === 'proof' ? (this.data.wish?.proof?.photos ?? []) : (this.data.wish?.photos ?? []);
      wx.previewImage({ current: url, urls });
    },

  },
});
