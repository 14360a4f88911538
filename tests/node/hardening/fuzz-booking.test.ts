import { snapshotBooking } from '../support/booking';
import type { TestCommunity } from '../support/map';
import { fuzzFunctions } from './fuzz-suite';
import { makeHome } from './world';
import { bookingFunction } from '../../../server/booking';

/** Booking under malformed events, as the admin of the matrix's home community (see fuzz-suite.ts). */
fuzzFunctions({ booking: bookingFunction }, async () => {
  const home = await makeHome();
  const caller = home.openid.admin;
  return { caller, snapshot: () => snapshotBooking({ id: home.id } as TestCommunity, [caller]) };
});
