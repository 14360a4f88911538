/** The page that holds the phone frame and the preview's controls. */
import { DEMO_COMMUNITY } from '../seed/demo';
import { DEMO_OPENIDS } from '../seed';

const ROLE_NAMES: Record<string, string> = {
  volunteer: '志愿者',
  unit_member: '共建单位',
  grid_worker: '网格员',
  staff: '社区工作者',
  admin: '管理员',
};

export function previewHtml(versions: { app: string; runtime: string }): string {
  const [lng, lat] = DEMO_COMMUNITY.center.coordinates;
  const config = {
    accounts: DEMO_OPENIDS.map((u) => ({
      openid: u.openid,
      label: `${u.name}（${u.roles.map((r) => ROLE_NAMES[r] ?? r).join('、') || '居民'}）`,
    })),
    defaultOpenid: 'demo-resident',
    location: { latitude: lat, longitude: lng, name: DEMO_COMMUNITY.name },
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>红邻 · 预览</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview/preview.css">
<link rel="stylesheet" href="/preview/app.css?v=${versions.app}">
<script>window.__HL_PREVIEW__ = ${JSON.stringify(config)};</script>
<script defer src="/preview/app.js?v=${versions.app}"></script>
<script defer src="/preview/runtime.js?v=${versions.runtime}"></script>
</head>
<body>
<main class="hl-stage">
  <section class="hl-phone" id="hl-phone" aria-label="手机预览"></section>
  <aside class="hl-controls" id="hl-controls" aria-label="预览设置"></aside>
</main>
</body>
</html>
`;
}
