import { userFunction, userTimers } from '../../server/user';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(userFunction, userTimers);
