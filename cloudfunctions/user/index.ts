import { userFunction } from '../../server/user';

export const main = userFunction;
