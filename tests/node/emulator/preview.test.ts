/**
 * The browser preview's build: every page of app.json is in it with its components, WXSS is scoped
 * the way the renderer scopes classes, and the local cloud serves it at `/`.
 */
import { cloudUrl } from '../support/cloud';
import { MP_ROOT } from '../../../emulator/preview/build';
import { componentGraph, pagesOf, readAppJson, scriptOf } from '../../../emulator/preview/components';
import { convertUnits, scopeCss, scopeSelector } from '../../../emulator/preview/wxss';

const scope = { prefix: 'page-home', page: '.wx-page', host: 'page-home' };

describe('preview', () => {
  it('prefixes classes, names built-in tags, and leaves strings and numbers alone', () => {
    expect(scopeSelector('.card .title', scope)).toBe('.page-home--card .page-home--title');
    expect(scopeSelector('view.tile > text', scope)).toBe('wx-view.page-home--tile > wx-text');
    expect(scopeSelector('page', scope)).toBe('.wx-page');
    expect(scopeSelector('.a:not(.b)::after', scope)).toBe('.page-home--a:not(.page-home--b)::after');
    expect(scopeSelector('input[type="text"]', scope)).toBe('wx-input[type="text"]');
    expect(scopeSelector(':host', scope)).toBe('page-home');
    expect(scopeSelector('.x:nth-child(2n+1)', scope)).toBe('.page-home--x:nth-child(2n+1)');
  });

  it('turns rpx into px of a 375 px wide phone, and vh into the phone window', () => {
    expect(convertUnits('750rpx')).toBe('375px');
    expect(convertUnits('24rpx 32rpx -8rpx 0.5rpx')).toBe('12px 16px -4px 0.25px');
    expect(convertUnits('100vh')).toBe('calc(100 * var(--hl-vh, 1vh))');
    // A 360 px wide phone: 750 rpx still fill it.
    expect(convertUnits('750rpx 40rpx', 360 / 750)).toBe('360px 19.2px');
  });

  it('keeps keyframes and drops fonts from the network', () => {
    const css = scopeCss(
      "@font-face{font-family:t;src:url(https://example.com/t.woff)}\n.a{width:10rpx}\n@keyframes spin{from{opacity:0}50%{opacity:.5}}",
      scope,
      'x.wxss',
    );
    expect(css).not.toContain('font-face');
    expect(css).toContain('.page-home--a{width:5px}');
    expect(css).toContain('@keyframes spin{from{opacity:0}50%{opacity:.5}}');
  });

  it('has every page of app.json that is on disk, children before parents, each with its own tag', () => {
    const graph = componentGraph(MP_ROOT);
    const onDisk = pagesOf(readAppJson(MP_ROOT)).filter((p) => scriptOf(MP_ROOT, p));
    expect(graph.components.filter((c) => c.isPage).map((c) => c.key)).toEqual(onDisk);
    const seen = new Set<string>();
    for (const c of graph.components) {
      for (const child of Object.values(c.using)) expect(seen.has(child)).toBe(true);
      seen.add(c.key);
    }
    const tags = graph.components.map((c) => c.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toContain('page-home');
    expect(tags).toContain('tdesign-button');
  });

  it('is served at / with the compiled mini-program, its styles and the renderer', async () => {
    const html = await (await fetch(`${cloudUrl()}/`)).text();
    expect(html).toContain('id="hl-phone"');
    expect(html).toContain('demo-staff');
    const version = /app\.js\?v=([^"]+)"/.exec(html)![1];
    const app = await (await fetch(`${cloudUrl()}/preview/app.js?v=${version}`)).text();
    expect(app).toContain('window.__HL_APP__');
    expect(app).toContain('"miniprogram/pages/home/index.ts"');
    expect(app).toContain('$gwx');
    const css = await (await fetch(`${cloudUrl()}/preview/app.css?v=${version}`)).text();
    expect(css).toContain('.page-home--');
    expect(css).not.toMatch(/\d rpx|\drpx/);
    const runtime = await fetch(`${cloudUrl()}/preview/runtime.js`);
    expect(runtime.status).toBe(200);
    const code = await runtime.text();
    expect(code).toContain('__hlNode');
    // aria-* from the WXML reach the DOM (aria-role as role).
    expect(code).toContain('aria === "aria-role" ? "role" : aria');
    const icon = await fetch(`${cloudUrl()}/preview/mp/images/tab/home.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${cloudUrl()}/preview/mp/../package.json`)).status).toBe(404);
  });

  it('holds a narrower phone or a larger WeChat font when the address asks (?width=360&font=22)', async () => {
    const standard = await (await fetch(`${cloudUrl()}/`)).text();
    expect(standard).toContain('"device":{"width":375,"fontSize":16}');
    expect(standard).toContain('style="width: 375px"');

    const html = await (await fetch(`${cloudUrl()}/?width=360&font=22`)).text();
    expect(html).toContain('"device":{"width":360,"fontSize":22}');
    expect(html).toContain('style="width: 360px"');
    const cssHref = /href="(\/preview\/app\.css\?[^"]+)"/.exec(html)![1];
    expect(cssHref).toContain('&w=360');
    const [wide, narrow] = await Promise.all([
      fetch(`${cloudUrl()}${/href="(\/preview\/app\.css\?[^"]+)"/.exec(standard)![1]}`).then((r) => r.text()),
      fetch(`${cloudUrl()}${cssHref}`).then((r) => r.text()),
    ]);
    // app.wxss's .card: margin 24rpx 32rpx → 12px 16px at 375 px, 11.52px 15.36px at 360 px.
    expect(wide).toMatch(/\.page-home--card \{\s*margin: 12px 16px;/);
    expect(narrow).toMatch(/\.page-home--card \{\s*margin: 11\.52px 15\.36px;/);

    // Out of range or not a number: the standard phone.
    expect(await (await fetch(`${cloudUrl()}/?width=9999&font=abc`)).text()).toContain('"device":{"width":375,"fontSize":16}');
  });
});
