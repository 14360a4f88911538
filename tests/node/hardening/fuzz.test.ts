import { snapshot } from '../support/cloud';
import { fuzzFunctions } from './fuzz-suite';
import { userFunction } from '../../../server/user';
import { wishFunction } from '../../../server/wish';
import { mapFunction } from '../../../server/map';
import { pointsFunction } from '../../../server/points';

const WATCHED = ['users', 'user_openids', 'invites', 'requests', 'posters', 'wishes', 'wish_events', 'wish_seasons', 'places', 'place_events', 'points_entries', 'points_accounts', 'points_goods', 'points_orders', 'points_audit'];

fuzzFunctions({ user: userFunction, wish: wishFunction, map: mapFunction, points: pointsFunction }, async () => ({ caller: 'demo-admin', snapshot: () => snapshot(WATCHED) }), /^id$|Id$/);
