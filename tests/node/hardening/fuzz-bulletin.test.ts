import { sdk } from '../support/cloud';
import { newCommunity } from '../support/map';
import { fuzzFunctions } from './fuzz-suite';
import { bulletinFunction } from '../../../server/bulletin';

/** The bulletin function under malformed events, as the admin of a community of its own (see fuzz-suite.ts). */
fuzzFunctions({ bulletin: bulletinFunction }, async () => {
  const c = await newCommunity();
  const db = sdk().database();
  const of = async (coll: string) => (await db.collection(coll).where({ communityId: c.id }).limit(1000).get()).data;
  return { caller: c.admin, snapshot: async () => Promise.all(['bulletins', 'bulletin_reads', 'bulletin_events'].map(of)) };
});
