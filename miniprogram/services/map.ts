import type { MapApi } from '../../typings/map';
import { actionsOf, call } from './transport';

type Req<A extends keyof MapApi> = MapApi[A]['req'];

const { read } = actionsOf<MapApi>('map');

export const community = () => call<MapApi, 'community'>('map', 'community', {});
export const places = read('places');
export const place = read('place');
export const managePlace = (req: Req<'managePlace'>) => call<MapApi, 'managePlace'>('map', 'managePlace', req, { mutating: true });
