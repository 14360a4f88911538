import type { Result } from '../../typings/api';
import type { Me, MoveOffer } from '../../typings/user';
import * as user from './user';
import { scanCode } from '../utils/scan';
import { sceneFromScan } from '../utils/scene';

/** What app.ts keeps in globalData. */
export interface SessionGlobals {
  /** A QR scene waiting to reach the server; cleared once a login carrying it succeeds. */
  scene?: string;
  me?: Me;
  /** A poster of another community or grid was scanned: waiting for the person to decide. */
  moveOffer?: MoveOffer;
  /** The welcome (name and avatar) was offered in this run of the app: not again until next time. */
  welcomed?: boolean;
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
    if (res.data.moveOffer) g.moveOffer = res.data.moveOffer;
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

/** The sign-in already under way or done, if any: for what must follow the person without starting one. */
export function known(): Promise<Result<Me>> | null {
  return pending;
}

/** Fetches a fresh copy (after returning to a page, roles may have changed). */
export async function refreshMe(): Promise<Result<Me>> {
  const res = await user.me();
  if (!res.ok) return res;
  setMe(res.data.me);
  return { ok: true, data: res.data.me };
}

/** The person as last known on this phone (a page coming back shows what another page changed). */
export function current(): Me | undefined {
  return globals().me;
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

/** After 注销: nothing of the old account stays in this run of the app; the next login is a new person. */
export function forget(): void {
  const g = globals();
  g.me = undefined;
  g.moveOffer = undefined;
  g.welcomed = undefined;
  pending = null;
  sentScene = undefined;
}

/** The move offer of the last scanned poster, if the person has not answered it yet. */
export function moveOffer(): MoveOffer | undefined {
  return globals().moveOffer;
}

/** The person answered the offer (either way): it is not shown again. */
export function clearMoveOffer(): void {
  globals().moveOffer = undefined;
}

/**
 * Where a freshly loaded landing page should send the person first, if anywhere: an unanswered
 * move offer, then (once per run of the app) the welcome for choosing a name and avatar.
 */
export function firstStop(me: Me): string | undefined {
  const g = globals();
  if (g.moveOffer) return '/pages/user/move/index';
  if (me.welcome && !g.welcomed) {
    g.welcomed = true;
    return '/pages/user/welcome/index';
  }
  return undefined;
}

/**
 * Scans a community poster from inside the app and joins where it points (a newcomer opened the
 * app from a shared card or a search, not from the poster). Null when the person backs out.
 */
export async function joinByScan(): Promise<Result<Me> | null> {
  const scan = await scanCode();
  if (!scan) return null;
  const scene = sceneFromScan(scan);
  if (!scene) return { ok: false, code: 'INVALID_ARGUMENT', message: '这不是社区海报上的二维码，请扫描“红邻”社区海报' };
  const res = await user.bindCommunity({ scene });
  if (!res.ok) return res;
  setMe(res.data.me);
  return { ok: true, data: res.data.me };
}
