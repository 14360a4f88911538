import type { LatLng, PlaceCard, PlaceCategory } from '../../typings/map';
import { BRAND_RED } from './brand';

// Runtime copies of the contract (DevTools cannot load modules outside miniprogramRoot).
export const PLACE_CATEGORIES: PlaceCategory[] = [
  '党群服务中心',
  '社区食堂/助餐点',
  '爱心驿站',
  '卫生服务站',
  '法律援助室',
  '志愿服务站',
  '城市书房',
  '充电桩',
  '养老服务',
  '便民服务',
];
export const WALK_METRES_PER_MINUTE = 80;
/** The 5- and 10-minute 服务圈 a person can choose. */
export const WALK_CIRCLES = [5, 10] as const;
export type Within = 0 | 5 | 10;

export interface CategoryStyle {
  /** File name of the marker icon. */
  key: string;
  color: string;
  icon: string;
}

/** A colour and a marker icon per category (the icons are drawn by scripts/map-icons.ts). */
export const CATEGORY_STYLES: Record<PlaceCategory, CategoryStyle> = {
  党群服务中心: { key: 'party', color: BRAND_RED, icon: '/images/map/party.png' },
  '社区食堂/助餐点': { key: 'canteen', color: '#C25400', icon: '/images/map/canteen.png' },
  爱心驿站: { key: 'station', color: '#B0155F', icon: '/images/map/station.png' },
  卫生服务站: { key: 'clinic', color: '#1E7B3A', icon: '/images/map/clinic.png' },
  法律援助室: { key: 'legal', color: '#1F3F8F', icon: '/images/map/legal.png' },
  志愿服务站: { key: 'volunteer', color: '#6A1B9A', icon: '/images/map/volunteer.png' },
  城市书房: { key: 'study', color: '#00695C', icon: '/images/map/study.png' },
  充电桩: { key: 'charging', color: '#1F5FBF', icon: '/images/map/charging.png' },
  养老服务: { key: 'elderly', color: '#7A4A1E', icon: '/images/map/elderly.png' },
  便民服务: { key: 'convenience', color: '#455A64', icon: '/images/map/convenience.png' },
};

const styleOf = (c: PlaceCategory): CategoryStyle => CATEGORY_STYLES[c] ?? CATEGORY_STYLES['便民服务'];

/** 350米, 1.2公里. */
export function formatDistance(metres: number | undefined): string {
  if (metres === undefined) return '';
  if (metres < 1000) return `${Math.round(metres)}米`;
  const km = (metres / 1000).toFixed(1).replace(/\.0$/, '');
  return `${km}公里`;
}

export interface OpenView {
  /** 营业中 / 已打烊 */
  tag: string;
  tone: 'open' | 'closed';
  /** When that changes, as the server worded it: '17:30关闭', '午间休息 · 14:00开放', '明天 08:30开放'. */
  text: string;
}

/** The open-now state of a place in big words: the tag, then the time from the server's label. */
export function openView(s: Pick<PlaceCard, 'openNow' | 'open24h' | 'label'>): OpenView {
  if (s.openNow) {
    const parts = s.label.split(' · ');
    return { tag: '营业中', tone: 'open', text: s.open24h ? '24小时开放' : (parts[1] ?? s.label) };
  }
  return { tag: '已打烊', tone: 'closed', text: s.label.replace(/^已关闭 · /, '') };
}

export interface PlaceView {
  id: string;
  name: string;
  category: PlaceCategory;
  color: string;
  address: string;
  lat: number;
  lng: number;
  /** '350米' or '' without a location. */
  distance: string;
  /** '步行约5分钟' or ''. */
  walk: string;
  /** Inside the 5-minute 服务圈. */
  near: boolean;
  open: OpenView;
  /** Today's hours: '08:30-12:00 14:00-17:30'. */
  today: string;
  bookable: boolean;
  /** Staff lists only. */
  closed: boolean;
}

export function toPlaceView(p: PlaceCard): PlaceView {
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    color: styleOf(p.category).color,
    address: p.address,
    lat: p.location.lat,
    lng: p.location.lng,
    distance: formatDistance(p.distance),
    walk: p.walkMinutes !== undefined ? `步行约${p.walkMinutes}分钟` : '',
    near: !!p.withinWalk?.five,
    open: openView(p),
    today: p.today,
    bookable: p.bookable,
    closed: p.status === 'closed',
  };
}

/** Appends a page of places, leaving out any already shown. */
export function appendPlaces(shown: PlaceView[], more: PlaceView[]): PlaceView[] {
  const seen = new Set(shown.map((p) => p.id));
  return shown.concat(more.filter((p) => !seen.has(p.id)));
}

/** What `<map markers>` takes: the id is the place's index in the list (markers need numbers). */
export interface MarkerView {
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  iconPath: string;
  width: number;
  height: number;
  callout: {
    content: string;
    color: string;
    fontSize: number;
    bgColor: string;
    padding: number;
    borderRadius: number;
    display: 'BYCLICK' | 'ALWAYS';
  };
}

export function toMarkers(places: PlaceView[]): MarkerView[] {
  return places.map((p, i) => ({
    id: i,
    latitude: p.lat,
    longitude: p.lng,
    title: p.name,
    iconPath: styleOf(p.category).icon,
    width: 36,
    height: 45,
    callout: { content: p.name, color: '#1A1A1A', fontSize: 16, bgColor: '#FFFFFF', padding: 8, borderRadius: 8, display: 'BYCLICK' },
  }));
}

/** The 服务圈 drawn around the person: 5 minutes' walk is 400 m, 10 minutes' 800 m. */
export function walkCircles(at: LatLng | null, within: Within) {
  if (!at || !within) return [];
  return [
    {
      latitude: at.lat,
      longitude: at.lng,
      radius: within * WALK_METRES_PER_MINUTE,
      color: `${BRAND_RED}AA`,
      fillColor: `${BRAND_RED}1A`,
      strokeWidth: 2,
    },
  ];
}

/** Where the map looks: the person, else the middle of the places shown. */
export function centerOf(at: LatLng | null, places: PlaceView[], fallback: LatLng): LatLng {
  if (at) return at;
  if (!places.length) return fallback;
  const lat = places.reduce((s, p) => s + p.lat, 0) / places.length;
  const lng = places.reduce((s, p) => s + p.lng, 0) / places.length;
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

export interface ChipView {
  /** '' for 全部. */
  value: string;
  label: string;
  count: number;
  color: string;
}

/** The filter chips: 全部 first, then each category that has places, with counts. */
export function categoryChips(counts: Array<{ category: PlaceCategory; count: number }>): ChipView[] {
  const total = counts.reduce((s, c) => s + c.count, 0);
  return [
    { value: '', label: '全部', count: total, color: '' },
    ...counts.map((c) => ({ value: c.category, label: c.category, count: c.count, color: styleOf(c.category).color })),
  ];
}
