import { sdk } from '../support/cloud';
import { partyCommunity } from '../support/party';
import { fuzzFunctions } from './fuzz-suite';
import { partyFunction } from '../../../server/party';

/** The party function under malformed events, as the admin of a community of its own (see fuzz-suite.ts). */
fuzzFunctions({ party: partyFunction }, async () => {
  const c = await partyCommunity();
  const db = sdk().database();
  const of = async (coll: string) => (await db.collection(coll).where({ communityId: c.id }).limit(1000).get()).data;
  return {
    caller: c.admin,
    snapshot: async () => Promise.all(['party_registrations', 'party_callouts', 'party_responses', 'party_events', 'party_reports', 'party_grid_tasks', 'points_entries'].map(of).concat([db.collection('party_posts').doc(c.id).get().then((r) => r.data)])),
  };
});
