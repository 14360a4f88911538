import { listsFunction, listsTimers } from '../../server/lists';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(listsFunction, listsTimers);
