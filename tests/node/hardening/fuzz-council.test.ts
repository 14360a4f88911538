import { sdk } from '../support/cloud';
import { newCommunity } from '../support/map';
import { fuzzFunctions } from './fuzz-suite';
import { councilFunction } from '../../../server/council';

/** The council function under malformed events, as the admin of a community of its own (see fuzz-suite.ts). */
fuzzFunctions({ council: councilFunction }, async () => {
  const c = await newCommunity();
  const db = sdk().database();
  const of = async (coll: string) => (await db.collection(coll).where({ communityId: c.id }).limit(1000).get()).data;
  return {
    caller: c.admin,
    snapshot: async () => Promise.all(['council_topics', 'council_comments', 'council_ballots', 'projects'].map(of).concat([db.collection('council_rules').doc(c.id).get().then((r) => r.data)])),
  };
});
