import { councilFunction } from '../../server/council';

export const main = councilFunction;
