/** The page that holds the phone frame and the preview's controls. */

/**
 * Who the preview can be and where its phone "is": handed in by whoever starts the local cloud
 * (the demo community's people for `npm start`), so the local cloud knows nothing of any project.
 * The page reads it as `window.__HL_PREVIEW__` (client/manifest.ts PreviewConfig).
 */
export interface PreviewProfile {
  accounts: Array<{ openid: string; label: string }>;
  defaultOpenid: string;
  location: { latitude: number; longitude: number; name: string };
}

/** With nobody handed in: a fresh visitor, at no particular place. */
export const NO_PROFILE: PreviewProfile = { accounts: [], defaultOpenid: 'dev-visitor', location: { latitude: 39.9087, longitude: 116.3975, name: '' } };

/** The phone being held: its width in CSS px (750 rpx fill it) and WeChat's font size setting in px. */
export interface PhoneDevice {
  width: number;
  fontSize: number;
}

/** A 375 px wide phone at WeChat's standard font size. */
export const STANDARD_PHONE: PhoneDevice = { width: 375, fontSize: 16 };

export function previewHtml(versions: { app: string; runtime: string }, profile: PreviewProfile = NO_PROFILE, device: PhoneDevice = STANDARD_PHONE): string {
  const css = device.width === STANDARD_PHONE.width ? `v=${versions.app}` : `v=${versions.app}&w=${device.width}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>红邻 · 预览</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview/preview.css">
<link rel="stylesheet" href="/preview/app.css?${css}">
<script>window.__HL_PREVIEW__ = ${JSON.stringify({ ...profile, device })};</script>
<script defer src="/preview/app.js?v=${versions.app}"></script>
<script defer src="/preview/runtime.js?v=${versions.runtime}"></script>
</head>
<body>
<main class="hl-stage">
  <section class="hl-phone" id="hl-phone" aria-label="手机预览" style="width: ${device.width}px"></section>
  <aside class="hl-controls" id="hl-controls" aria-label="预览设置"></aside>
</main>
</body>
</html>
`;
}
