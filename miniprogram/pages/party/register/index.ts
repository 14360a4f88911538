import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import * as user from '../../../services/user';
import { saveOnce } from '../../../services/retry';
import { askSubscribe } from '../../../services/subscribe';
import { toast } from '../../../utils/dialog';
import { PARTY_PAGES } from '../../../utils/routes';
import { REGISTRATION_KIND_LABELS, type Registration, type RegistrationKind } from '../../../../typings/party';
import { SERVICE_CATEGORIES } from '../../../../typings/lists';
import { EMPTY_DRAFT, type RegisterDraft, registerOf, registerProblem, restoreDraft } from './form';
import type { Change, Tap } from '../../../base/events';

/** Where the half-filled form waits on the phone. */
export const DRAFT_KEY = 'hl.partyRegisterDraft';

const FIELDS = ['kind', 'branch', 'workUnit', 'phone', 'posts', 'showBadge', 'gridId', 'contact', 'offers', 'commitments'] as const;

/**
 * 双报到: an in-service party member (在职党员) registers at the community where they live, a
 * co-building unit through its contact, a courier or rider as 兼职网格员 of a grid. What is typed
 * stays on the phone until it is sent; staff confirm it.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed],

  data: {
    ...EMPTY_DRAFT,
    kinds: [] as Array<{ value: RegistrationKind; label: string }>,
    categories: [...SERVICE_CATEGORIES] as string[],
    offeredPosts: [] as string[],
    grids: [] as Array<{ id: string; name: string }>,
    registrations: [] as Registration[],
    /** Already registered (or waiting) as the chosen kind. */
    current: null as Registration | null,
    saving: false,
    refusal: '',
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      const [mine, grids] = await Promise.all([party.mine(), user.grids()]);
      if (!mine.ok) return this.setData({ state: 'error', errorText: mine.message });
      const kinds: RegistrationKind[] = me.roles.includes('unit_member') ? ['member', 'unit', 'courier'] : ['member', 'courier'];
      const draft = restoreDraft(wx.getStorageSync(DRAFT_KEY)) ?? { ...EMPTY_DRAFT, contact: me.displayName };
      this.setData({
        state: 'ready',
        ...draft,
        kind: kinds.includes(draft.kind) ? draft.kind : 'member',
        kinds: kinds.map((value) => ({ value, label: REGISTRATION_KIND_LABELS[value] })),
        offeredPosts: mine.data.posts,
        grids: grids.ok ? grids.data.grids.map((g) => ({ id: g.id, name: g.name })) : [],
        registrations: mine.data.registrations,
      });
      this.showCurrent();
    },

    showCurrent() {
      this.setData({ current: this.data.registrations.find((r) => r.kind === this.data.kind) ?? null });
    },

    draft(): RegisterDraft {
      const d = this.data;
      return { kind: d.kind, branch: d.branch, workUnit: d.workUnit, phone: d.phone, posts: d.posts, showBadge: d.showBadge, gridId: d.gridId, contact: d.contact, offers: d.offers, commitments: d.commitments };
    },

    /** Every change goes to the phone's storage at once: leaving half way loses nothing. */
    keep(patch: Partial<RegisterDraft>) {
      this.setData({ ...patch, refusal: '' });
      const draft = this.draft();
      wx.setStorageSync(DRAFT_KEY, Object.fromEntries(FIELDS.map((f) => [f, draft[f]])));
    },

    onKind(e: Tap<{ value: RegistrationKind }>) {
      this.keep({ kind: e.currentTarget.dataset.value });
      this.showCurrent();
    },

    onField(e: Change<{ field: keyof RegisterDraft }>) {
      this.keep({ [e.currentTarget.dataset.field]: e.detail.value });
    },

    onPost(e: Tap<{ value: string }>) {
      const post = e.currentTarget.dataset.value;
      const posts = this.data.posts.includes(post) ? this.data.posts.filter((p) => p !== post) : [...this.data.posts, post];
      this.keep({ posts });
    },

    onBadge(e: Tap<{ value: string }>) {
      this.keep({ showBadge: e.currentTarget.dataset.value === 'yes' });
    },

    onGrid(e: Tap<{ value: string }>) {
      this.keep({ gridId: e.currentTarget.dataset.value });
    },

    onAddCommitment() {
      this.keep({ commitments: [...this.data.commitments, { title: '', target: '', unit: '次' }] });
    },

    onCommitment(e: Change<{ index: number; field: 'title' | 'target' | 'unit' }>) {
      const { index, field } = e.currentTarget.dataset;
      this.keep({ commitments: this.data.commitments.map((c, i) => (i === Number(index) ? { ...c, [field]: e.detail.value } : c)) });
    },

    onRemoveCommitment(e: Tap<{ index: number }>) {
      this.keep({ commitments: this.data.commitments.filter((_, i) => i !== Number(e.currentTarget.dataset.index)) });
    },

    onAddOffer() {
      this.keep({ offers: [...this.data.offers, { title: '', category: '' }] });
    },

    onOfferTitle(e: Change<{ index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      this.keep({ offers: this.data.offers.map((o, i) => (i === index ? { ...o, title: e.detail.value } : o)) });
    },

    /** The picker answers the chosen category's position in the list. */
    onOfferCategory(e: Change<{ index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const category = SERVICE_CATEGORIES[Number(e.detail.value)] ?? '';
      this.keep({ offers: this.data.offers.map((o, i) => (i === index ? { ...o, category } : o)) });
    },

    onRemoveOffer(e: Tap<{ index: number }>) {
      this.keep({ offers: this.data.offers.filter((_, i) => i !== Number(e.currentTarget.dataset.index)) });
    },

    onUnit() {
      if (this.data.current) wx.navigateTo({ url: `${PARTY_PAGES.unit}?id=${this.data.current.id}` });
    },

    async onSubmit() {
      if (this.data.saving) return;
      const draft = this.draft();
      const problem = registerProblem(draft);
      if (problem) {
        this.setData({ refusal: problem });
        return toast(problem);
      }
      // In the tap, as WeChat requires: the whistles this person will be told of.
      if (draft.kind !== 'unit') void askSubscribe(['partyCallout']);
      const saved = await saveOnce(this, this.retryKey(), registerOf(draft), party.register, { title: '未能提交' });
      if (!saved) return;
      wx.removeStorageSync(DRAFT_KEY);
      const registrations = [...this.data.registrations.filter((r) => r.id !== saved.registration.id), saved.registration];
      this.setData({ registrations });
      this.showCurrent();
      toast('已提交，等待社区确认');
    },

    onCallouts() {
      wx.navigateTo({ url: PARTY_PAGES.callouts });
    },
  },
});
