import { mapFunction } from '../../server/map';

export const main = mapFunction;
