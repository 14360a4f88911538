import { snapshotLists } from '../support/lists';
import { userIdOf } from '../support/wish';
import { fuzzFunctions } from './fuzz-suite';
import { makeHome } from './world';
import { listsFunction } from '../../../server/lists';

/** The lists under malformed events, as the admin of the matrix's home community (see fuzz-suite.ts). */
fuzzFunctions({ lists: listsFunction }, async () => {
  const home = await makeHome();
  const caller = home.openid.admin;
  const userId = await userIdOf(caller);
  return { caller, snapshot: () => snapshotLists(home.id, [userId]) };
});
