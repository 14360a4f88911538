import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The names this machine answers to. A page that rebinds its own name to 127.0.0.1 sends another. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export type Admission = { ok: true; origin?: string } | { ok: false; message: string };

/**
 * Who the local cloud answers: requests for a loopback Host on its own port, from the preview's
 * own origin or from no page at all (tools, tests, the mini-program in DevTools send no Origin).
 * Any other web page a developer has open is refused, and its browser is told nothing.
 */
export function admit(req: http.IncomingMessage, port: number): Admission {
  const host = String(req.headers.host ?? '').toLowerCase();
  const hosts = LOOPBACK_NAMES.flatMap((n) => (port === 80 ? [n, `${n}:80`] : [`${n}:${port}`]));
  if (!hosts.includes(host)) return { ok: false, message: `the local cloud answers only at ${LOOPBACK_NAMES.join(', ')} on port ${port}` };
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true };
  if (LOOPBACK_NAMES.some((n) => origin === `http://${n}:${port}` || (port === 80 && origin === `http://${n}`))) return { ok: true, origin };
  return { ok: false, message: 'the local cloud answers its own preview, not other web pages' };
}

/** CORS for the preview under another loopback name (localhost calling 127.0.0.1); nothing for others. */
export function allowOrigin(res: http.ServerResponse, origin: string | undefined): void {
  res.setHeader('vary', 'origin');
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-headers', 'content-type, x-openid');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
}

/** Compares a presented secret with this start's, in constant time. */
export function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string' || !given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
