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

/** The phone: 750 rpx across 375 CSS px. */
export const SCREEN = { width: 375, height: 812, statusBar: 44, navBar: 44, tabBar: 50, pixelRatio: 2 };
