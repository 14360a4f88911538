import { PRIVACY_PAGE } from '../../../utils/account';

/** 用户协议: what 红邻 is, who runs it, and the few rules everyone keeps. */
Component({
  methods: {
    onPrivacy() {
      wx.navigateTo({ url: PRIVACY_PAGE });
    },
  },
});
