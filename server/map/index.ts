import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import { community } from './community';
import { place, places } from './queries';
import { managePlace } from './manage';
import type { MapCtx } from './context';
import type { MapApi } from '../../typings/map';

/** The community map: intro, places with distance and opening state, and their upkeep by staff. */
export const mapFunction = defineFunction<MapApi, MapCtx>('map', { community, places, place, managePlace }, async () => ({ openid: callerOpenid(), now: Date.now() }));
