import type { WishCard, WishCategory } from '../../../../typings/wish';
import { instanceState } from '../../../base/instance';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as session from '../../../services/session';
import { askSubscribe, loadTemplates } from '../../../services/subscribe';
import * as wish from '../../../services/wish';
import { CONTENT_MAX, PHOTO_MAX, TITLE_MAX, WISH_CATEGORIES } from '../../../utils/wish-view';
import { checkDraft, worthMatching } from './form';
import { toast } from '../../../utils/dialog';
import type { Change, Tap } from '../../../base/events';
import { BRAND_RED } from '../../../utils/brand';

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

/** The look-alike search as the person types: the pending timer, and the number of the latest ask. */
interface Typing {
  timer?: ReturnType<typeof setTimeout>;
  seq: number;
}

const typing = instanceState<Typing>(() => ({ seq: 0 }));

Component({
  behaviors: [retryKeyed],

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
    /** The building from the profile, where the address starts. */
    building: '',
    address: '',
    preferredTime: '',
    similar: [] as SimilarView[],
    submitting: false,
  },

  lifetimes: {
    detached() {
      const { timer } = typing(this);
      if (timer !== undefined) clearTimeout(timer);
    },
  },

  methods: {
    async onLoad() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      this.setData({ state: 'ready', hasPhone: !!me.data.phone, building: me.data.building ?? '' });
    },

    onTitle(e: Change) {
      this.setData({ title: e.detail.value });
      this.matchLater();
    },

    onContent(e: Change) {
      this.setData({ content: e.detail.value });
    },

    onCategory(e: Tap<{ value: string }>) {
      this.setData({ category: e.currentTarget.dataset.value });
      this.matchLater();
    },

    onShowPhone(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ showPhone: e.detail.value });
    },

    onVisit(e: WechatMiniprogram.CustomEvent<{ address: string; preferredTime: string }>) {
      this.setData({ address: e.detail.address, preferredTime: e.detail.preferredTime });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    /** Debounced: look-alikes for the title being typed. */
    matchLater() {
      const self = typing(this);
      if (self.timer !== undefined) clearTimeout(self.timer);
      self.timer = setTimeout(() => void this.match(), SIMILAR_DELAY_MS);
    },

    async match() {
      const { title, content, category } = this.data;
      const self = typing(this);
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
      const { title, content, category, photos, showPhone, address, preferredTime } = this.data;
      const problem = checkDraft({ title, content, category, address });
      if (problem) return toast(problem);

      // One key from the first attempt until a publish succeeds, even if the draft was touched in
      // between: a retry or a second tap posts once.
      const key = this.retryKey();
      this.setData({ submitting: true });
      const res = await wish.publish({
        title: title.trim(),
        content: content.trim(),
        category: category as WishCategory,
        photos,
        showPhone,
        ...(address ? { address } : {}),
        ...(preferredTime ? { preferredTime } : {}),
        requestId: key.for('publish'),
      });
      if (!res.ok) {
        this.setData({ submitting: false });
        return toast(res.message);
      }
      key.settle();
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
        confirmColor: BRAND_RED,
        success: (r) => {
          if (r.confirm) void askSubscribe(['wishReviewed', 'wishClaimed', 'wishFulfilled']).then(open);
          else open();
        },
        fail: open,
      });
    },
  },
});
