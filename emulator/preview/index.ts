/**
 * The browser preview of the mini-program, served by the local cloud at `/`: the real pages in a
 * phone-sized frame, talking to this local cloud. Assets are built when first asked for and again
 * whenever the mini-program's files change.
 */
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { MP_ROOT, appStamp, buildApp, buildRuntime, readClientCss, runtimeStamp, type AppAssets } from './build';
import { previewHtml, type PreviewProfile } from './html';

const STATIC_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

export interface Preview {
  /** Answers GET `/` and `/preview/…`; false for any other request. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

export function createPreview(profile?: PreviewProfile): Preview {
  let app: { stamp: string; assets: AppAssets } | undefined;
  let runtime: { stamp: string; code: string } | undefined;

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
        send(res, 'text/html; charset=utf-8', previewHtml({ app: a.stamp, runtime: r.stamp }, profile));
        return true;
      }
      if (!p.startsWith('/preview/')) return false;
      const versioned = url.searchParams.has('v');
      if (p === '/preview/app.js') return send(res, 'text/javascript; charset=utf-8', currentApp().assets.script, versioned), true;
      if (p === '/preview/app.css') return send(res, 'text/css; charset=utf-8', currentApp().assets.css, versioned), true;
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
