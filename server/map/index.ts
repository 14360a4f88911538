import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import { community } from './community';
import { place, places } from './queries';
import { managePlace } from './manage';

/** The community map: intro, places with distance and opening state, and their upkeep by staff. */
export const mapFunction = defineFunction('map', { community, places, place, managePlace }, async () => ({ openid: callerOpenid(), now: Date.now() }));
