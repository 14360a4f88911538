import { randomInt } from 'node:crypto';

export const INVITES = 'invites';

/** No 0/O, 1/I/L: codes are read aloud and typed by elderly people. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function inviteCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}
