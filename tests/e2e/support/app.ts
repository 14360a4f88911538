/** What the mini-program has by now: the e2e tests follow the pages as they arrive. */
import fs from 'node:fs';
import path from 'node:path';

const APP_JSON = path.resolve(__dirname, '../../../miniprogram/app.json');

export function appPages(): string[] {
  const app = JSON.parse(fs.readFileSync(APP_JSON, 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  const subs = app.subPackages ?? [];
  const listed = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  // Listed and really there (a page may be listed a moment before its files land).
  return listed.filter((p) => fs.existsSync(path.resolve(APP_JSON, '..', `${p}.wxml`)));
}

export const hasPages = (...routes: string[]) => routes.every((r) => appPages().includes(r));

/** The local cloud the global set-up started. */
export const cloudUrl = (): string => {
  const url = process.env.HONGLIN_URL;
  if (!url) throw new Error('HONGLIN_URL is not set: run through tests/e2e/jest.config.js (its global set-up starts the local cloud)');
  return url;
};

/** Calls a function of the local cloud as `openid` (for what the test checks behind the screen). */
export async function callFn<T = any>(fn: string, openid: string, event: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${cloudUrl()}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
  const body = (await res.json()) as { ok: boolean; data: T; message?: string };
  if (!body.ok) throw new Error(`${fn}.${String(event.action)}: ${body.message}`);
  return body.data;
}
