import type { GridChoice, Me, WorkbenchCounts } from '../../../../typings/user';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import * as booking from '../../../services/booking';
import { shanghaiDate } from '../../../utils/date';
import { isCountyOfficer, isManager, isStaff, roleLabels } from '../../../utils/labels';
import { CONSOLE_ENTRIES, STAFF_CALENDAR, STAFF_POSTER, findEntry } from '../../../utils/routes';
import { toast } from '../../../utils/dialog';
import { pngFile, saveToAlbum } from '../../../services/files';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { instanceState } from '../../../base/instance';
import type { Tap } from '../../../base/events';
import { consoleSections, type ConsoleSection } from './view';

/** Who uses the console: community staff and grid workers, unit members (their unit's goods), county officers (their queue). */
const mayOpen = (me: Me) => isStaff(me.roles) || isCountyOfficer(me.roles) || me.roles.includes('unit_member');

/** Someone with a queue the 工作台 counts. */
const counted = (me: Me) => isStaff(me.roles) || me.roles.includes('unit_member');

const kept = instanceState<{ me?: Me }>(() => ({}));

/**
 * 社区工作台: one screen of what the person does, grouped (审核, 派单, 核销, 服务台, 清单, 设置),
 * each entry with what waits there from `user.workbench`, read again whenever the person comes back.
 */
Component({
  behaviors: [freshOnShow],
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    communityName: '',
    roleText: '',
    sections: [] as ConsoleSection[],
    /** The counts could not be read: the entries still work, without badges. */
    countsFailed: false,
    canPoster: false,
    busy: false,
    /** Posters: the community's, or one grid's, so residents who scan it land in their grid. */
    posterTargets: [] as Array<{ id: string; label: string }>,
    posterTarget: '',
    posterCaption: '',
    posterImage: '',
    /** The working-day calendar runs out within 60 days: staff should confirm the next year. */
    calendarNotice: '',
  },

  methods: {
    onLoad() {
      void this.load(session.ensureMe());
    },

    async load(pending: ReturnType<typeof session.ensureMe>) {
      const res = await pending;
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const me = res.data;
      if (!mayOpen(me) || !me.community) return this.setData({ state: 'forbidden' });
      kept(this).me = me;
      const manager = isManager(me.roles);
      this.setData({
        communityName: me.community.name,
        roleText: `${me.displayName}（${roleLabels(me.roles).join('、')}）`,
        canPoster: manager,
        sections: consoleSections(CONSOLE_ENTRIES, me.roles, {}),
      });
      if (manager) void this.loadCalendarNotice();
      await this.reload();
      this.setData({ state: 'ready' });
    },

    /** The counts only: who the person is does not change while they work. */
    async reload() {
      const me = kept(this).me;
      if (!me || !counted(me)) return;
      const res = await user.workbench();
      const counts: WorkbenchCounts = res.ok ? res.data.counts : {};
      this.setData({ sections: consoleSections(CONSOLE_ENTRIES, me.roles, counts), countsFailed: !res.ok });
    },

    async loadCalendarNotice() {
      const today = shanghaiDate();
      const res = await booking.calendar({ from: today, to: today });
      if (!res.ok || !res.data.horizon.warn) return;
      const h = res.data.horizon;
      this.setData({ calendarNotice: `工作日历已确认至${h.confirmedUntil ?? h.officialUntil}，之后的节假日为预估，请核对确认` });
    },

    onCalendar() {
      wx.navigateTo({ url: STAFF_CALENDAR });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.load(session.refreshMe());
    },

    onEntry(e: Tap<{ key: string }>) {
      const entry = findEntry(CONSOLE_ENTRIES, e.currentTarget.dataset.key);
      if (entry?.path) wx.navigateTo({ url: entry.path });
    },

    /** The grids are read only when the person wants a poster: the console's first screen stays at its calls. */
    async onOpenPosters() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await user.grids();
      this.setData({ busy: false });
      if (!res.ok) return toast(res.message);
      const grids: GridChoice[] = res.data.grids;
      this.setData({ posterTargets: [{ id: '', label: `${this.data.communityName}（整个社区）` }, ...grids.map((g) => ({ id: g.id, label: g.name }))] });
    },

    onPrintPoster() {
      const grid = this.data.posterTarget;
      wx.navigateTo({ url: grid ? `${STAFF_POSTER}?grid=${grid}` : STAFF_POSTER });
    },

    async onCreatePoster(e: Tap<{ grid: string }>) {
      if (this.data.busy) return;
      const gridId = e.currentTarget.dataset.grid ?? '';
      const target = this.data.posterTargets.find((t) => t.id === gridId);
      this.setData({ busy: true, posterTarget: gridId });
      const res = await user.qrcode(gridId ? { gridId, page: 'pages/home/index' } : { page: 'pages/home/index' });
      this.setData({ busy: false });
      if (!res.ok) return toast(res.message);
      this.setData({ posterImage: res.data.image, posterCaption: target?.label ?? this.data.communityName });
    },

    /** The code arrives as a data URL; the album needs a file. */
    async onSavePoster() {
      if (!this.data.posterImage) return;
      const saved = await pngFile(this.data.posterImage, 'community-poster-code.png').then(saveToAlbum, () => false);
      toast(saved ? '已保存到相册' : '没有保存，请允许访问相册后再试');
    },
  },
});
