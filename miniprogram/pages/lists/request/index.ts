import { fieldErrors } from '../../../behaviors/inline-form';
import { retryKeyed } from '../../../behaviors/retry-key';
import { choosePoint, openLocationSetting } from '../../../services/location';
import * as lists from '../../../services/lists';
import * as session from '../../../services/session';
import { offerNotice } from '../../../services/subscribe';
import { ask, tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES } from '../../../utils/routes';
import { COMMON_REQUEST_CATEGORIES, SERVICE_CATEGORIES } from '../../../utils/lists-view';
import { TICKET_LIMITS } from '../../../utils/ticket-view';
import { type RequestDraft, SPECIAL_CHOICES, URGENCY_CHOICES, requestOf, requestProblems } from './form';
import type { Change, Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

/**
 * 我要反映: a resident raises a 诉求 (集单). It goes straight to the community's dispatch queue;
 * afterwards the resident is offered progress notices and lands on the ticket.
 */
Component({
  behaviors: [elderPage, retryKeyed, fieldErrors],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'unbound',
    errorText: '',
    gridName: '',
    categories: COMMON_REQUEST_CATEGORIES as readonly string[],
    allCategories: false,
    urgencies: URGENCY_CHOICES,
    specials: SPECIAL_CHOICES,
    special: '',
    limits: TICKET_LIMITS,
    category: '',
    title: '',
    detail: '',
    urgency: 1,
    people: '1',
    address: '',
    location: null as RequestDraft['location'],
    placeName: '',
    photos: [] as string[],
    busy: false,
    refusal: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      // A category may be suggested by the page that links here.
      const category = query.category ? decodeURIComponent(query.category) : '';
      if ((SERVICE_CATEGORIES as readonly string[]).includes(category)) this.setData({ category });
      if (category && !COMMON_REQUEST_CATEGORIES.includes(category)) this.onAllCategories();
      void this.start();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.community) return this.setData({ state: 'unbound' });
      this.setData({ state: 'ready', gridName: me.data.grid?.name ?? '' });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    },

    onCategory(e: Tap<{ value: string }>) {
      this.setData({ category: e.currentTarget.dataset.value });
    },

    /** 更多类别: the whole list, for what the common few don't cover. */
    onAllCategories() {
      this.setData({ categories: SERVICE_CATEGORIES, allCategories: true });
    },

    onUrgency(e: Tap<{ value: number }>) {
      this.setData({ urgency: Number(e.currentTarget.dataset.value) });
    },

    onSpecial(e: Tap<{ value: string }>) {
      this.setData({ special: e.currentTarget.dataset.value });
    },

    onPeople(e: Tap<{ step: number }>) {
      const n = Number(this.data.people) || 1;
      const next = Math.min(TICKET_LIMITS.people, Math.max(1, n + Number(e.currentTarget.dataset.step)));
      this.setData({ people: String(next) });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    /** Where it is, picked on WeChat's map; a refusal of location offers the settings page. */
    async onPickLocation() {
      let picked = await choosePoint(this.data.location ?? undefined);
      if (!picked.ok && picked.denied) {
        const go = await ask('需要位置权限', '选择位置需要允许红邻使用您的位置信息。要去设置里打开吗？', '去设置', '不用了');
        if (go && (await openLocationSetting())) picked = await choosePoint();
      }
      if (!picked.ok) return toast('没有选位置，也可以只填写地址');
      const { location, name, address } = picked;
      this.setData({
        location,
        placeName: name || address || '已选位置',
        ...(!this.data.address.trim() && (address || name) ? { address: `${address}${name && name !== address ? ` ${name}` : ''}`.trim().slice(0, TICKET_LIMITS.address) } : {}),
      });
    },

    onClearLocation() {
      this.setData({ location: null, placeName: '' });
    },

    draft(): RequestDraft {
      const { category, title, detail, urgency, people, address, location, photos, special } = this.data;
      return { category, title, detail, urgency, people, address, location, photos, special };
    },

    async onSubmit() {
      if (this.data.busy) return;
      const draft = this.draft();
      if (!this.showProblems()) return;
      const key = this.retryKey();
      const req = requestOf(draft);
      this.setData({ busy: true, refusal: '' });
      // The same draft sent again (a second tap, a retry after a lost answer) is the same request.
      const res = await lists.submitRequest({ ...req, requestId: key.for(req) });
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到提交结果', `${res.message}。请再点一次“提交”，不会重复提交。`);
        key.settle();
        this.setData({ refusal: res.message });
        return tell('未能提交', res.message);
      }
      key.settle();
      const id = res.data.ticket.id;
      offerNotice('已提交', '社区会尽快派人办理。派单、办结时通知您，好吗？', ['ticketUpdated'], () =>
        wx.redirectTo({ url: `${LISTS_PAGES.ticket}?id=${id}` }),
      );
    },

    problems() {
      return requestProblems(this.draft());
    },

    onMine() {
      wx.navigateTo({ url: LISTS_PAGES.mine });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
