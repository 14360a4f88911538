import { elderPage } from '../../../behaviors/elder-page';
import { fieldErrors, type FieldProblem } from '../../../behaviors/inline-form';
import { retryKeyed } from '../../../behaviors/retry-key';
import { choosePoint, locate } from '../../../services/location';
import * as lists from '../../../services/lists';
import * as session from '../../../services/session';
import { tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES } from '../../../utils/routes';
import { SERVICE_CATEGORIES } from '../../../utils/lists-view';
import { SNAP_CATEGORIES, SNAP_LIMITS } from '../../../utils/gridwork-view';
import type { LatLng, ServiceCategory } from '../../../../typings/lists';
import type { Change, Tap } from '../../../base/events';

/**
 * 随手拍: a grid worker (full or part-time) reports a problem seen on the way. The photo is the
 * first tap; the category starts on 安全巡查 and the place on where the phone is, so a photo and a
 * few words are all it takes. It goes to the community's dispatch queue as 网格发现.
 */
Component({
  behaviors: [elderPage, retryKeyed, fieldErrors],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    limits: SNAP_LIMITS,
    categories: SNAP_CATEGORIES as readonly string[],
    allCategories: false,
    category: SNAP_CATEGORIES[0],
    title: '',
    photos: [] as string[],
    location: null as LatLng | null,
    placeName: '',
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await session.ensureMe();
      if (!me.ok) return this.setData({ state: 'error', errorText: me.message });
      if (!me.data.roles.includes('grid_worker')) return this.setData({ state: 'forbidden' });
      this.setData({ state: 'ready' });
      // Where the phone is now, unless the person picks a place on the map first.
      const here = await locate();
      if (here.ok && !this.data.location) this.setData({ location: here.location, placeName: '当前位置' });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    onCategory(e: Tap<{ value: string }>) {
      this.setData({ category: e.currentTarget.dataset.value });
    },

    onAllCategories() {
      this.setData({ categories: SERVICE_CATEGORIES, allCategories: true });
    },

    onTitle(e: Change) {
      this.setData({ title: e.detail.value });
    },

    async onPickLocation() {
      const picked = await choosePoint(this.data.location ?? undefined);
      if (!picked.ok) return toast(picked.denied ? '没有位置权限，将只发送照片和文字' : '没有改位置');
      this.setData({ location: picked.location, placeName: picked.name || picked.address || '已选位置' });
    },

    problems(): FieldProblem[] {
      const p: FieldProblem[] = [];
      if (!this.data.photos.length) p.push({ field: 'photos', message: '请先拍一张照片' });
      const title = this.data.title.trim();
      if (!title) p.push({ field: 'title', message: '请用几个字说说看到了什么' });
      else if (title.length > SNAP_LIMITS.title) p.push({ field: 'title', message: `不能超过${SNAP_LIMITS.title}个字` });
      return p;
    },

    async onSubmit() {
      if (this.data.busy || !this.showProblems()) return;
      const { category, title, photos, location, placeName } = this.data;
      const req = {
        category: category as ServiceCategory,
        title: title.trim(),
        photos,
        ...(location ? { location } : {}),
        ...(placeName && placeName !== '当前位置' ? { address: placeName.slice(0, SNAP_LIMITS.address) } : {}),
      };
      const key = this.retryKey();
      this.setData({ busy: true });
      const res = await lists.reportFound({ ...req, requestId: key.for(req) });
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到提交结果', `${res.message}。请再点一次“报给社区”，不会重复提交。`);
        key.settle();
        return tell('未能提交', res.message);
      }
      key.settle();
      toast('已报给社区，派单后记积分');
      wx.redirectTo({ url: `${LISTS_PAGES.ticket}?id=${res.data.ticket.id}` });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },
  },
});
