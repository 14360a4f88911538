import { tell } from '../notify/inbox';
import { audienceOf } from './audience';
import type { CalloutDoc } from './model';

/** Where the notice and the message open. */
const CALLOUT_PAGE = '/pages/party/callouts/index';
/** How many are told at once: in batches, so the nearest hear first. */
const AT_ONCE = 10;

/**
 * 社区吹哨、党员报到: when staff blow the whistle, everyone it fits hears it, nearest first (see
 * `audienceOf`): a notice in 我的消息 and the subscribe message they allowed. Sent once, after the
 * call-out is stored; a failed send is logged by `tell` and never undoes the call-out.
 */
export async function tellWhistle(c: CalloutDoc): Promise<number> {
  const people = (await audienceOf(c.communityId, { posts: c.posts, skills: c.skills ?? [], location: c.location })).map((p) => p.userId);
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
