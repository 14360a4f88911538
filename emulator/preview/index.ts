/**
 * The browser preview of the mini-program, served by the local cloud at `/`: the real pages in a
 * phone-sized frame, talking to this local cloud. Assets are built when first asked for and again
 * whenever the mini-program's files change.
 */
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { MP_ROOT, PHONE_WIDTHS, appStamp, buildApp, buildAppCss, buildRuntime, readClientCss, runtimeStamp, type AppAssets } from './build';
import { STANDARD_PHONE, previewHtml, type PhoneDevice, type PreviewProfile } from './html';

const STATIC_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** A whole number within [min, max] from the address, else `fallback`. */
function numberParam(url: URL, name: string, min: number, max: number, fallback: number): number {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/**
 * The phone the address asks for: `?width=360` a narrower phone (rpx scale with it), `?font=22`
 * WeChat's font size set larger (what `fontSizeSetting` answers). Both stay in the address across
 * the preview's restarts.
 */
export function deviceOf(url: URL): PhoneDevice {
  return {
    width: numberParam(url, 'width', PHONE_WIDTHS.min, PHONE_WIDTHS.max, STANDARD_PHONE.width),
    fontSize: numberParam(url, 'font', 12, 40, STANDARD_PHONE.fontSize),
  };
}

export interface Preview {
  /** Answers GET `/` and `/preview/…`; false for any other request. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

export function createPreview(profile?: PreviewProfile): Preview {
  let app: { stamp: string; assets: AppAssets } | undefined;
  let runtime: { stamp: string; code: string } | undefined;
  const narrow = new Map<number, { stamp: string; css: string }>();

  function currentApp(): { stamp: string; assets: AppAssets } {
    const stamp = appStamp();
    if (app?.stamp !== stamp) {
      const started = Date.now();
      const assets = buildApp();
      for (const w of assets.warnings) console.warn(`preview: ${w}`);
      app = { stamp, assets };
      console.log(`preview built in ${Date.now() - started} ms`);
    }
    return app;
  }

  /** Styles for a phone of another width, built when first asked for and again after a change. */
  function cssAt(width: number): string {
    if (width === STANDARD_PHONE.width) return currentApp().assets.css;
    const stamp = currentApp().stamp;
    const built = narrow.get(width);
    if (built?.stamp === stamp) return built.css;
    const css = buildAppCss(width);
    narrow.set(width, { stamp, css });
    return css;
  }

  async function currentRuntime(): Promise<{ stamp: string; code: string }> {
    const stamp = runtimeStamp();
    if (runtime?.stamp !== stamp) runtime = { stamp, code: await buildRuntime() };
    return runtime;
  }

  function send(res: http.ServerResponse, type: string, body: string | Buffer, cache = false): void {
    res.writeHead(200, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': cache ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  }

  return {
    async handle(req, res, url) {
      if (req.method !== 'GET') return false;
      const p = url.pathname;
      if (p === '/' || p === '/index.html') {
        const [a, r] = [currentApp(), await currentRuntime()];
        send(res, 'text/html; charset=utf-8', previewHtml({ app: a.stamp, runtime: r.stamp }, profile, deviceOf(url)));
        return true;
      }
      if (!p.startsWith('/preview/')) return false;
      const versioned = url.searchParams.has('v');
      if (p === '/preview/app.js') return send(res, 'text/javascript; charset=utf-8', currentApp().assets.script, versioned), true;
      if (p === '/preview/app.css') {
        const width = numberParam(url, 'w', PHONE_WIDTHS.min, PHONE_WIDTHS.max, STANDARD_PHONE.width);
        return send(res, 'text/css; charset=utf-8', cssAt(width), versioned), true;
      }
      if (p === '/preview/runtime.js') return send(res, 'text/javascript; charset=utf-8', (await currentRuntime()).code, versioned), true;
      if (p === '/preview/preview.css') return send(res, 'text/css; charset=utf-8', readClientCss()), true;
      if (p.startsWith('/preview/mp/')) {
        // The mini-program's own images (tab icons, /images/…), nothing else.
        const rel = path.normalize(decodeURIComponent(p.slice('/preview/mp/'.length))).replace(/^(\.\.[/\\])+/, '');
        const file = path.join(MP_ROOT, rel);
        const type = STATIC_TYPES[path.extname(file).toLowerCase()];
        if (!type || !file.startsWith(MP_ROOT + path.sep) || !fs.existsSync(file)) return false;
        send(res, type, fs.readFileSync(file));
        return true;
      }
      return false;
    },
  };
}
