import type { Result } from '../../../../typings/api';
import type { Booking, Errand, Signup } from '../../../../typings/booking';
import * as booking from '../../../services/booking';
import type { RetryKey } from '../../../services/retry';

/** What a change on the detail page brings back: the record as it now is. */
export type Changed = { booking?: Booking; errand?: Errand; signup?: Signup; pointsAwarded?: number };

/** The changes a person makes from the detail page, each with the page's RetryKey for it. */
export const changes = {
  cancel: (key: RetryKey, id: string): Promise<Result<Changed>> => booking.cancel({ id, requestId: key.for({ op: 'cancel', id }) }),
  cancelErrand: (key: RetryKey, id: string): Promise<Result<Changed>> =>
    booking.updateErrand({ id, op: 'cancel', requestId: key.for({ op: 'cancelErrand', id }) }),
  rate: (key: RetryKey, id: string, stars: number, comment: string): Promise<Result<Changed>> => {
    const req = { id, stars, ...(comment ? { comment } : {}) };
    return booking.rateErrand({ ...req, requestId: key.for({ op: 'rate', ...req }) });
  },
  checkIn: (key: RetryKey, code: string): Promise<Result<Changed>> => booking.checkIn({ code, requestId: key.for({ op: 'checkIn', code }) }),
  checkOut: (key: RetryKey, code: string): Promise<Result<Changed>> => booking.checkOut({ code, requestId: key.for({ op: 'checkOut', code }) }),
};
