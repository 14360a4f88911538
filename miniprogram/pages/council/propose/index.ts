import { elderPage } from '../../../behaviors/elder-page';
import { fieldErrors } from '../../../behaviors/inline-form';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as council from '../../../services/council';
import { saveOnce } from '../../../services/retry';
import { GRID_PICKER, COUNCIL_PAGES } from '../../../utils/routes';
import { type AreaChoice, type Home, TOPIC_LIMITS, proposalOf, proposeProblems } from './form';
import type { Change, Tap } from '../../../base/events';

/**
 * 我要提议题: a resident raises something for the neighbours to decide together (the 民意小圆桌's
 * first step). It needs the community's number of co-signers before it opens for comments.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed, fieldErrors],

  data: {
    limits: TOPIC_LIMITS,
    areas: [] as Array<{ value: AreaChoice; label: string }>,
    home: {} as Home,
    cosigners: 0,
    title: '',
    background: '',
    options: '',
    area: 'community' as AreaChoice,
    photos: [] as string[],
    saving: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      const rules = await council.councilRules({});
      if (!rules.ok) return this.setData({ state: 'error', errorText: rules.message });
      const home: Home = { gridId: me.grid?.id, building: me.building };
      const areas: Array<{ value: AreaChoice; label: string }> = [{ value: 'community', label: '全社区' }];
      if (home.gridId) areas.push({ value: 'grid', label: `本网格（${me.grid!.name}）` });
      if (home.building) areas.push({ value: 'building', label: `本楼（${home.building}）` });
      this.setData({ state: 'ready', home, areas, cosigners: rules.data.rules.cosigners });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    },

    onArea(e: Tap<{ value: AreaChoice }>) {
      this.setData({ area: e.currentTarget.dataset.value });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ photos: e.detail.ids });
    },

    onHome() {
      wx.navigateTo({ url: GRID_PICKER });
    },

    draft() {
      const { title, background, options, area, photos } = this.data;
      return { title, background, options, area, photos };
    },

    problems() {
      return proposeProblems(this.draft(), this.data.home);
    },

    async onSubmit() {
      if (this.data.saving || !this.showProblems()) return;
      const data = await saveOnce(this, this.retryKey(), proposalOf(this.draft(), this.data.home), council.propose, { title: '议题未提交' });
      if (!data) return;
      wx.redirectTo({ url: `${COUNCIL_PAGES.topic}?id=${data.topic.id}` });
    },
  },
});
