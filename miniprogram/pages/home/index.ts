import * as session from '../../services/session';
import { greeting } from '../../utils/date';
import { COMMUNITY_INTRO, HOME_ENTRIES, entryViews, findEntry } from '../../utils/entries';

Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    greeting: greeting(),
    displayName: '',
    communityName: '',
    bound: false,
    entries: entryViews(HOME_ENTRIES),
  },

  methods: {
    onLoad() {
      void this.load(session.ensureMe());
    },

    onShow() {
      // The greeting follows the clock; the person may have joined a community meanwhile.
      this.setData({ greeting: greeting() });
      if (this.data.state === 'ready' && !this.data.bound) void this.load(session.ensureMe());
    },

    async load(pending: ReturnType<typeof session.ensureMe>) {
      const res = await pending;
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const me = res.data;
      this.setData({
        state: 'ready',
        displayName: me.displayName,
        communityName: me.community?.name ?? '',
        bound: !!me.community,
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
