import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as services from './actions-services';
import * as bookings from './actions-bookings';
import * as checkin from './actions-checkin';
import * as errands from './actions-errands';
import * as activities from './actions-activities';
import * as queries from './queries';
import * as calendar from './actions-calendar';
import { markNoShows, remindTomorrow } from './timers';
import type { BookingCtx } from './context';
import type { BookingApi } from '../../typings/booking';

/** Booking: appointment slots, 代办 and 上门帮办 errands, volunteer activities (typings/booking.ts). */
export const bookingFunction = defineFunction<BookingApi, BookingCtx>(
  'booking',
  {
    services: services.services,
    slots: services.slots,
    manageService: services.manageService,
    placeCode: services.placeCode,
    book: bookings.book,
    cancel: bookings.cancel,
    schedule: bookings.schedule,
    mine: queries.mine,
    detail: queries.detail,
    checkIn: checkin.checkIn,
    checkOut: checkin.checkOut,
    requestErrand: errands.requestErrand,
    errands: errands.errands,
    workers: errands.workers,
    assignErrand: errands.assignErrand,
    updateErrand: errands.updateErrand,
    rateErrand: errands.rateErrand,
    contact: errands.contact,
    activities: activities.activities,
    publishActivity: activities.publishActivity,
    signUp: activities.signUp,
    roster: activities.roster,
    calendar: calendar.calendar,
    setCalendarDay: calendar.setCalendarDay,
    clearCalendarDay: calendar.clearCalendarDay,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);

/** Timer triggers, declared in cloudfunctions/booking/config.json. */
export const bookingTimers: Record<string, () => Promise<unknown>> = {
  markNoShows: () => markNoShows(Date.now()),
  remindTomorrow: () => remindTomorrow(Date.now()),
};
