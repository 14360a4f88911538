import { pointsFunction, pointsTimers } from '../../server/points';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(pointsFunction, pointsTimers);
