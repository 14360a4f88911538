import type { WishCard, WishCategory } from '../../../../typings/wish';
import * as session from '../../../services/session';
import { askSubscribe, loadTemplates } from '../../../services/subscribe';
import { newRequestId } from '../../../services/transport';
import * as wish from '../../../services/wish';
import { CONTENT_MAX, PHOTO_MAX, TITLE_MAX, WISH_CATEGORIES } from '../../../utils/wish';
import { checkDraft, worthMatching } from './form';
import { toast } from '../../../utils/dialog';

/** Wait this long after the last keystroke before asking for look-alikes. */
const SIMILAR_DELAY_MS = 600;

interface SimilarView {
  id: string;
  title: string;
  publisher: string;
  wants: number;
  wanted: boolean;
}

const toSimilar = (c: WishCard): SimilarView => ({ id: c.id, title: c.title, publisher: c.publisher, wants: c.wants, wanted: false });

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, D>;

// Per page instance, outside `data` so they never go through setData.
interface Internals {
  timer?: ReturnType<typeof setTimeout>;
  seq: number;
  /** Kept from the first attempt until a publish succeeds: a retry or a second tap posts once. */
  requestId?: string;
}

Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'unbound',
    errorText: '',
    hasPhone: false,
    categories: WISH_CATEGORIES,
    titleMax: TITLE_MAX,
    contentMax: CONTENT_MAX,
    photoMax: PHOTO_MAX,
    title: '',
    content: '',
    category: '',
    photos: [] as string[],
    showPhone: false,
    similar: [] as SimilarView[],
    submitting: false,
  },

  lifetimes: {
    created() {
      (this as unknown as { _: Internals })._ = { seq: 0 };
    },
    detached() {
      const { timer } = this.internals();
      if (timer !== undefined) clearTimeout(timer);
    },
  },

  methods: {
    internals(): Internals {
      return (this as unknown as { _: Internals })._;
    },

    async onLoad() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      this.setData({ state: 'ready', hasPhone: !!me.data.phone });
    },

    onTitle(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: e.detail.value });
      this.matchLater();
    },

    onContent(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ content: e.detail.value });
    },

    onCategory(e: Tap<{ value: string }>) {
      this.setData({ category: e.currentTarget.dataset.value });
      this.matchLater();
    },

    onShowPhone(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ showPhone: e.detail.value });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    /** Debounced: look-alikes for the title being typed. */
    matchLater() {
      const self = this.internals();
      if (self.timer !== undefined) clearTimeout(self.timer);
      self.timer = setTimeout(() => void this.match(), SIMILAR_DELAY_MS);
    },

    async match() {
      const { title, content, category } = this.data;
      const self = this.internals();
      const seq = ++self.seq;
      if (!worthMatching({ title, content, category })) return this.setData({ similar: [] });
      const res = await wish.similar({ title: title.trim(), category: category as WishCategory, ...(content.trim() ? { content: content.trim() } : {}) });
      if (seq !== self.seq || !res.ok) return; // a later keystroke won, or the hint is simply not shown
      const wanted = new Set(this.data.similar.filter((s) => s.wanted).map((s) => s.id));
      this.setData({ similar: res.data.items.map(toSimilar).map((s) => ({ ...s, wanted: wanted.has(s.id) })) });
    },

    async onWant(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const item = this.data.similar.find((s) => s.id === id);
      if (!item || item.wanted || this.data.submitting) return;
      const res = await wish.want({ id });
      if (!res.ok) return toast(res.message);
      this.setData({
        similar: this.data.similar.map((s) => (s.id === id ? { ...s, wanted: true, wants: res.data.wish.wants } : s)),
      });
      toast('已同求+1，这个心愿实现时也会帮到您');
    },

    onOpenSimilar(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `/pages/wish/detail/index?id=${e.currentTarget.dataset.id}` });
    },

    async onSubmit() {
      if (this.data.submitting) return;
      const { title, content, category, photos, showPhone } = this.data;
      const problem = checkDraft({ title, content, category });
      if (problem) return toast(problem);

      const self = this.internals();
      self.requestId = self.requestId ?? newRequestId();
      this.setData({ submitting: true });
      const res = await wish.publish({
        title: title.trim(),
        content: content.trim(),
        category: category as WishCategory,
        photos,
        showPhone,
        requestId: self.requestId,
      });
      if (!res.ok) {
        this.setData({ submitting: false });
        return toast(res.message);
      }
      self.requestId = undefined;
      this.published(res.data.wish.id);
    },

    /** Offers the review notice (inside the answer to a dialog, as WeChat requires), then shows the wish. */
    published(id: string) {
      const open = () => wx.redirectTo({ url: `/pages/wish/detail/index?id=${id}` });
      // Read while the dialog is up, so the answer's tap can ask WeChat at once.
      void loadTemplates();
      wx.showModal({
        title: '发布成功',
        content: '社区审核通过后，心愿会出现在心愿墙上。审核结果出来时要通知您吗？',
        confirmText: '通知我',
        cancelText: '不用了',
        confirmColor: '#C8161D',
        success: (r) => {
          if (r.confirm) void askSubscribe(['wishReviewed', 'wishClaimed', 'wishFulfilled']).then(open);
          else open();
        },
        fail: open,
      });
    },
  },
});
