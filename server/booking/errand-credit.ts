import type { DocStore } from '../platform/store';
import { minutesOf } from '../core/hours';
import { pointsFor } from '../points/rules';
import { earnWithVanguard } from '../party/vanguard';
import { VOLUNTEERS, type ErrandDoc, type VolunteerDoc } from './model';

/** An errand with no time given: a home visit's wished window, any other an hour. */
const DEFAULT_MINUTES = 60;
const MAX_MINUTES = 480;

export function errandMinutesOf(e: ErrandDoc, given?: number): number {
  if (given) return given;
  if (e.window) return Math.min(MAX_MINUTES, Math.max(1, minutesOf(e.window.to) - minutesOf(e.window.from)));
  return DEFAULT_MINUTES;
}

/**
 * A 红色代办员 finished an errand: like any service, its time joins their service hours and it
 * earns 帮办一件居民诉求 plus 志愿服务每满1小时 (and 先锋积分 for a party member), in the errand's
 * transaction. The entry is keyed by the errand and an errand is done once, so neither repeats.
 */
export async function creditErrand(tx: DocStore, e: ErrandDoc, given: number | undefined, by: string, at: number): Promise<{ minutes: number; pointsAwarded: number }> {
  const userId = e.assigneeId!;
  const minutes = errandMinutesOf(e, given);
  const [resolved, perHour] = await Promise.all([pointsFor(tx, e.communityId, 'request_resolved'), pointsFor(tx, e.communityId, 'volunteer_hour')]);
  const amount = resolved + Math.floor(minutes / 60) * perHour;
  let pointsAwarded = 0;
  if (amount > 0) {
    const reason = `红色代办：${e.serviceName}（服务${Math.round(minutes / 6) / 10}小时）`;
    const { entry } = await earnWithVanguard(tx, { userId, communityId: e.communityId, amount, kind: 'earn', source: { type: 'errand', id: e._id }, reason, by, at });
    pointsAwarded = entry.amount;
  }
  const v = await tx.get<VolunteerDoc>(VOLUNTEERS, userId);
  await tx.set(VOLUNTEERS, userId, { communityId: e.communityId, minutes: (v?.minutes ?? 0) + minutes, activities: v?.activities ?? 0, updatedAt: at });
  return { minutes, pointsAwarded };
}
