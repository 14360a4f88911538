import { tell } from '../notify/inbox';
import { findMany } from '../platform/store';
import { REGISTRATIONS, type CalloutDoc, type RegistrationDoc } from './model';

/** Where the notice and the message open. */
const CALLOUT_PAGE = '/pages/party/callouts/index';
/** A community's registered people told at most, and how many at once. */
const MAX_TOLD = 500;
const AT_ONCE = 10;

/**
 * 社区吹哨、党员报到: when staff blow the whistle, every confirmed party member and part-time grid
 * worker of the community hears it (a notice in 我的消息 and the subscribe message they allowed);
 * when it asks for posts, only those who took one of them. Sent once, after the call-out is
 * stored; a failed send is logged by `tell` and never undoes the call-out.
 */
export async function tellWhistle(c: CalloutDoc): Promise<number> {
  const regs = await findMany<RegistrationDoc>(
    REGISTRATIONS,
    { communityId: c.communityId, status: 'confirmed', kind: { $in: ['member', 'courier'] } },
    { limit: MAX_TOLD },
  );
  const fits = (r: RegistrationDoc) => c.posts.length === 0 || r.posts.some((p) => c.posts.includes(p));
  const people = [...new Set(regs.filter(fits).map((r) => r.userId))];
  const note = `需要${c.needed}人，请到社区吹哨报到`;
  for (let i = 0; i < people.length; i += AT_ONCE) {
    await Promise.all(
      people.slice(i, i + AT_ONCE).map((userId) =>
        tell(
          { userId, communityId: c.communityId },
          `callout.${c._id}.${userId}`,
          { title: `社区吹哨：${c.title}`, body: `${c.place}，${note}`, page: CALLOUT_PAGE, at: c.createdAt },
          'partyCallout',
          { title: c.title, place: c.place, start: c.start, note },
        ),
      ),
    );
  }
  return people.length;
}
