/**
 * The scene of a community poster read with `wx.scanCode`. WeChat gives the code's `path`
 * (`pages/home/index?scene=…`) for this mini-program's own codes — URL-encoded on iOS, raw on
 * Android, where the scene's own `&` would split a query parse, so everything after `scene=` is
 * taken. The local cloud's codes carry the same path in their text (`honglin://pages/…`).
 */
export function sceneFromScan(scan: { path?: string; result?: string }): string | undefined {
  for (const source of [scan.path, scan.result]) {
    const m = source ? /[?&]scene=(.+)$/.exec(source) : null;
    if (!m) continue;
    try {
      return m[1].includes('%') ? decodeURIComponent(m[1]) : m[1];
    } catch {
      return undefined;
    }
  }
  return scan.result && /^c=[\w-]{1,12}(&[gp]=[\w-]{1,12})*$/.test(scan.result) ? scan.result : undefined;
}
