import type { Me } from '../../../typings/user';
import { joinDoor } from '../../behaviors/join-door';
import * as session from '../../services/session';
import { greeting } from '../../utils/date';
import { COMMUNITY_INTRO, HOME_ENTRIES, entryViews, findEntry } from '../../utils/routes';
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
    },

    async load(pending: ReturnType<typeof session.ensureMe>) {
      const res = await pending;
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data);
      const next = session.firstStop(res.data);
      if (next) wx.navigateTo({ url: next });
    },

    show(me: Me) {
      this.setData({
        state: 'ready',
        displayName: me.named ? me.displayName : '',
        communityName: me.community?.name ?? '',
        bound: !!me.community,
        unplaced: !!me.community && !me.grid,
      });
    },



    onRetry() {
      this.setData({ state: 'loading' });
      void this.load(session.login());
    },

    onIntro() {
      wx.navigateTo({ url: COMMUNITY_INTRO });
    },

    onEntry(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const entry = findEntry(HOME_ENTRIES, e.currentTarget.dataset.key);
      if (!entry?.path) return; // 即将开放
      if (entry.tab) wx.switchTab({ url: entry.path });
      else wx.navigateTo({ url: entry.path });
    },
  },
});
