import { randomInt } from 'node:crypto';
import { ACTIVITY_QR_PREFIX, BOOKING_QR_PREFIX, PLACE_QR_PREFIX } from '../../typings/booking';
import type { DocStore } from '../platform/store';
import { CODES } from './model';

/**
 * What a scan can read (see typings/booking.ts): a person's booking or sign-up code, a place's
 * check-in poster, or an activity's check-in code.
 */
export type Scanned =
  | { type: 'personal'; code: string }
  | { type: 'place'; placeId: string; key: string }
  | { type: 'activity'; activityId: string; key: string };

const KEY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const KEY = /^[A-Za-z0-9]{12}$/;
const ID = /^[\w-]{1,64}$/;

export function newKey(): string {
  let k = '';
  for (let i = 0; i < 12; i++) k += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return k;
}

export const personalQr = (code: string) => `${BOOKING_QR_PREFIX}${code}`;
export const placeQr = (placeId: string, key: string) => `${PLACE_QR_PREFIX}${placeId}?k=${key}`;
export const activityQr = (activityId: string, key: string) => `${ACTIVITY_QR_PREFIX}${activityId}?k=${key}`;

function idAndKey(rest: string): { id: string; key: string } | undefined {
  const [id, query, ...more] = rest.split('?');
  if (more.length || !ID.test(id) || !query?.startsWith('k=')) return undefined;
  const key = query.slice(2);
  return KEY.test(key) ? { id, key } : undefined;
}

/** Reads a scanned or typed code; undefined if it is none of ours. */
export function parseScan(input: string): Scanned | undefined {
  const s = input.trim();
  if (/^\d{8}$/.test(s)) return { type: 'personal', code: s };
  if (s.startsWith(BOOKING_QR_PREFIX)) {
    const code = s.slice(BOOKING_QR_PREFIX.length);
    return /^\d{8}$/.test(code) ? { type: 'personal', code } : undefined;
  }
  if (s.startsWith(PLACE_QR_PREFIX)) {
    const p = idAndKey(s.slice(PLACE_QR_PREFIX.length));
    return p ? { type: 'place', placeId: p.id, key: p.key } : undefined;
  }
  if (s.startsWith(ACTIVITY_QR_PREFIX)) {
    const p = idAndKey(s.slice(ACTIVITY_QR_PREFIX.length));
    return p ? { type: 'activity', activityId: p.id, key: p.key } : undefined;
  }
  return undefined;
}

/** 8 random digits no other booking or sign-up has had; written in the caller's transaction. */
export async function freshCode(tx: DocStore): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (!(await tx.get(CODES, code))) return code;
  }
  throw new Error('no free booking code');
}
