import { conflict, exhausted } from '../core/errors';

/**
 * The seats of a slot or an activity, kept on one document that every booking, cancel and
 * promotion reads and writes by id inside its transaction: so a slot is never over capacity and
 * a person never holds two seats of one slot, whatever runs at the same time. Pure.
 */
export interface Seat {
  userId: string;
  /** The booking or sign-up holding the seat. */
  id: string;
}

export interface Seats {
  booked: Seat[];
  /** In the order people joined. */
  waitlist: Seat[];
}

export function emptySeats(): Seats {
  return { booked: [], waitlist: [] };
}

/** The seat a person holds (booked or waiting), if any. */
export function heldBy(seats: Seats, userId: string): Seat | undefined {
  return seats.booked.find((s) => s.userId === userId) ?? seats.waitlist.find((s) => s.userId === userId);
}

export type Outcome = 'booked' | 'waitlisted';

/** Whether anyone may still join: a place, or a place in the waitlist. */
export function joinable(seats: Seats, capacity: number, waitlistMax: number): boolean {
  return seats.booked.length < capacity || seats.waitlist.length < waitlistMax;
}

export interface Words {
  booked: string;
  waiting: string;
  full: string;
  fullNoWaitlist: string;
}

export const SLOT_WORDS: Words = {
  booked: '您已预约该时段，请勿重复预约',
  waiting: '您已在该时段的候补名单中',
  full: '该时段已约满，候补名额也已满',
  fullNoWaitlist: '该时段已约满',
};

export const ACTIVITY_WORDS: Words = {
  booked: '您已报名该活动，请勿重复报名',
  waiting: '您已在该活动的候补名单中',
  full: '该活动名额已满，候补名额也已满',
  fullNoWaitlist: '该活动名额已满',
};

/** Takes a seat, or a place in the waitlist; refuses a second seat of one person and a full slot. */
export function take(seats: Seats, seat: Seat, capacity: number, waitlistMax: number, words: Words = SLOT_WORDS): { seats: Seats; outcome: Outcome; position?: number } {
  const held = heldBy(seats, seat.userId);
  if (held) throw conflict(seats.booked.includes(held) ? words.booked : words.waiting);
  if (seats.booked.length < capacity) return { seats: { ...seats, booked: [...seats.booked, seat] }, outcome: 'booked' };
  if (seats.waitlist.length < waitlistMax) {
    const waitlist = [...seats.waitlist, seat];
    return { seats: { ...seats, waitlist }, outcome: 'waitlisted', position: waitlist.length };
  }
  throw exhausted(waitlistMax > 0 ? words.full : words.fullNoWaitlist);
}

/**
 * Gives a seat back (booked or waiting) and moves the first waiting people up while there is
 * room. Returns the seats promoted, in order; nothing if the seat was not held.
 */
export function release(seats: Seats, id: string, capacity: number): { seats: Seats; promoted: Seat[]; released: boolean } {
  const booked = seats.booked.filter((s) => s.id !== id);
  const waitlist = seats.waitlist.filter((s) => s.id !== id);
  const released = booked.length !== seats.booked.length || waitlist.length !== seats.waitlist.length;
  const promoted: Seat[] = [];
  while (booked.length < capacity && waitlist.length) {
    const next = waitlist.shift()!;
    booked.push(next);
    promoted.push(next);
  }
  return { seats: { ...seats, booked, waitlist }, promoted, released };
}

/** A waiting seat's place in line, 1-based. */
export function positionOf(seats: Seats, id: string): number | undefined {
  const i = seats.waitlist.findIndex((s) => s.id === id);
  return i < 0 ? undefined : i + 1;
}
