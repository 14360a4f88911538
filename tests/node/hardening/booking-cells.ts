import { ok } from '../support/cloud';
import { MIN, age, shanghaiDay, slotOf } from '../support/booking';
import { userIdOf } from '../support/wish';
import { Cell, Home, Who, person } from './world';

/**
 * Booking rows of the authorization matrix (issue #5 and DESIGN.md): residents book, cancel their
 * own bookings, ask for errands and rate their own; volunteers and unit members sign up for
 * volunteer activities; staff run services, activities, assignment and the schedule; the front
 * desk (staff, and grid workers at their grid stations) checks people in and out and sees the
 * day's bookings; a grid worker takes the errands of their own grid.
 *
 *                          anon res vol unit grid staff admin other
 */
export const BOOKING_ROWS: Record<string, string> = {
  'booking.services':        'D A A A A A A A',
  'booking.slots':           'D A A A A A A D',
  'booking.book':            'D A A A A A A D',
  'booking.cancel':          'D D D D D A A D',
  'booking.mine':            'D A A A A A A A',
  'booking.detail':          'D D D D A A A D',
  'booking.checkIn':         'D D D D A A A D',
  'booking.checkOut':        'D D D D A A A D',
  'booking.schedule':        'D D D D A A A A',
  'booking.manageService':   'D D D D D A A D',
  'booking.placeCode':       'D D D D D A A D',
  'booking.requestErrand':   'D A A A A A A D',
  'booking.errands':         'D D D D A A A A',
  'booking.workers':         'D D D D D A A A',
  'booking.assignErrand':    'D D D D A A A D',
  'booking.updateErrand':    'D D D D D A A D',
  'booking.rateErrand':      'D D D D D D D D',
  'booking.contact':         'D D D D A D D D',
  'booking.activities':      'D A A A A A A A',
  'booking.publishActivity': 'D D D D D A A D',
  'booking.signUp':          'D D A A D D D D',
  'booking.roster':          'D D D D A A A D',
  'booking.calendar':        'D A A A A A A A',
  'booking.setCalendarDay':  'D D D D D A A A',
  'booking.clearCalendarDay':'D D D D D A A A',
};

/**
 * Who else may, or still may not: the owner of the booking, errand or sign-up (checking in by
 * the place's poster, out by the activity's code), the worker an errand was assigned to, and a
 * grid worker of another grid.
 */
export const BOOKING_RELATIONS: Record<string, Partial<Record<Who, 'A' | 'D'>>> = {
  'booking.cancel': { owner: 'A' },
  'booking.detail': { owner: 'A' },
  'booking.checkIn': { owner: 'A' },
  'booking.checkOut': { owner: 'A' },
  'booking.assignErrand': { other_grid_worker: 'D' },
  'booking.updateErrand': { assignee: 'A' },
  'booking.rateErrand': { owner: 'A' },
  'booking.contact': { owner: 'D', other_grid_worker: 'D' },
};

let slotMinute = 0;

/** A bookable slot of the home's appointment service no cell has used (capacity 50, every day). */
function freshSlot(home: Home): string {
  const n = slotMinute++;
  return slotOf(home.appointment, shanghaiDay(2 + Math.floor(n / 40)), `${String(4 + Math.floor((n % 40) / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`);
}

/** A booking by a new resident of the home, moved to start now when it is to be checked in. */
async function bookingOf(home: Home, now = false) {
  const owner = await person('resident', home);
  const { booking } = await ok('booking', { action: 'book', slotId: freshSlot(home) }, owner);
  if (now) await age('booking_bookings', booking.id, { start: Date.now() - MIN, end: Date.now() + 30 * MIN });
  return { owner, booking };
}

async function activityOf(home: Home, audience: 'volunteers' | 'everyone' = 'volunteers') {
  const activity = { title: '矩阵楼道清理', category: '环境整治', description: '清理楼道杂物', placeId: home.placeId, date: shanghaiDay(3), from: '08:30', to: '11:00', capacity: 30, audience };
  return (await ok('booking', { action: 'publishActivity', op: 'create', activity }, home.keeper)).activity;
}

/** A volunteer of the home signed up for an activity and checked in by the desk, inside its hours. */
async function checkedIn(home: Home) {
  const activity = await activityOf(home);
  const owner = await person('volunteer', home);
  const { signup } = await ok('booking', { action: 'signUp', activityId: activity.id }, owner);
  await age('booking_signups', signup.id, { start: Date.now() - 10 * MIN, end: Date.now() + 50 * MIN });
  await ok('booking', { action: 'checkIn', code: signup.code }, home.keeper);
  return { owner, signup, activity };
}

async function errandOf(home: Home) {
  const owner = await person('resident', home);
  const { errand } = await ok('booking', { action: 'requestErrand', serviceId: home.proxy, description: '矩阵代办医保备案' }, owner);
  return { owner, errand };
}

export async function prepareBooking(action: string, who: Who, home: Home): Promise<Cell> {
  switch (action) {
    case 'services':
    case 'mine':
    case 'activities':
    case 'workers':
      return { event: { action } };
    case 'slots':
      return { event: { action, serviceId: home.appointment, from: shanghaiDay(1), to: shanghaiDay(2) } };
    case 'book':
      return { event: { action, slotId: freshSlot(home), note: '矩阵预约' } };
    case 'cancel': {
      const { owner, booking } = await bookingOf(home);
      return { event: { action, id: booking.id, reason: '矩阵取消' }, openid: who === 'owner' ? owner : undefined };
    }
    case 'detail': {
      const { owner, booking } = await bookingOf(home);
      return { event: { action, id: booking.id }, openid: who === 'owner' ? owner : undefined };
    }
    case 'checkIn': {
      const { owner, booking } = await bookingOf(home, true);
      if (who !== 'owner') return { event: { action, code: booking.code } };
      // The person themself checks in by scanning the place's poster, not their own code.
      const { qr } = await ok('booking', { action: 'placeCode', placeId: home.placeId }, home.keeper);
      return { event: { action, code: qr }, openid: owner };
    }
    case 'checkOut': {
      const { owner, signup, activity } = await checkedIn(home);
      return who === 'owner' ? { event: { action, code: activity.checkInQr }, openid: owner } : { event: { action, code: signup.code } };
    }
    case 'schedule':
      return { event: { action, date: shanghaiDay(2) } };
    case 'manageService':
      return { event: { action, op: 'update', id: home.appointment, changes: { description: `矩阵说明${slotMinute++}` }, reason: '矩阵更新' } };
    case 'placeCode':
      return { event: { action, placeId: home.placeId } };
    case 'requestErrand':
      return { event: { action, serviceId: home.proxy, description: '矩阵代办社保认证', papers: ['身份证复印件'] } };
    case 'errands':
      return { event: { action, scope: 'queue' } };
    case 'assignErrand': {
      const { errand } = await errandOf(home);
      return { event: { action, id: errand.id }, openid: who === 'other_grid_worker' ? home.otherGridWorker : undefined };
    }
    case 'updateErrand': {
      // Assigned by staff to the grid worker of the second grid: the first grid's worker is not its assignee.
      const { errand } = await errandOf(home);
      await ok('booking', { action: 'assignErrand', id: errand.id, assigneeId: await userIdOf(home.otherGridWorker) }, home.keeper);
      return { event: { action, id: errand.id, op: 'done', note: '矩阵办结' }, openid: who === 'assignee' ? home.otherGridWorker : undefined };
    }
    case 'rateErrand': {
      const { owner, errand } = await errandOf(home);
      await ok('booking', { action: 'assignErrand', id: errand.id }, home.keeper);
      await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '矩阵办结' }, home.keeper);
      return { event: { action, id: errand.id, stars: 5, comment: '满意' }, openid: who === 'owner' ? owner : undefined };
    }
    case 'contact': {
      // Assigned to the first grid's worker: theirs to call while it is in hand, no one else's.
      const { owner, errand } = await errandOf(home);
      await ok('booking', { action: 'assignErrand', id: errand.id, assigneeId: await userIdOf(home.openid.grid_worker) }, home.keeper);
      return { event: { action, id: errand.id }, openid: who === 'owner' ? owner : who === 'other_grid_worker' ? home.otherGridWorker : undefined, reaches: who === 'grid_worker' ? owner : undefined };
    }
    case 'publishActivity': {
      const activity = { title: '矩阵理论宣讲', category: '理论宣讲', description: '宣讲', placeId: home.placeId, date: shanghaiDay(4), from: '14:00', to: '15:00', capacity: 10 };
      return { event: { action, op: 'create', activity } };
    }
    case 'signUp':
      return { event: { action, activityId: (await activityOf(home)).id } };
    case 'roster':
      return { event: { action, activityId: (await activityOf(home)).id } };
    case 'calendar':
      return { event: { action, from: shanghaiDay(0), to: shanghaiDay(30) } };
    // Far ahead, where no other cell books or reasons about working days.
    case 'setCalendarDay':
      return { event: { action, date: shanghaiDay(400 + (slotMinute++ % 200)), workday: true, name: '矩阵' } };
    case 'clearCalendarDay':
      return { event: { action, date: shanghaiDay(400 + (slotMinute++ % 200)) } };
  }
  throw new Error(`no booking cell for ${action}`);
}
