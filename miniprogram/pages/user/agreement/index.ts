import { PRIVACY_PAGE } from '../../../utils/account';
import { elderPage } from '../../../behaviors/elder-page';

/** 用户协议: what 红邻 is, who runs it, and the few rules everyone keeps. */
Component({
  behaviors: [elderPage],

  methods: {
    onPrivacy() {
      wx.navigateTo({ url: PRIVACY_PAGE });
    },
  },
});
