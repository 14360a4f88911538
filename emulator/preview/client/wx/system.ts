/** What the page can learn about the phone, and queries over its own nodes. */
import SelectorQuery from 'j-component/src/tool/selectorquery';
import IntersectionObserver from 'j-component/src/tool/intersectionobserver';
import { FONT_SIZE_SETTING, SCREEN } from '../manifest';
import { api } from '../../../wx-common/callbacks';
import type { WxContext } from './context';

export function systemApis(ctx: WxContext) {
  const windowInfo = () => {
    const page = ctx.router.top();
    const onTab = !!page && ctx.router.isTab(page.route);
    const custom = page?.json.navigationStyle === 'custom';
    const windowHeight = SCREEN.height - SCREEN.statusBar - (custom ? 0 : SCREEN.navBar) - (onTab ? SCREEN.tabBar : 0);
    return {
      pixelRatio: SCREEN.pixelRatio,
      screenWidth: SCREEN.width,
      screenHeight: SCREEN.height,
      windowWidth: SCREEN.width,
      windowHeight,
      statusBarHeight: SCREEN.statusBar,
      screenTop: SCREEN.height - windowHeight,
      safeArea: { left: 0, right: SCREEN.width, top: SCREEN.statusBar, bottom: SCREEN.height, width: SCREEN.width, height: SCREEN.height - SCREEN.statusBar },
    };
  };
  const baseInfo = () => ({
    SDKVersion: '3.8.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false, host: { env: 'WeChat' },
    fontSizeSetting: FONT_SIZE_SETTING, fontSizeScaleFactor: FONT_SIZE_SETTING / 16,
  });
  const deviceInfo = () => ({ brand: 'devtools', model: 'iPhone X', platform: 'devtools', system: 'iOS 16.0', benchmarkLevel: 1 });
  const systemInfo = () => ({ ...windowInfo(), ...baseInfo(), ...deviceInfo(), locationEnabled: true, wifiEnabled: true });
  const launch = () => ({ path: ctx.launch.path, query: ctx.launch.query, scene: ctx.launch.scene, referrerInfo: {}, shareTicket: undefined });
  const currentPage = () => ctx.router.top()?.instance;

  return {
    getWindowInfo: windowInfo,
    getAppBaseInfo: baseInfo,
    getDeviceInfo: deviceInfo,
    getSystemInfoSync: systemInfo,
    getSystemInfo: api('getSystemInfo', systemInfo),
    getSystemInfoAsync: api('getSystemInfoAsync', systemInfo),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ locationAuthorized: ctx.location.allowed ? 'authorized' : 'denied', cameraAuthorized: 'authorized', albumAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: SCREEN.statusBar + 6, right: SCREEN.width - 7, bottom: SCREEN.statusBar + 38, left: SCREEN.width - 94 }),
    getLaunchOptionsSync: launch,
    getEnterOptionsSync: launch,
    getAccountInfoSync: () => ({ miniProgram: { appId: 'preview', envVersion: 'develop', version: '' }, plugin: {} }),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange() {},
    canIUse: () => true,
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    createSelectorQuery: () => new SelectorQuery(currentPage()),
    createIntersectionObserver: (component: unknown, options?: unknown) => new IntersectionObserver(component ?? currentPage(), options),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    getRealtimeLogManager: () => ({ info: console.info, warn: console.warn, error: console.error, setFilterMsg() {}, addFilterMsg() {} }),
    getLogManager: () => ({ log: console.log, info: console.info, warn: console.warn, debug: console.debug }),
    reportAnalytics() {},
    reportEvent() {},
    showShareMenu: api('showShareMenu', () => ({})),
    hideShareMenu: api('hideShareMenu', () => ({})),
    updateShareMenu: api('updateShareMenu', () => ({})),
    onAppShow() {},
    offAppShow() {},
    onAppHide() {},
    offAppHide() {},
    onError() {},
    offError() {},
    onUnhandledRejection() {},
    onMemoryWarning() {},
    onKeyboardHeightChange() {},
    offKeyboardHeightChange() {},
    hideKeyboard: api('hideKeyboard', () => ((document.activeElement as HTMLElement | null)?.blur(), {})),
  };
}
