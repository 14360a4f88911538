import type { HomeBulletin } from '../../typings/user';
import type { SideRead } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import type { Member } from '../user/caller';
import { BULLETIN_ORDER, bulletinsFor } from './actions-resident';
import { BULLETINS, BULLETIN_READS, type BulletinDoc, type BulletinReadDoc } from './model';

/** The person's latest marks are enough to tell whether the strip's one bulletin was opened. */
const READS = 20;

/** 首页's strip: the pinned bulletin for the person (else the newest) and their latest reads, in 首页's one aggregation. */
export function bulletinHomeReads(user: Member) {
  return {
    bulletins: { from: BULLETINS, where: bulletinsFor(user), orderBy: BULLETIN_ORDER, limit: 1 },
    bulletinReads: { from: BULLETIN_READS, where: { userId: user._id, communityId: user.communityId }, orderBy: [['readAt', 'desc']], limit: READS },
  } satisfies Record<string, SideRead>;
}

export function homeBulletin(rows: DocData[], reads: DocData[]): HomeBulletin | undefined {
  const b = rows[0] as unknown as BulletinDoc | undefined;
  if (!b) return undefined;
  const read = (reads as unknown as BulletinReadDoc[]).some((r) => r.bulletinId === b._id);
  return { id: b._id, title: b.title, pinned: b.pinned, needsConfirm: b.needsConfirm, publishedAt: b.publishedAt, unread: !read };
}
