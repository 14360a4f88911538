import { PRIVACY_PAGE } from '../../utils/account';
import { toast } from '../../utils/dialog';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

/** What the person was about to do, in words, by the API or component WeChat names as `referrer`. */
const PURPOSES: Record<string, string> = {
  getLocation: '在地图上显示您附近的服务点',
  chooseLocation: '在地图上选择位置',
  chooseMedia: '拍照或从相册选择照片',
  chooseImage: '拍照或从相册选择照片',
  'button.chooseAvatar': '设置头像',
  'input.nickname': '填写昵称',
  setClipboardData: '复制您的数据',
  getClipboardData: '读取剪贴板',
  saveImageToPhotosAlbum: '把海报保存到相册',
};

const AGREE_BUTTON = 'privacy-agree';

/** The waiting call's resolve, per popup (kept off `data`: a function is not view data). */
const pending = new WeakMap<object, Resolve>();

/**
 * WeChat's privacy authorization (基础库 2.32.3+): before a privacy API (location, album, camera,
 * clipboard, avatar and nickname …) runs for the first time, WeChat raises
 * `onNeedPrivacyAuthorization` and the call waits. This sheet explains why, links the 用户隐私保护指引
 * configured in 公众平台 (`wx.openPrivacyContract`), and answers: 同意 is WeChat's own
 * `open-type="agreePrivacyAuthorization"` button (the base library checks it was tapped), 拒绝
 * fails the waiting call. The listener is one per app, so the page on screen takes it on show.
 * Put `<privacy-popup />` on each page that uses a privacy API; `ask-on-load` also shows it on
 * arrival when agreement is still missing (a first visit).
 */
Component({
  properties: {
    askOnLoad: { type: Boolean, value: false },
  },

  data: {
    show: false,
    purpose: '使用相关功能',
    contractName: '《红邻小程序隐私保护指引》',
  },

  lifetimes: {
    attached() {
      this.listen();
      if (wx.getPrivacySetting) {
        wx.getPrivacySetting({
          success: (res) => {
            if (res.privacyContractName) this.setData({ contractName: res.privacyContractName });
            if (res.needAuthorization && this.data.askOnLoad) this.setData({ show: true, purpose: '使用红邻的各项服务' });
          },
        });
      }
    },
    detached() {
      this.settle({ event: 'disagree' });
    },
  },

  pageLifetimes: {
    show() {
      this.listen();
    },
  },

  methods: {
    listen() {
      if (!wx.onNeedPrivacyAuthorization) return;
      // miniprogram-api-typings declares the first argument as a result object; WeChat passes resolve.
      const listener = (resolve: Resolve, info?: { referrer?: string }) => {
        // A second request while one waits: the earlier one is answered as refused, not left hanging.
        this.settle({ event: 'disagree' });
        pending.set(this, resolve);
        resolve({ event: 'exposureAuthorization' });
        this.setData({ show: true, purpose: PURPOSES[info?.referrer ?? ''] ?? '使用相关功能' });
      };
      wx.onNeedPrivacyAuthorization(listener as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback);
    },

    settle(option: Parameters<Resolve>[0]) {
      const resolve = pending.get(this);
      pending.delete(this);
      resolve?.(option);
    },

    onAgree() {
      this.settle({ event: 'agree', buttonId: AGREE_BUTTON });
      this.setData({ show: false });
      this.triggerEvent('agree');
    },

    onRefuse() {
      this.settle({ event: 'disagree' });
      this.setData({ show: false });
      toast('您未同意隐私保护指引，这项功能暂时不能使用');
      this.triggerEvent('disagree');
    },

    onOpenContract() {
      wx.openPrivacyContract({ fail: () => wx.navigateTo({ url: PRIVACY_PAGE }) });
    },

    onOpenPolicy() {
      wx.navigateTo({ url: PRIVACY_PAGE });
    },

    noop() {},
  },
});
