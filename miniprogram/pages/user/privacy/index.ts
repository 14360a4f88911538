import { AGREEMENT_PAGE, MY_DATA_PAGE } from '../../../utils/account';
import { elderPage } from '../../../behaviors/elder-page';

/** 隐私政策: what 红邻 keeps about a person, who sees it, and how to see, copy and delete it. */
Component({
  behaviors: [elderPage],

  methods: {
    onMyData() {
      wx.navigateTo({ url: MY_DATA_PAGE });
    },
    onAgreement() {
      wx.navigateTo({ url: AGREEMENT_PAGE });
    },
  },
});
