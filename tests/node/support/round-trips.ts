import { countTrips, type Trips } from '../../../scripts/trips/count';
import { cloudSecret, cloudUrl } from './cloud';

/** How many database round trips one call of a handler costs, against the suite's local cloud. */
export async function roundTrips<T>(fn: () => Promise<T>, openid: string): Promise<Trips<T>> {
  return countTrips({ url: cloudUrl(), secret: cloudSecret() }, openid, fn);
}
