import type { Idempotent, Page } from './api';

/** What a place on the community map is (智慧社区地图 · 服务资源). */
export const PLACE_CATEGORIES = [
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
] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

/** A point in GCJ-02 (what `wx.getLocation({ type: 'gcj02' })` returns and `<map>` expects). */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Walking pace used for the 5/10 分钟服务圈: 80 m a minute, straight-line distance. */
export const WALK_METRES_PER_MINUTE = 80;

/** One opening period of a day, Shanghai wall-clock 'HH:mm'; `to` may be '24:00'. */
export interface Period {
  from: string;
  to: string;
}

/** ISO weekday: '1' Monday … '7' Sunday. */
export type WeekdayKey = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export interface OpeningHours {
  /** Periods per weekday, in order, not overlapping (a lunch break is the gap); missing or empty: closed. */
  week: Partial<Record<WeekdayKey, Period[]>>;
  /**
   * 'working_days': follows the official calendar — closed on public holidays (unless `holiday`),
   * and open on a 调休 weekend working day with `makeup` hours (default: Monday's).
   * 'every_day': the weekly hours hold whatever the calendar says (canteens, 24h stations);
   * `holiday`, if given, replaces them on public holidays.
   */
  calendar: 'working_days' | 'every_day';
  holiday?: Period[];
  makeup?: Period[];
  /** Single days closed whatever the calendar ('YYYY-MM-DD', Shanghai): repairs, 春节 closure … */
  closedDates?: string[];
  /** Shown as is: '夏令时延长至18:00' */
  note?: string;
}

/** Whether a place is open at an instant, reasoned in Asia/Shanghai. */
export interface OpenState {
  openNow: boolean;
  /** Open now: when it next closes (epoch ms); absent when open round the clock. */
  closesAt?: number;
  /** Closed now: when it next opens (epoch ms); absent if not within two weeks. */
  opensAt?: number;
  /** Open 24 hours every day of the coming fortnight. */
  open24h: boolean;
  /** Ready to show, in Shanghai time: '开放中 · 17:30关闭', '午间休息 · 14:00开放', '国庆节休息 · 10月8日 08:30开放', '24小时开放'. */
  label: string;
  /** Today's hours: '08:30-12:00 14:00-17:30', '休息', '24小时'. */
  today: string;
}

export interface PlaceCard extends OpenState {
  id: string;
  name: string;
  category: PlaceCategory;
  address: string;
  location: LatLng;
  /** Only when the request gave a location: straight-line metres, rounded. */
  distance?: number;
  /** Only with a location: minutes on foot at 80 m/min, rounded up. */
  walkMinutes?: number;
  /** Only with a location: inside the 5- and 10-minute 服务圈. */
  withinWalk?: { five: boolean; ten: boolean };
  /** Has at least one bookable service (预约). */
  bookable: boolean;
  /** 'closed' only appears in staff lists (includeClosed). */
  status: 'active' | 'closed';
}

export interface WeekRow {
  /** 周一 … 周日 */
  day: string;
  /** '08:30-12:00 14:00-17:30' or '休息' */
  hours: string;
}

export interface PlaceDetail extends PlaceCard {
  intro?: string;
  photos: string[];
  /** The services offered: 歇脚饮水、手机充电、法律咨询 … */
  services: string[];
  /** A public number (座机, 服务热线) for 拨打; absent when the place has none. */
  phone?: string;
  gridName?: string;
  week: WeekRow[];
  /** How holidays are handled, in words: '法定节假日休息，调休上班日正常开放'. */
  holidayNote: string;
  /** Upcoming single-day closures within 30 days ('YYYY-MM-DD'). */
  closures: string[];
  note?: string;
  /** Ids of bookable services at this place (empty until booking exists). */
  bookableServiceIds: string[];
  /** Staff only: the raw hours, to edit them. */
  hours?: OpeningHours;
  closedReason?: string;
  updatedAt: number;
}

export interface GridCard {
  id: string;
  name: string;
  buildings: string[];
  /** The grid worker (网格员), masked: 周**; never a phone number. */
  worker?: {
    name: string;
    /** A call can be relayed through the platform (the number itself is never shown). */
    callRelay: boolean;
  };
}

export interface CommunityIntro {
  id: string;
  name: string;
  city: string;
  district: string;
  street: string;
  intro: string;
  photos: string[];
  center: LatLng;
  grids: GridCard[];
  figures: {
    /** Places on the map (active). */
    places: number;
    /** People holding a volunteer or 共建单位 grant in the community. */
    volunteers: number;
    /** Wishes completed in the open season; 0 when no season is open. */
    wishesCompleted: number;
    season?: { number: number; name: string };
  };
}

/** What staff give to create a place; updates send any subset (null clears an optional field). */
export interface PlaceInput {
  name: string;
  category: PlaceCategory;
  address: string;
  location: LatLng;
  hours: OpeningHours;
  services: string[];
  phone?: string;
  intro?: string;
  photos?: string[];
  gridId?: string;
}

export type PlaceChanges = Partial<Omit<PlaceInput, 'phone' | 'intro' | 'gridId'>> & {
  phone?: string | null;
  intro?: string | null;
  gridId?: string | null;
};

export type ManagePlaceReq =
  | ({ op: 'create'; place: PlaceInput } & Idempotent)
  | ({ op: 'update'; id: string; changes: PlaceChanges; reason?: string } & Idempotent)
  | ({ op: 'close'; id: string; reason: string } & Idempotent)
  | ({ op: 'reopen'; id: string; reason?: string } & Idempotent);

export interface MapApi {
  community: { req: Record<string, never>; res: { community: CommunityIntro } };
  places: {
    req: {
      category?: PlaceCategory;
      /** The caller's position (GCJ-02); without it the list is sorted by name. */
      location?: LatLng;
      /** Only places inside the 5- or 10-minute 服务圈 (needs `location`). */
      within?: 5 | 10;
      /** Only places open now. */
      openNow?: boolean;
      /** Staff only: include closed places. */
      includeClosed?: boolean;
      cursor?: string;
      limit?: number;
    };
    res: Page<PlaceCard> & {
      /** How many places match the filter (all pages). */
      total: number;
      /** Active places per category in the community, for the filter chips. */
      categories: Array<{ category: PlaceCategory; count: number }>;
      /** Only with a location: how many matching places lie within 5 and 10 minutes' walk. */
      circles?: { five: number; ten: number };
    };
  };
  place: { req: { id: string; location?: LatLng }; res: { place: PlaceDetail } };
  managePlace: { req: ManagePlaceReq; res: { place: PlaceDetail } };
}
