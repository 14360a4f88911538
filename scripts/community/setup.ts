import { randomInt } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import * as z from 'zod';
import { localCloudSecret } from '../../emulator/secret';

/**
 * A community's first day in an empty environment: its community, grids and co-building units
 * from a JSON file, and a one-time invite code that makes whoever redeems it the community's
 * administrator (admin is granted by deployment only). Safe to run again: the same ids are
 * written, nothing is duplicated, and an unused, unexpired admin invite is shown again.
 */

const CODE = /^[A-Za-z0-9_-]{1,12}$/;

export const CommunityFile = z.object({
  code: z.string().regex(CODE, '社区代码只能是1到12位字母、数字、- 或 _（用在海报二维码里）'),
  name: z.string().min(2).max(30),
  city: z.string().min(1).max(30),
  district: z.string().min(1).max(30),
  street: z.string().min(1).max(30),
  intro: z.string().max(500).default(''),
  center: z.object({ lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) }),
  grids: z
    .array(z.object({ code: z.string().regex(CODE, '网格代码只能是1到12位字母、数字、- 或 _'), name: z.string().min(1).max(30), buildings: z.array(z.string().min(1).max(30)).min(1) }))
    .min(1, '至少要有一个网格'),
  units: z.array(z.object({ name: z.string().min(1).max(40), kind: z.string().min(1).max(10) })).default([]),
});
export type CommunityFile = z.infer<typeof CommunityFile>;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** No 0/O, 1/I/L: the code is read out over the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const INVITE_DAYS = 7;

export interface SetupResult {
  communityId: string;
  grids: number;
  units: number;
  invite: { code: string; expiresAt: number; reused: boolean };
}

async function upsert(db: Db, coll: string, id: string, doc: Record<string, unknown>): Promise<void> {
  const { _id, ...existing } = ((await db.collection(coll).doc(id).get()).data?.[0] ?? {}) as Record<string, unknown>;
  // Keep what the community has changed since (a grid worker assigned, the first created time).
  await db.collection(coll).doc(id).set({ ...doc, ...existing, ...doc, ...(existing.createdAt ? { createdAt: existing.createdAt } : {}) });
}

export async function setupCommunity(db: Db, file: CommunityFile, now = Date.now()): Promise<SetupResult> {
  const communityId = `c_${file.code}`;
  const existing = (await db.collection('communities').where({ code: file.code }).get()).data?.[0] as { _id: string } | undefined;
  if (existing && existing._id !== communityId) throw new Error(`社区代码 ${file.code} 已被 ${existing._id} 使用`);
  await upsert(db, 'communities', communityId, {
    code: file.code,
    name: file.name,
    city: file.city,
    district: file.district,
    street: file.street,
    intro: file.intro,
    center: { type: 'Point', coordinates: [file.center.lng, file.center.lat] },
    createdAt: now,
  });
  for (const g of file.grids) await upsert(db, 'grids', `g_${file.code}_${g.code}`, { communityId, code: g.code, name: g.name, buildings: g.buildings });
  for (const [i, u] of file.units.entries()) await upsert(db, 'units', `unit_${file.code}_${i + 1}`, { communityId, name: u.name, kind: u.kind });

  const open = (await db.collection('invites').where({ communityId, role: 'admin', createdBy: 'setup' }).get()).data as Array<{ _id: string; expiresAt: number; redeemedBy?: string }>;
  const usable = open.find((i) => !i.redeemedBy && i.expiresAt > now);
  if (usable) return { communityId, grids: file.grids.length, units: file.units.length, invite: { code: usable._id, expiresAt: usable.expiresAt, reused: true } };
  const newCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  let code = newCode();
  while ((await db.collection('invites').doc(code).get()).data?.length) code = newCode();
  const expiresAt = now + INVITE_DAYS * 86_400_000;
  await db.collection('invites').doc(code).set({ code, role: 'admin', communityId, createdBy: 'setup', createdAt: now, expiresAt });
  return { communityId, grids: file.grids.length, units: file.units.length, invite: { code, expiresAt, reused: false } };
}

/**
 * The database of the environment named by TCB_ENV_ID and the keys, or of a local cloud (with the
 * secret of its start, by default the one `npm start` wrote to its data directory).
 */
export function databaseFor(opts: { local?: string; secret?: string }, env: NodeJS.ProcessEnv = process.env): Db {
  if (opts.local) {
    const serviceUrl = `${opts.local.replace(/\/$/, '')}/admin`;
    return tcb.init({ env: 'local', serviceUrl, secretId: 'local', secretKey: 'local', sessionToken: opts.secret ?? localCloudSecret() }).database();
  }
  const missing = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`set ${missing.join(', ')} in the environment (keys from 腾讯云 访问管理 → API 密钥)`);
  return tcb
    .init({ env: env.TCB_ENV_ID!, secretId: env.TENCENTCLOUD_SECRETID!, secretKey: env.TENCENTCLOUD_SECRETKEY!, sessionToken: env.TENCENTCLOUD_SESSIONTOKEN })
    .database();
}
