import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import * as map from '../../../services/map';
import { sendOnce } from '../../../services/retry';
import { addDays, shanghaiDate } from '../../../utils/date';
import { ask, tell, toast } from '../../../utils/dialog';
import { ACTIVITY_CATEGORIES } from '../../../utils/booking';
import { STAFF_BOOKING_PAGES } from '../../../utils/routes';
import { ACTIVITY_LIMITS, type ActivityDraft, activityInput, activityProblem } from './form';
import type { Tap } from '../../../base/events';

const AUDIENCES = [
  { value: 'volunteers', label: '志愿者、共建单位成员' },
  { value: 'everyone', label: '所有居民' },
];

/** 发布志愿活动 (staff): what, where, when and how many; then its roster and check-in code. */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    categories: ACTIVITY_CATEGORIES,
    audiences: AUDIENCES,
    places: [] as Array<{ id: string; name: string }>,
    placesNext: '',
    form: {
      title: '',
      category: '',
      description: '',
      placeId: '',
      date: '',
      from: '08:30',
      to: '11:00',
      capacity: '20',
      audience: 'volunteers',
    } as ActivityDraft,
    dateStart: '',
    dateEnd: '',
    limits: ACTIVITY_LIMITS,
    busy: false,
  },

  methods: {
    onLoad() {
      const today = shanghaiDate();
      this.setData({ 'form.date': addDays(today, 1), dateStart: today, dateEnd: addDays(today, ACTIVITY_LIMITS.horizonDays) });
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      await this.loadPlaces();
      this.setData({ state: 'ready' });
    },

    async loadPlaces() {
      const cursor = this.data.placesNext;
      const res = await map.places(cursor ? { cursor } : {});
      if (!res.ok) return toast(res.message);
      const more = res.data.items.map((p) => ({ id: p.id, name: p.name }));
      this.setData({ places: cursor ? this.data.places.concat(more) : more, placesNext: res.data.next ?? '' });
    },

    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onPick(e: Tap<{ field: string; value: string }>) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: value });
    },

    onPicker(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onMorePlaces() {
      void this.loadPlaces();
    },

    async onSubmit() {
      if (this.data.busy) return;
      const form = this.data.form;
      const problem = activityProblem(form, shanghaiDate());
      if (problem) return toast(problem);
      this.setData({ busy: true });
      const place = this.data.places.find((p) => p.id === form.placeId)?.name ?? '';
      const content = `${form.title.trim()}\n${form.date} ${form.from}-${form.to}\n${place} · 招募${form.capacity}人`;
      if (!(await ask('发布活动', content, '确认发布'))) return this.setData({ busy: false });
      const req = { op: 'create' as const, activity: activityInput(form) };
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.publishActivity({ ...req, requestId: rid(req) }), { title: '没有收到发布结果', again: '请再点一次，不会重复发布' });
      if (!res) return;
      if (!res.ok) return tell('未能发布', res.message);
      toast('活动已发布');
      wx.redirectTo({ url: `${STAFF_BOOKING_PAGES.roster}?id=${res.data.activity.id}` });
    },
  },
});
