import * as session from '../../../services/session';
import { upload } from '../../../services/storage';
import * as user from '../../../services/user';
import { tell, toast } from '../../../utils/dialog';
import { DISPLAY_NAME_MAX, checkDisplayName } from '../../../utils/profile';
import { AGREEMENT_PAGE, PRIVACY_PAGE } from '../../../utils/account';
import type { Change } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

type AvatarEvent = WechatMiniprogram.CustomEvent<{ avatarUrl: string }>;

/**
 * The first visit: a name and an avatar through WeChat's 头像昵称填写 (no getUserProfile), so
 * neighbours and helpers see a person rather than "居民FF6D". Skippable, and asked once.
 */
Component({
  behaviors: [elderPage],

  data: {
    avatar: '',
    name: '',
    nameMax: DISPLAY_NAME_MAX,
    saving: false,
  },

  methods: {
    onChooseAvatar(e: AvatarEvent) {
      this.setData({ avatar: e.detail.avatarUrl });
    },

    onName(e: Change) {
      this.setData({ name: e.detail.value });
    },

    async onSave() {
      if (this.data.saving) return;
      const displayName = this.data.name.trim();
      const problem = checkDisplayName(displayName);
      if (problem) return toast(problem);
      this.setData({ saving: true });
      let avatarUrl: string | undefined;
      if (this.data.avatar) {
        const up = await upload(this.data.avatar, 'avatar');
        if (!up.ok) {
          this.setData({ saving: false });
          return toast(up.message);
        }
        avatarUrl = up.data;
      }
      const res = await user.updateProfile(avatarUrl ? { displayName, avatarUrl } : { displayName });
      this.setData({ saving: false });
      if (!res.ok) return toast(res.message);
      session.setMe(res.data.me);
      if (res.data.nameHeld) tell('称呼稍后再改', res.data.nameHeld);
      else toast('欢迎您');
      this.leave();
    },

    async onSkip() {
      const res = await user.skipWelcome();
      if (res.ok) session.setMe(res.data.me);
      this.leave();
    },

    onAgreement() {
      wx.navigateTo({ url: AGREEMENT_PAGE });
    },

    onPrivacy() {
      wx.navigateTo({ url: PRIVACY_PAGE });
    },

    leave() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/home/index' }) });
    },
  },
});
