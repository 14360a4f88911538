import { api } from '../../../wx-common/callbacks';

/**
 * WeChat's privacy authorization in the preview. A browser has no WeChat privacy guide to agree
 * to, so the person counts as having agreed: nothing waits and the listener is never raised (as in
 * WeChat once agreed). The privacy guide opens the product's own 隐私政策 page instead.
 */
export function privacyApis(): Record<string, any> {
  return {
    getPrivacySetting: api('getPrivacySetting', () => ({ needAuthorization: false, privacyContractName: '《红邻小程序隐私保护指引》' })),
    requirePrivacyAuthorize: api('requirePrivacyAuthorize', () => ({})),
    onNeedPrivacyAuthorization: () => undefined,
    offNeedPrivacyAuthorization: () => undefined,
    openPrivacyContract: api('openPrivacyContract', () => {
      (globalThis as any).wx.navigateTo({ url: '/pages/user/privacy/index' });
      return {};
    }),
  };
}
