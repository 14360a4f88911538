import type { OpeningHours, PlaceCategory } from '../../typings/map';
import type { StoredPoint } from './geo';

export const PLACES = 'places';
/** Every change to a place: who, when, from, to, why, and the fields before and after. */
export const PLACE_EVENTS = 'place_events';
/** Owned by booking (not built yet): services bookable at a place, `{ placeId, communityId, … }`. */
export const BOOKING_SERVICES = 'booking_services';

/** A place must lie this close to its community's centre (catches swapped or WGS-84/BD-09 coordinates far off). */
export const MAX_PLACE_RADIUS_M = 5000;
/** A community has a few hundred places at most; they are ranked in memory. */
export const MAX_PLACES = 1000;

export type PlaceStatus = 'active' | 'closed';

export interface PlaceDoc {
  _id: string;
  communityId: string;
  name: string;
  category: PlaceCategory;
  address: string;
  /** GeoJSON Point, [lng, lat] in GCJ-02 (read back as the SDK's Point). */
  location: StoredPoint;
  hours: OpeningHours;
  services: string[];
  /** A public number only (座机, 服务热线); never a person's mobile. */
  phone?: string;
  intro?: string;
  photos: string[];
  gridId?: string;
  status: PlaceStatus;
  closedReason?: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

export type PlaceOp = 'create' | 'update' | 'close' | 'reopen';

export interface PlaceEventDoc {
  _id: string;
  placeId: string;
  communityId: string;
  op: PlaceOp;
  at: number;
  from: PlaceStatus | null;
  to: PlaceStatus;
  byUserId: string;
  byLabel: string;
  why?: string;
  /** The fields that changed, with their values before and after. */
  changed: string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
