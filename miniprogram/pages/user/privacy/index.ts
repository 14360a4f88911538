import { AGREEMENT_PAGE, MY_DATA_PAGE } from '../../../utils/account';

/** 隐私政策: what 红邻 keeps about a person, who sees it, and how to see, copy and delete it. */
Component({
  methods: {
    onMyData() {
      wx.navigateTo({ url: MY_DATA_PAGE });
    },
    onAgreement() {
      wx.navigateTo({ url: AGREEMENT_PAGE });
    },
  },
});
