import type {
  ActivityCategory,
  ActivityStatus,
  AppointmentSettings,
  BookingStatus,
  ErrandKind,
  ErrandStatus,
  ServiceKind,
  ServiceStatus,
  SignupStatus,
  TimeWindow,
} from '../../typings/booking';
import { BOOKING_SERVICES } from '../map/model';
import type { Seats } from './seats';
import type { Hold } from '../core/screen';
import type { ChangeEvent } from '../platform/events';

/** The map reads this collection by `{ communityId, placeId }` to show what is bookable at a place. */
export const SERVICES = BOOKING_SERVICES;
/** One document per appointment slot that anyone ever booked: its seats (booked and waiting). */
export const SLOTS = 'booking_slots';
export const BOOKINGS = 'booking_bookings';
/** Code (8 digits) → booking or sign-up; the document id is the code, so two never share one. */
export const CODES = 'booking_codes';
/** Place id → the key of its check-in poster. */
export const PLACE_KEYS = 'booking_place_keys';
export const ERRANDS = 'booking_errands';
/** An activity holds its own seats, so sign-ups contend on one document, as slot bookings do. */
export const ACTIVITIES = 'booking_activities';
export const SIGNUPS = 'booking_signups';
/** Per person: service time and activities attended, moved in the check-out transaction. */
export const VOLUNTEERS = 'booking_volunteers';
/** Every change of every booking, errand, sign-up, service and activity: who, when, from, to, why. */
export const EVENTS = 'booking_events';

export const DEFAULTS = { horizonDays: 7, cancelCutoffMinutes: 120, waitlistMax: 10 } as const;
/** Check-in opens this long before a slot or an activity starts. */
export const CHECK_IN_EARLY_MIN = 30;
/** A volunteer may check themself out by the activity QR until this long after its end. */
export const SELF_CHECK_OUT_GRACE_MIN = 120;

export interface ServiceDoc {
  _id: string;
  communityId: string;
  placeId: string;
  kind: ServiceKind;
  name: string;
  description?: string;
  status: ServiceStatus;
  pausedReason?: string;
  appointment?: AppointmentSettings;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

export interface SlotDoc extends Seats {
  _id: string;
  communityId: string;
  serviceId: string;
  date: string;
  start: number;
  end: number;
  updatedAt: number;
}

/** What a booking and an errand both record of the service they were made for. */
interface ServiceRef {
  _id: string;
  communityId: string;
  serviceId: string;
  serviceName: string;
  placeId: string;
  placeName: string;
}

/** A person's place at a time, as a booking or an activity sign-up holds it. */
interface HeldPlace {
  date: string;
  start: number;
  end: number;
  cancelCutoffMinutes: number;
  userId: string;
  userName: string;
}

export interface BookingDoc extends ServiceRef, HeldPlace {
  placeAddress: string;
  slotId: string;
  status: BookingStatus;
  code: string;
  note?: string;
  checkedInAt?: number;
  remindedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface CodeDoc {
  _id: string;
  kind: 'booking' | 'signup';
  id: string;
  communityId: string;
  createdAt: number;
}

export interface PlaceKeyDoc {
  _id: string;
  communityId: string;
  key: string;
  createdBy: string;
  createdAt: number;
}

export interface ErrandDoc extends ServiceRef {
  kind: ErrandKind;
  requesterId: string;
  requesterName: string;
  gridId?: string;
  description: string;
  papers: string[];
  address?: string;
  window?: TimeWindow;
  /** 工作日白天 / 周末 / 晚上 / 随时, or a date. */
  preferredTime?: string;
  contactPhone?: string;
  status: ErrandStatus;
  assigneeId?: string;
  assigneeName?: string;
  /** 'agent': a 红色代办员 (a confirmed party member holding the post), who earns hours and points for it. */
  assigneeRole?: 'staff' | 'grid_worker' | 'agent';
  result?: string;
  /** Set when a 红色代办员 finished it: the service time credited and the points it earned. */
  minutes?: number;
  pointsAwarded?: number;
  rating?: { stars: number; comment?: string; at: number };
  /** The errand's text could not be checked: it waits for staff, who end the hold by taking it in hand. */
  hold?: Hold;
  createdAt: number;
  updatedAt: number;
}

export interface ActivityDoc extends Seats {
  _id: string;
  communityId: string;
  placeId: string;
  placeName: string;
  address: string;
  title: string;
  category: ActivityCategory;
  description: string;
  date: string;
  start: number;
  end: number;
  capacity: number;
  waitlistMax: number;
  cancelCutoffMinutes: number;
  audience: 'volunteers' | 'everyone';
  status: ActivityStatus;
  cancelledReason?: string;
  /** The key in the activity's check-in QR. */
  key: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface SignupDoc extends HeldPlace {
  _id: string;
  communityId: string;
  activityId: string;
  title: string;
  category: ActivityCategory;
  placeName: string;
  status: SignupStatus;
  code: string;
  checkInAt?: number;
  checkOutAt?: number;
  minutes?: number;
  pointsAwarded?: number;
  remindedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface VolunteerDoc {
  _id: string;
  communityId: string;
  minutes: number;
  activities: number;
  updatedAt: number;
}

/** 'place': a place's check-in poster key was issued or replaced; 'calendar': a day of the working-day calendar was corrected. */
export type EventTarget = 'booking' | 'errand' | 'signup' | 'service' | 'activity' | 'place' | 'calendar';

export type EventDoc = ChangeEvent<EventTarget>;
