import { councilFunction, councilTimers } from '../../server/council';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(councilFunction, councilTimers);
