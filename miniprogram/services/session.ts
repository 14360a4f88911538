import type { Result } from '../../typings/api';
import type { Me } from '../../typings/user';
import * as user from './user';

/** What app.ts keeps in globalData. */
export interface SessionGlobals {
  /** A QR scene waiting to reach the server; cleared once a login carrying it succeeds. */
  scene?: string;
  me?: Me;
}

let pending: Promise<Result<Me>> | null = null;
let sentScene: string | undefined;

function globals(): SessionGlobals {
  // An independent subpackage may run without App(); allowDefault gives it a stand-in.
  const app = getApp<{ globalData: SessionGlobals }>({ allowDefault: true });
  if (!app.globalData) app.globalData = {};
  return app.globalData;
}

/** Logs in (again), carrying the scene from the QR code if there is one. */
export function login(): Promise<Result<Me>> {
  const g = globals();
  const scene = g.scene;
  sentScene = scene;
  const p = user.login(scene ? { scene } : {}).then((res): Result<Me> => {
    if (!res.ok) {
      if (pending === p) pending = null; // let the next caller retry
      return res;
    }
    if (g.scene === scene) g.scene = undefined;
    g.me = res.data.me;
    return { ok: true, data: res.data.me };
  });
  pending = p;
  return p;
}

/**
 * Called from App onLaunch/onShow with the scene of the code that opened the mini-program:
 * logs in at start, and again when a different code is scanned while the app is alive.
 */
export function start(scene: string | undefined): void {
  const g = globals();
  if (scene) g.scene = scene;
  if (!pending || (scene && scene !== sentScene)) void login();
}

/** The signed-in person, logging in once if nobody has yet. */
export function ensureMe(): Promise<Result<Me>> {
  const g = globals();
  if (g.scene && g.scene !== sentScene) return login(); // a new code was scanned meanwhile
  return pending ?? login();
}

/** Fetches a fresh copy (after returning to a page, roles may have changed). */
export async function refreshMe(): Promise<Result<Me>> {
  const res = await user.me();
  if (!res.ok) return res;
  setMe(res.data.me);
  return { ok: true, data: res.data.me };
}

/** Records a newer `me` returned by a mutating call. */
export function setMe(me: Me): void {
  globals().me = me;
  pending = Promise.resolve({ ok: true, data: me });
}

/** Decodes the `scene` of a mini-program code from launch options, if any. */
export function sceneFrom(query: Record<string, string | undefined> | undefined): string | undefined {
  const raw = query?.scene;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
