import type { MapApi } from '../../typings/map';
import { call } from './transport';

type Req<A extends keyof MapApi> = MapApi[A]['req'];

const read = <A extends keyof MapApi & string>(action: A) => (req: Req<A>) => call<MapApi, A>('map', action, req);

export const community = () => call<MapApi, 'community'>('map', 'community', {});
export const places = read('places');
export const place = read('place');
export const managePlace = (req: Req<'managePlace'>) => call<MapApi, 'managePlace'>('map', 'managePlace', req, { mutating: true });
