import { bulletinFunction } from '../../server/bulletin';

export const main = bulletinFunction;
