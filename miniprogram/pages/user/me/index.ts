import type { Me } from '../../../../typings/user';
import { fieldErrors } from '../../../behaviors/inline-form';
import { joinDoor } from '../../../behaviors/join-door';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import * as party from '../../../services/party';
import { GRIDWORK_PAGES, LISTS_PAGES, ME_ENTRIES, PARTY_PAGES, STAFF_CONSOLE, entryViews, findEntry } from '../../../utils/routes';
import { isCountyOfficer, isStaff, roleLabels } from '../../../utils/labels';
import { maskPhone } from '../../../utils/mask';
import { DISPLAY_NAME_MAX, profileProblems } from '../../../utils/profile';
import { mayHaveTasks } from '../../../utils/ticket-view';
import { ask, tell, toast } from '../../../utils/dialog';
import { AGREEMENT_PAGE, DELETE_WORD, MY_DATA_PAGE, PRIVACY_PAGE, confirmsDeletion } from '../../../utils/account';
import type { Change } from '../../../base/events';
import { elderNow, elderPage, followElderMode } from '../../../behaviors/elder-page';

/** What the page shows of a person: never the raw phone number. */
interface MeView {
  displayName: string;
  maskedPhone: string;
  bound: boolean;
  community: string;
  grid: string;
  building: string;
  roleLabels: string[];
  showConsole: boolean;
  /** 单位主页: a 共建单位 member's unit, where its 兑换核销 and 单位任务 are (staff verify from the console). */
  showUnit: boolean;
  /** 我的任务: for whoever tickets may be dispatched to in person (grid workers, agents, staff); a unit's are on 单位主页. */
  showTasks: boolean;
  /** 随手拍 and 网格任务: for whoever holds a grid role, full or part-time. */
  showGridwork: boolean;
}

function toView(me: Me): MeView {
  return {
    displayName: me.displayName,
    maskedPhone: maskPhone(me.phone),
    bound: !!me.community,
    community: me.community?.name ?? '',
    grid: me.grid?.name ?? '',
    building: me.building ?? '',
    roleLabels: roleLabels(me.roles),
    showConsole: isStaff(me.roles) || isCountyOfficer(me.roles),
    showUnit: !!me.community && me.roles.includes('unit_member'),
    showTasks: !!me.community && mayHaveTasks(me.roles.filter((r) => r !== 'unit_member')),
    showGridwork: !!me.community && me.roles.includes('grid_worker'),
  };
}

Component({
  behaviors: [elderPage, joinDoor, fieldErrors],
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    me: null as MeView | null,
    entries: entryViews(ME_ENTRIES),
    nameMax: DISPLAY_NAME_MAX,
    editing: false,
    nameInput: '',
    phoneInput: '',
    saving: false,
    inviteOpen: false,
    inviteCode: '',
    redeeming: false,
    deleteOpen: false,
    deleteTyped: '',
    deleting: false,
    elderSaving: false,
  },

  methods: {
    onLoad() {
      void this.load(session.ensureMe());
    },

    onShow() {
      // Coming back (e.g. from 社区工作台): roles or community may have changed.
      if (this.data.state === 'ready') void this.load(session.refreshMe());
    },

    async load(pending: ReturnType<typeof session.ensureMe>) {
      const res = await pending;
      if (!res.ok) {
        if (this.data.state !== 'ready') this.setData({ state: 'error', errorText: res.message });
        else toast(res.message);
        return;
      }
      this.show(res.data);
    },

    show(me: Me) {
      this.setData({ state: 'ready', me: toView(me), elder: elderNow() });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.load(session.login());
    },

    onEdit() {
      this.setData({ editing: true, nameInput: this.data.me?.displayName ?? '', phoneInput: '' });
    },

    onCancelEdit() {
      this.setData({ editing: false, errors: {} });
    },

    problems() {
      return this.data.editing ? profileProblems(this.data.nameInput, this.data.phoneInput) : [];
    },

    onNameInput(e: Change) {
      this.setData({ nameInput: e.detail.value });
    },

    onPhoneInput(e: Change) {
      this.setData({ phoneInput: e.detail.value });
    },

    async onSave() {
      if (this.data.saving) return;
      const displayName = this.data.nameInput.trim();
      const phone = this.data.phoneInput.trim();
      if (!this.showProblems()) return;

      this.setData({ saving: true });
      const res = await user.updateProfile(phone ? { displayName, phone } : { displayName });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      session.setMe(res.data.me);
      this.setData({ editing: false });
      this.show(res.data.me);
      if (res.data.nameHeld) tell('昵称稍后再改', res.data.nameHeld);
      else toast('已保存');
    },

    /**
     * 长辈模式 at once on this page, then kept on the server so every page and the person's other
     * phone follow. The switch's whole row takes the tap (and carries its name for screen readers).
     */
    async onElderMode() {
      if (this.data.elderSaving) return;
      const elderMode = !this.data.elder;
      this.setData({ elder: elderMode, elderSaving: true });
      const res = await user.setPrefs({ elderMode });
      this.setData({ elderSaving: false });
      if (!res.ok) {
        this.setData({ elder: !elderMode });
        return toast(res.message);
      }
      session.setMe(res.data.me);
      followElderMode();
      toast(elderMode ? '已打开长辈模式' : '已关闭长辈模式');
    },

    onOpenInvite() {
      this.setData({ inviteOpen: true, inviteCode: '' });
    },

    onCloseInvite() {
      this.setData({ inviteOpen: false });
    },

    onInviteInput(e: Change) {
      this.setData({ inviteCode: e.detail.value });
    },

    async onRedeem() {
      if (this.data.redeeming) return;
      const code = this.data.inviteCode.trim();
      if (!code) return toast('请输入邀请码');
      this.setData({ redeeming: true });
      const res = await user.redeemInvite({ code });
      // One box for every code: a co-building unit's join code is not an invite, so it is tried as one.
      const unit = !res.ok && res.code === 'NOT_FOUND' ? await party.join({ code }) : undefined;
      const me = unit?.ok ? await session.refreshMe() : undefined;
      this.setData({ redeeming: false });
      if (unit?.ok && me?.ok) {
        this.setData({ inviteOpen: false });
        this.show(me.data);
        return toast(`已加入「${unit.data.unitName}」`);
      }
      if (!res.ok) return toast(unit && !unit.ok && unit.code !== 'NOT_FOUND' ? unit.message : res.message);
      session.setMe(res.data.me);
      this.setData({ inviteOpen: false });
      this.show(res.data.me);
      toast('已加入');
    },

    onEntry(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const entry = findEntry(ME_ENTRIES, e.currentTarget.dataset.key);
      if (!entry?.path) return; // greyed out: the feature has no page yet
      if (entry.tab) wx.switchTab({ url: entry.path });
      else wx.navigateTo({ url: entry.path });
    },

    onConsole() {
      wx.navigateTo({ url: STAFF_CONSOLE });
    },

    onUnit() {
      wx.navigateTo({ url: PARTY_PAGES.unitPortal });
    },

    onTasks() {
      wx.navigateTo({ url: LISTS_PAGES.tasks });
    },

    onGridwork(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { page: 'snap' | 'tasks' }>) {
      wx.navigateTo({ url: GRIDWORK_PAGES[e.currentTarget.dataset.page] });
    },

    onMyData() {
      wx.navigateTo({ url: MY_DATA_PAGE });
    },

    onAgreement() {
      wx.navigateTo({ url: AGREEMENT_PAGE });
    },

    onPrivacy() {
      wx.navigateTo({ url: PRIVACY_PAGE });
    },

    onOpenDelete() {
      this.setData({ deleteOpen: true, deleteTyped: '' });
    },

    onCloseDelete() {
      this.setData({ deleteOpen: false, deleteTyped: '' });
    },

    onDeleteInput(e: Change) {
      this.setData({ deleteTyped: e.detail.value });
    },

    /** 注销: only with the word typed, and once more asked; then this phone forgets the account too. */
    async onDelete() {
      if (this.data.deleting) return;
      if (!confirmsDeletion(this.data.deleteTyped)) return toast(`请输入“${DELETE_WORD}”两个字确认`);
      if (!(await ask('确认注销账号？', '注销后您的个人信息会立即删除，不能恢复。', '确认注销', '不注销了'))) return;
      this.setData({ deleting: true });
      const res = await user.deleteAccount();
      this.setData({ deleting: false });
      if (!res.ok) return toast(res.message);
      session.forget();
      this.setData({ deleteOpen: false, deleteTyped: '', me: null, state: 'loading' });
      tell('账号已注销', '您的个人信息已删除。感谢您曾为社区出力。');
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
