import type { Me } from '../../../typings/user';
import * as session from '../../services/session';
import { greeting } from '../../utils/date';
import { toast } from '../../utils/dialog';
import { COMMUNITY_INTRO, GRID_PICKER, HOME_ENTRIES, entryViews, findEntry } from '../../utils/entries';

Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    greeting: greeting(),
    displayName: '',
    communityName: '',
    bound: false,
    /** Joined, but the grid (and so the grid worker) is not known yet. */
    unplaced: false,
    joining: false,
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

    /** A newcomer scans the poster from inside the app (opened from a shared card or search). */
    async onScan() {
      if (this.data.joining) return;
      this.setData({ joining: true });
      const res = await session.joinByScan();
      this.setData({ joining: false });
      if (!res) return;
      if (!res.ok) return toast(res.message);
      this.show(res.data);
      toast(`已加入${res.data.community?.name ?? '社区'}`);
    },

    onChooseGrid() {
      wx.navigateTo({ url: GRID_PICKER });
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
