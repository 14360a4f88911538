import { sdk } from '../support/cloud';
import { newCommunity } from '../support/map';
import { fuzzFunctions } from './fuzz-suite';
import { councilFunction } from '../../../server/council';

/** The 问卷 actions of the council function under malformed events, as the admin of a community of its own (see fuzz-suite.ts). */
fuzzFunctions({ council: councilFunction }, async () => {
  const c = await newCommunity();
  const db = sdk().database();
  const of = async (coll: string) => (await db.collection(coll).where({ communityId: c.id }).limit(1000).get()).data;
  return { caller: c.admin, snapshot: async () => Promise.all(['surveys', 'survey_answers', 'survey_events', 'needs', 'list_events'].map(of)) };
});
