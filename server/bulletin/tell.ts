import { notify } from '../notify/outbox';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { USERS, type UserDoc } from '../user/model';
import { isFor } from './audience';
import { BULLETINS, type BulletinDoc } from './model';

const PAGE = '/pages/bulletin/detail/index';
/** Read in pages of this many, sent this many at once. */
const READ = 500;
const AT_ONCE = 10;

/**
 * 紧急通知: the subscribe message to every person the bulletin is for; WeChat delivers it only to
 * those who allowed one. Marked first in a transaction, so a resent publish never sends twice;
 * a failed send is logged by `notify` and never undoes the bulletin.
 */
export async function tellBulletin(b: BulletinDoc, now: number): Promise<number> {
  const first = await transact(async (tx) => {
    const cur = await tx.get<BulletinDoc>(BULLETINS, b._id);
    if (!cur || cur.toldAt) return false;
    await tx.update(BULLETINS, b._id, { toldAt: now });
    return true;
  });
  if (!first) return 0;
  const note = b.text.replace(/\s+/g, ' ').trim();
  let sent = 0;
  for (let skip = 0; ; skip += READ) {
    const users = await findMany<UserDoc>(USERS, { communityId: b.communityId }, { orderBy: [['_id', 'asc']], skip, limit: READ });
    const to = users.filter((u) => !u.deletedAt && isFor(b.to, u));
    for (let i = 0; i < to.length; i += AT_ONCE) {
      await Promise.all(to.slice(i, i + AT_ONCE).map((u) => notify(u._id, 'bulletin', `${PAGE.slice(1)}?id=${b._id}`, { title: b.title, note, at: b.publishedAt })));
    }
    sent += to.length;
    if (users.length < READ) break;
  }
  return sent;
}
