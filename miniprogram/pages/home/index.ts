import type { Me } from '../../../typings/user';
import { joinDoor } from '../../behaviors/join-door';
import * as session from '../../services/session';
import * as user from '../../services/user';
import { askSubscribe, loadTemplates } from '../../services/subscribe';
import { greeting } from '../../utils/date';
import { BULLETIN_PAGES, COMMUNITY_INTRO, HOME_ENTRIES, entryViews, findEntry, homeEntries } from '../../utils/routes';
import type { Tap } from '../../base/events';
import { type HomeView, homeView } from './view';

const NO_HOME: HomeView = { todos: [], notices: [], activities: [], claims: [], nearby: [], volunteer: false, queues: [], bulletin: null };
import { elderPage } from '../../behaviors/elder-page';

Component({
  behaviors: [elderPage, joinDoor],
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    greeting: greeting(),
    displayName: '',
    communityName: '',
    bound: false,
    /** Joined, but the grid (and so the grid worker) is not known yet. */
    unplaced: false,
    entries: entryViews(HOME_ENTRIES),
    /** 我的待办, notices, next activities and the volunteer's or staff's part, from one call. */
    home: NO_HOME,
    homeState: 'idle' as 'idle' | 'loading' | 'ready' | 'error',
    homeError: '',
  },

  methods: {
    onLoad() {
      void this.load(session.ensureMe());
    },

    onShow() {
      // The greeting follows the clock; the person may have joined a community meanwhile.
      this.setData({ greeting: greeting() });
      if (this.data.state !== 'ready') return;
      // Back from the welcome, the move offer or the building picker: show what changed there.
      const me = session.current();
      if (me) this.show(me);
      if (!this.data.bound || this.data.unplaced) void this.load(session.refreshMe());
      else void this.loadHome();
    },

    async load(pending: ReturnType<typeof session.ensureMe>) {
      const res = await pending;
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data);
      if (res.data.community) void this.loadHome();
      const next = session.firstStop(res.data);
      if (next) wx.navigateTo({ url: next });
    },

    /** The person's own business: read again each time they come back, it changes elsewhere. */
    async loadHome() {
      if (this.data.homeState === 'loading') return;
      if (this.data.homeState !== 'ready') this.setData({ homeState: 'loading' });
      const res = await user.home();
      if (!res.ok) return this.setData({ homeState: 'error', homeError: res.message });
      this.setData({ homeState: 'ready', home: homeView(res.data) });
      // Read now, so a tap on a queue can ask WeChat at once for the batched staff notice.
      if (res.data.staff) void loadTemplates();
    },

    onHomeRetry() {
      void this.loadHome();
    },

    /** A 待办, notice, activity, claim or queue: each carries the page it opens. */
    onOpen(e: Tap<{ url: string }>) {
      const url = e.currentTarget.dataset.url;
      if (url) wx.navigateTo({ url });
    },

    /** Staff open a queue; in the same tap they are asked for the batched notice of new work. */
    onQueue(e: Tap<{ url: string }>) {
      void askSubscribe(['staffQueue']);
      this.onOpen(e);
    },

    show(me: Me) {
      if (!me.community) this.setData({ home: NO_HOME, homeState: 'idle' });
      this.setData({
        state: 'ready',
        displayName: me.named ? me.displayName : '',
        communityName: me.community?.name ?? '',
        bound: !!me.community,
        unplaced: !!me.community && !me.grid,
        entries: entryViews(homeEntries(!!me.community && me.roles.includes('grid_worker'))),
      });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.load(session.login());
    },

    onBulletins() {
      wx.navigateTo({ url: BULLETIN_PAGES.list });
    },

    onIntro() {
      wx.navigateTo({ url: COMMUNITY_INTRO });
    },

    onEntry(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const entry = findEntry(homeEntries(true), e.currentTarget.dataset.key);
      if (!entry?.path) return; // 即将开放
      if (entry.tab) wx.switchTab({ url: entry.path });
      else wx.navigateTo({ url: entry.path });
    },
  },
});
