import { randomInt } from 'node:crypto';
import { AppError } from '../core/errors';
import type { DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { USERS, type UserDoc } from './model';

/** `<communityId>.<number>` → whose it is: the document id is the number, so two members never share one. */
export const MEMBER_NUMBERS = 'member_numbers';

export interface MemberNumberDoc {
  _id: string;
  communityId: string;
  number: string;
  userId: string;
  createdAt: number;
}

/** Seven digits: short enough to read out at a desk, room for millions per community. */
const LOW = 1_000_000;
const HIGH = 10_000_000;
const TRIES = 20;

export const memberNumberKey = (communityId: string, number: string) => `${communityId}.${number}`;

/**
 * The member's number in their community, given on first asking. The user document is read and
 * written in the same transaction, so parallel first askings by one person conflict and the later
 * finds the number the first gave; a number another member took meanwhile conflicts on its document.
 */
export async function memberNumber(userId: string, communityId: string, now: number): Promise<string> {
  return transact(async (tx: DocStore) => {
    const user = await tx.get<UserDoc>(USERS, userId);
    if (!user || user.communityId !== communityId) throw new AppError('FAILED_PRECONDITION', '请先加入社区');
    const held = user.memberNumbers?.[communityId];
    if (held) return held;
    for (let i = 0; i < TRIES; i++) {
      const number = String(randomInt(LOW, HIGH));
      const key = memberNumberKey(communityId, number);
      if (await tx.get(MEMBER_NUMBERS, key)) continue;
      await tx.set(MEMBER_NUMBERS, key, { communityId, number, userId, createdAt: now });
      await tx.update(USERS, userId, { memberNumbers: { ...user.memberNumbers, [communityId]: number }, updatedAt: now });
      return number;
    }
    throw new AppError('RESOURCE_EXHAUSTED', '会员号分配繁忙，请稍后再试');
  });
}
