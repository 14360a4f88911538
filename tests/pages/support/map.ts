/** Places on the map of a test community, at known distances, through the map function. */
import { okFn } from './backend';
import type { TestCommunity } from './community';
import { findDocs, getDoc } from './db';
import type { PageHandle } from '../../setup/load';
import { recorded } from '../../setup/wx';
import type { OpeningHours, PlaceCategory } from '../../../typings/map';

/** The centre of every test community (support/community.ts). */
export const CENTER = { lat: 32.85, lng: 120.32 };

/** Degrees per metre near 32.85°N, for placing test places at known distances. */
const LAT_PER_M = 1 / 110_900;
const LNG_PER_M = 1 / 93_500;

/** A point `north` and `east` metres from `from`. */
export function offset(from: { lat: number; lng: number }, north: number, east: number) {
  return { lat: Number((from.lat + north * LAT_PER_M).toFixed(6)), lng: Number((from.lng + east * LNG_PER_M).toFixed(6)) };
}

const ALL_DAY = [{ from: '00:00', to: '24:00' }];
export const ROUND_THE_CLOCK: OpeningHours = {
  week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, ALL_DAY])),
  calendar: 'every_day',
};

export const OFFICE_HOURS: OpeningHours = {
  week: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }]])),
  calendar: 'working_days',
};

export interface NewPlace {
  name: string;
  category?: PlaceCategory;
  at?: { lat: number; lng: number };
  hours?: OpeningHours;
  phone?: string;
  services?: string[];
  intro?: string;
}

/** Adds a place as the community's staff; returns its id. */
export async function addPlace(c: TestCommunity, p: NewPlace): Promise<string> {
  const { place } = await okFn(c.staff, 'map', {
    action: 'managePlace',
    op: 'create',
    place: {
      name: p.name,
      category: p.category ?? '便民服务',
      address: `测试路${Math.floor(Math.random() * 900) + 100}号`,
      location: p.at ?? CENTER,
      hours: p.hours ?? ROUND_THE_CLOCK,
      services: p.services ?? ['歇脚饮水'],
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.intro ? { intro: p.intro } : {}),
    },
  });
  return place.id;
}

export interface PlaceRow {
  _id: string;
  name: string;
  category: string;
  address: string;
  status: string;
  closedReason?: string;
  phone?: string;
  services: string[];
  hours: OpeningHours;
  location: { coordinates?: [number, number]; longitude?: number; latitude?: number };
  updatedBy: string;
}

export const placeRow = (id: string) => getDoc<PlaceRow>('places', id);

/** The stored point as { lat, lng }. */
export function latLngOf(row: PlaceRow): { lat: number; lng: number } {
  const l = row.location;
  return l.coordinates ? { lng: l.coordinates[0], lat: l.coordinates[1] } : { lng: l.longitude!, lat: l.latitude! };
}

export interface PlaceEventRow {
  placeId: string;
  op: string;
  at: number;
  from: string | null;
  to: string;
  byUserId: string;
  byLabel: string;
  why?: string;
  changed: string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export async function eventsOf(placeId: string): Promise<PlaceEventRow[]> {
  return (await findDocs<PlaceEventRow>('place_events', { placeId })).sort((a, b) => a.at - b.at);
}

/** Requests the page sent for one action of the map function. */
export function sentMap(action: string): Record<string, any>[] {
  return recorded.requests
    .filter((r) => r.url.endsWith('/fn/map'))
    .map((r) => r.data as Record<string, any>)
    .filter((d) => d?.action === action);
}

/** Names of the places listed on a page, in order. */
export const listedNames = (page: PageHandle): string[] => page.comp.data.places.map((p: { name: string }) => p.name);

/** The selector of a category chip on the map page, found by its label. */
export function chipOf(page: PageHandle, label: string): string {
  const i = page.comp.data.chips.findIndex((c: { label: string }) => c.label === label);
  if (i < 0) throw new Error(`no chip ${label}; the chips are ${JSON.stringify(page.comp.data.chips)}`);
  return `#chip-${i}`;
}
