import type { PlaceDetail } from '../../../../typings/map';
import { inShanghai } from '../../../utils/date';
import { CATEGORY_STYLES, type OpenView, formatDistance, openView } from '../../../utils/map-view';

export interface DayView {
  day: string;
  hours: string;
  today: boolean;
}

export interface DetailView {
  id: string;
  name: string;
  category: string;
  color: string;
  address: string;
  lat: number;
  lng: number;
  open: OpenView;
  today: string;
  distance: string;
  week: DayView[];
  holidayNote: string;
  note: string;
  /** '3月5日、3月6日' */
  closures: string;
  services: string[];
  intro: string;
  photos: string[];
  phone: string;
  grid: string;
  bookable: boolean;
  /** Staff see closed places too, with why. */
  closed: boolean;
  closedReason: string;
}

const DAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** '2027-02-06' → '2月6日' */
function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function toDetailView(p: PlaceDetail, image: (id: string) => string, now = Date.now()): DetailView {
  const todayName = DAY_NAMES[inShanghai(now).day()];
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    color: CATEGORY_STYLES[p.category]?.color ?? '#455A64',
    address: p.address,
    lat: p.location.lat,
    lng: p.location.lng,
    open: openView(p),
    today: p.today,
    distance: p.distance !== undefined ? `距您${formatDistance(p.distance)} · 步行约${p.walkMinutes}分钟` : '',
    week: p.week.map((w) => ({ day: w.day, hours: w.hours, today: w.day === todayName })),
    holidayNote: p.holidayNote,
    note: p.note ?? '',
    closures: p.closures.map(shortDate).join('、'),
    services: p.services,
    intro: p.intro ?? '',
    photos: p.photos.map(image),
    phone: p.phone ?? '',
    grid: p.gridName ?? '',
    bookable: p.bookableServiceIds.length > 0,
    closed: p.status === 'closed',
    closedReason: p.closedReason ?? '',
  };
}
