import type { LatLng, OpeningHours, PlaceCategory, PlaceChanges, PlaceDetail, PlaceInput } from '../../../../typings/map';
import { PLACE_CATEGORIES } from '../../../utils/map-view';
import { type DayRow, buildHours, rowProblem } from './hours';

/** Limits the server enforces; checked here so staff get an answer without a round trip. */
export const NAME_MAX = 30;
export const ADDRESS_MAX = 60;
export const INTRO_MAX = 300;
export const NOTE_MAX = 60;
export const SERVICE_MAX = 20;
export const SERVICES_MAX = 20;
export const PHOTO_MAX = 6;
/** 座机 (0515-85212345), 服务热线 (12348, 400-…), or a mobile the place publishes: as the server accepts. */
const PHONE = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|1\d{4}|[48]00-?\d{3}-?\d{4})$/;

export interface PlaceForm {
  name: string;
  category: PlaceCategory | '';
  address: string;
  /** As typed: coordinates may be entered by hand. */
  lat: string;
  lng: string;
  phone: string;
  intro: string;
  /** One service a line. */
  services: string;
  calendar: OpeningHours['calendar'];
  note: string;
  photos: string[];
}

export function emptyForm(): PlaceForm {
  return { name: '', category: '', address: '', lat: '', lng: '', phone: '', intro: '', services: '', calendar: 'working_days', note: '', photos: [] };
}

export function formOf(p: PlaceDetail): PlaceForm {
  return {
    name: p.name,
    category: p.category,
    address: p.address,
    lat: String(p.location.lat),
    lng: String(p.location.lng),
    phone: p.phone ?? '',
    intro: p.intro ?? '',
    services: p.services.join('\n'),
    calendar: p.hours?.calendar ?? 'working_days',
    note: p.hours?.note ?? p.note ?? '',
    photos: p.photos,
  };
}

/** Services as staff type them: one a line, or separated by 、，, ; — trimmed, without repeats. */
export function parseServices(text: string): string[] {
  const items = text.split(/[\n、，,；;]+/).map((s) => s.trim()).filter(Boolean);
  return [...new Set(items)];
}

function coordinate(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Math.abs(n) <= max ? Number(n.toFixed(6)) : null;
}

export function locationOf(form: PlaceForm): LatLng | null {
  const lat = coordinate(form.lat, 90);
  const lng = coordinate(form.lng, 180);
  return lat === null || lng === null ? null : { lat, lng };
}

/** The first thing wrong with the form, in words, or null. */
export function formProblem(form: PlaceForm, rows: DayRow[]): string | null {
  const name = form.name.trim();
  if (!name) return '请填写地点名称';
  if (name.length > NAME_MAX) return `地点名称最多${NAME_MAX}个字`;
  if (!form.category || !PLACE_CATEGORIES.includes(form.category)) return '请选择地点类别';
  const address = form.address.trim();
  if (!address) return '请填写地址';
  if (address.length > ADDRESS_MAX) return `地址最多${ADDRESS_MAX}个字`;
  if (!locationOf(form)) return '请在地图上选点，或填写正确的纬度和经度';
  const phone = form.phone.trim();
  if (phone && !PHONE.test(phone)) return '电话号码格式不正确（座机如0515-85212345）';
  if (form.intro.trim().length > INTRO_MAX) return `简介最多${INTRO_MAX}个字`;
  if (form.note.trim().length > NOTE_MAX) return `开放时间说明最多${NOTE_MAX}个字`;
  const services = parseServices(form.services);
  if (services.length > SERVICES_MAX) return `服务项目最多${SERVICES_MAX}项`;
  const long = services.find((s) => s.length > SERVICE_MAX);
  if (long) return `服务项目“${long.slice(0, 8)}…”超过${SERVICE_MAX}个字`;
  for (const r of rows) {
    const problem = rowProblem(r);
    if (problem) return problem;
  }
  return null;
}

/** What create sends. Call after formProblem() says nothing is wrong. */
export function toInput(form: PlaceForm, rows: DayRow[], baseHours?: OpeningHours): PlaceInput {
  const phone = form.phone.trim();
  const intro = form.intro.trim();
  return {
    name: form.name.trim(),
    category: form.category as PlaceCategory,
    address: form.address.trim(),
    location: locationOf(form)!,
    hours: buildHours(rows, form.calendar, form.note, baseHours),
    services: parseServices(form.services),
    ...(phone ? { phone } : {}),
    ...(intro ? { intro } : {}),
    photos: form.photos,
  };
}

/** JSON with keys sorted and empty weekdays dropped: equal hours compare equal. */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      const entries = Object.entries(x as Record<string, unknown>)
        .filter(([, y]) => y !== undefined && !(Array.isArray(y) && y.length === 0))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, y]) => [k, norm(y)]));
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Only what changed, for update; a cleared phone or intro is sent as null. */
export function changesOf(before: PlaceDetail, after: PlaceInput): PlaceChanges {
  const out: PlaceChanges = {};
  if (after.name !== before.name) out.name = after.name;
  if (after.category !== before.category) out.category = after.category;
  if (after.address !== before.address) out.address = after.address;
  if (!same(after.location, before.location)) out.location = after.location;
  if (!before.hours || !same(after.hours, before.hours)) out.hours = after.hours;
  if (!same(after.services, before.services)) out.services = after.services;
  if ((after.phone ?? '') !== (before.phone ?? '')) out.phone = after.phone ?? null;
  if ((after.intro ?? '') !== (before.intro ?? '')) out.intro = after.intro ?? null;
  if (!same(after.photos ?? [], before.photos)) out.photos = after.photos ?? [];
  return out;
}
