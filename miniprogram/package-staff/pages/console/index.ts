import type { GridChoice, InvitableRole, Me } from '../../../../typings/user';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import * as booking from '../../../services/booking';
import { formatDateTime, shanghaiDate } from '../../../utils/date';
import { ROLE_LABELS, isCountyOfficer, isStaff, roleLabels } from '../../../utils/labels';
import { STAFF_CALENDAR, STAFF_LISTS_PAGES, STAFF_POSTER, STAFF_RESIDENTS, STAFF_BOOKING_ENTRIES, STAFF_LISTS_ENTRIES, STAFF_MAP_ENTRIES, STAFF_NOTICE_ENTRIES, STAFF_PARTY_ENTRIES, STAFF_COUNCIL_ENTRIES, STAFF_POINTS_ENTRIES, STAFF_WISH_ENTRIES, STAFF_ADMIN_ENTRIES, findEntry } from '../../../utils/routes';
import { toast } from '../../../utils/dialog';

interface InviteView {
  code: string;
  roleLabel: string;
  expires: string;
}

interface RoleChoice {
  role: InvitableRole;
  label: string;
  enabled: boolean;
  hint: string;
}

/** Who this person may invite directly. Grid workers and unit members need a grid or unit picked first. */
function roleChoices(me: Me): RoleChoice[] {
  const admin = me.roles.includes('admin');
  const choices: RoleChoice[] = [
    { role: 'volunteer', label: ROLE_LABELS.volunteer, enabled: true, hint: '' },
    { role: 'grid_worker', label: ROLE_LABELS.grid_worker, enabled: false, hint: '需选择网格，即将开放' },
    { role: 'unit_member', label: ROLE_LABELS.unit_member, enabled: false, hint: '需选择共建单位，即将开放' },
  ];
  if (admin) choices.push({ role: 'staff', label: ROLE_LABELS.staff, enabled: true, hint: '' });
  if (admin) choices.push({ role: 'county', label: ROLE_LABELS.county, enabled: true, hint: '只处理本社区提级到县(区)的疑难问题，看不到社区其他事务' });
  return choices;
}

Component({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorText: '',
    communityName: '',
    roleText: '',
    canInvite: false,
    canPoster: false,
    canWish: false,
    wishEntries: STAFF_WISH_ENTRIES,
    mapEntries: STAFF_MAP_ENTRIES,
    pointsEntries: STAFF_POINTS_ENTRIES,
    partyEntries: STAFF_PARTY_ENTRIES,
    councilEntries: STAFF_COUNCIL_ENTRIES,
    noticeEntries: STAFF_NOTICE_ENTRIES,
    bookingEntries: [] as typeof STAFF_BOOKING_ENTRIES,
    listsEntries: [] as typeof STAFF_LISTS_ENTRIES,
    adminEntries: [] as typeof STAFF_ADMIN_ENTRIES,
    roles: [] as RoleChoice[],
    busy: false,
    /** 县(区)委包案干部: the county queue; someone who is only that sees nothing else here. */
    canCounty: false,
    communityWork: false,
    invite: null as InviteView | null,
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
      // The server checks every action; this only spares people buttons that would be refused.
      const worker = isStaff(me.roles);
      const county = isCountyOfficer(me.roles);
      if ((!worker && !county) || !me.community) return this.setData({ state: 'forbidden' });
      const manager = me.roles.includes('staff') || me.roles.includes('admin');
      this.setData({
        state: 'ready',
        communityName: me.community.name,
        roleText: `${me.displayName}（${roleLabels(me.roles).join('、')}）`,
        canInvite: manager,
        canPoster: manager,
        canWish: manager,
        // Grid workers work the front desk and their grid's errands; staff run the rest too.
        bookingEntries: STAFF_BOOKING_ENTRIES.filter((e) => manager || (worker && e.desk)),
        listsEntries: STAFF_LISTS_ENTRIES.filter((e) => manager || (worker && e.desk)),
        adminEntries: manager ? STAFF_ADMIN_ENTRIES.filter((e) => !e.admin || me.roles.includes('admin')) : [],
        canCounty: county,
        communityWork: worker,
        roles: roleChoices(me),
      });
      if (manager) {
        void this.loadGrids(me.community.name);
        void this.loadCalendarNotice();
      }
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

    async loadGrids(communityName: string) {
      const res = await user.grids();
      const grids: GridChoice[] = res.ok ? res.data.grids : [];
      this.setData({ posterTargets: [{ id: '', label: `${communityName}（整个社区）` }, ...grids.map((g) => ({ id: g.id, label: g.name }))] });
    },

    onCountyQueue() {
      wx.navigateTo({ url: STAFF_LISTS_PAGES.county });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.load(session.refreshMe());
    },

    async onCreateInvite(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { role: InvitableRole }>) {
      const choice = this.data.roles.find((r) => r.role === e.currentTarget.dataset.role);
      if (this.data.busy || !choice?.enabled) return;
      this.setData({ busy: true });
      const res = await user.createInvite({ role: choice.role });
      this.setData({ busy: false });
      if (!res.ok) return toast(res.message);
      const { invite } = res.data;
      this.setData({
        invite: { code: invite.code, roleLabel: ROLE_LABELS[invite.role], expires: formatDateTime(invite.expiresAt) },
      });
    },

    onEntry(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const key = e.currentTarget.dataset.key;
      const entry = [STAFF_WISH_ENTRIES, STAFF_MAP_ENTRIES, STAFF_POINTS_ENTRIES, STAFF_PARTY_ENTRIES, STAFF_COUNCIL_ENTRIES, STAFF_NOTICE_ENTRIES, STAFF_BOOKING_ENTRIES, STAFF_LISTS_ENTRIES, STAFF_ADMIN_ENTRIES]
        .map((entries) => findEntry(entries, key))
        .find((e) => !!e);
      if (entry?.path) wx.navigateTo({ url: entry.path });
    },

    onPrintPoster() {
      const grid = this.data.posterTarget;
      wx.navigateTo({ url: grid ? `${STAFF_POSTER}?grid=${grid}` : STAFF_POSTER });
    },

    onResidents() {
      wx.navigateTo({ url: STAFF_RESIDENTS });
    },

    onCopyInvite() {
      if (this.data.invite) wx.setClipboardData({ data: this.data.invite.code });
    },

    async onCreatePoster(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { grid: string }>) {
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
    onSavePoster() {
      const match = /^data:image\/png;base64,(.+)$/.exec(this.data.posterImage);
      if (!match) return;
      const filePath = `${wx.env.USER_DATA_PATH}/community-poster-code.png`;
      wx.getFileSystemManager().writeFile({
        filePath,
        data: match[1],
        encoding: 'base64',
        success: () =>
          wx.saveImageToPhotosAlbum({
            filePath,
            success: () => toast('已保存到相册'),
            fail: () => toast('没有保存，请允许访问相册后再试'),
          }),
        fail: () => toast('保存失败，请稍后再试'),
      });
    },
  },
});
