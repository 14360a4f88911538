/** What the server built (app.js) and what the page around the phone configured (index.html). */

export interface ComponentInfo {
  key: string;
  tag: string;
  isPage: boolean;
  json: Record<string, any>;
  using: Record<string, string>;
  module: string;
}

export interface TabItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface AppJson {
  pages: string[];
  entryPagePath?: string;
  window?: Record<string, any>;
  tabBar?: { list: TabItem[]; color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string };
}

export interface AppManifest {
  appJson: AppJson;
  appModule: string | null;
  pages: string[];
  components: ComponentInfo[];
  modules: Record<string, [Record<string, string>, string]>;
}

export interface PreviewConfig {
  accounts: Array<{ openid: string; label: string }>;
  defaultOpenid: string;
  location: { latitude: number; longitude: number; name: string };
  /** The phone being held (html.ts PhoneDevice): width in CSS px, WeChat's font size in px. */
  device?: { width: number; fontSize: number };
}

declare global {
  interface Window {
    __HL_APP__: AppManifest;
    __HL_WXML__: () => (path: string) => unknown;
    __HL_PREVIEW__: PreviewConfig;
  }
}

export const manifest = (): AppManifest => window.__HL_APP__;
export const previewConfig = (): PreviewConfig => window.__HL_PREVIEW__;

const device = window.__HL_PREVIEW__?.device;

/** The phone: 750 rpx across its width (375 CSS px unless the address asks for another). */
export const SCREEN = { width: device?.width ?? 375, height: 812, statusBar: 44, navBar: 44, tabBar: 50, pixelRatio: 2 };

/** WeChat's font size setting (我 → 设置 → 通用 → 字体大小), px: 16 is Android's standard. */
export const FONT_SIZE_SETTING = device?.fontSize ?? 16;
