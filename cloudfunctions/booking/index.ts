import { bookingFunction, bookingTimers } from '../../server/booking';
import { withTimers } from '../../server/core/timer';

export const main = withTimers(bookingFunction, bookingTimers);
