import { wishFunction, wishTimers } from '../../server/wish';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(wishFunction, wishTimers);
