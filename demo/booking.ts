import type { Doc } from '../emulator/db/codec';
import type { Period } from '../typings/map';
import type { AppointmentSettings, ActivityCategory, ServiceKind } from '../typings/booking';
import { shanghaiTime } from '../server/core/calendar';
import { localDate, DAY_MS } from '../server/core/time';
import { ACTIVITIES, ActivityDoc, PLACE_KEYS, PlaceKeyDoc, SERVICES, ServiceDoc } from '../server/booking/model';
import { newKey } from '../server/booking/codes';
import { DEMO_COMMUNITY, DEMO_USERS } from './community';
import { DEMO_PLACES } from './places';

/**
 * The demo community's bookable services and volunteer activities, from the seed reports:
 * "网上预约、线下代办" for people who work by day, "预约代办、上门帮办" for elderly people who
 * cannot come, and the 党员志愿服务队's 环境整治、理论宣讲、助老助残、文明劝导. Every service is tied
 * to a real demo place (demo/places.ts), so the map lists it as bookable.
 */

const p = (from: string, to: string): Period => ({ from, to });
const days = (keys: string[], periods: Period[]) => Object.fromEntries(keys.map((d) => [d, periods]));
const WEEKDAYS = ['1', '2', '3', '4', '5'];

export interface SeedService {
  _id: string;
  kind: ServiceKind;
  name: string;
  description: string;
  placeId: string;
  appointment?: AppointmentSettings;
}

export const DEMO_SERVICES: SeedService[] = [
  {
    _id: 'sv_beihai_shebao',
    kind: 'appointment',
    name: '社保咨询',
    description: '养老保险、医保参保缴费、退休资格认证等政策咨询与办理指引。上班族可预约周六上午党员值班时段。',
    placeId: 'p_beihai_center',
    appointment: {
      durationMinutes: 30,
      capacity: 3,
      hours: { week: { ...days(WEEKDAYS, [p('08:30', '11:30'), p('14:00', '17:00')]), '6': [p('09:00', '11:30')] }, calendar: 'working_days' },
      horizonDays: 7,
      cancelCutoffMinutes: 120,
      waitlistMax: 5,
    },
  },
  {
    _id: 'sv_beihai_legal',
    kind: 'appointment',
    name: '法律援助',
    description: '婚姻家庭、邻里纠纷、劳动争议、法律援助申请。每周三下午东台市人民法院法官进社区坐班。',
    placeId: 'p_beihai_legal',
    appointment: {
      durationMinutes: 60,
      capacity: 2,
      hours: { week: days(WEEKDAYS, [p('09:00', '11:00'), p('14:00', '17:00')]), calendar: 'working_days' },
      horizonDays: 7,
      cancelCutoffMinutes: 120,
      waitlistMax: 3,
    },
  },
  {
    _id: 'sv_beihai_haircut',
    kind: 'appointment',
    name: '爱心理发',
    description: '党员志愿者义务理发，60周岁以上老人优先。行动不便的老人可申请上门帮办。',
    placeId: 'p_beihai_convenience',
    appointment: {
      durationMinutes: 20,
      capacity: 2,
      hours: { week: days(['2', '6'], [p('08:30', '11:30')]), calendar: 'every_day', closedDates: [] },
      horizonDays: 7,
      cancelCutoffMinutes: 60,
      waitlistMax: 4,
    },
  },
  {
    _id: 'sv_beihai_checkup',
    kind: 'appointment',
    name: '老年人健康体检',
    description: '65周岁以上老人免费体检：血压、血糖、心电图、B超。请空腹前往，携带身份证和医保卡。',
    placeId: 'p_beihai_clinic',
    appointment: {
      durationMinutes: 30,
      capacity: 5,
      hours: { week: days(WEEKDAYS, [p('07:30', '10:30')]), calendar: 'working_days' },
      horizonDays: 14,
      cancelCutoffMinutes: 720,
      waitlistMax: 10,
    },
  },
  {
    _id: 'sv_beihai_proxy_social',
    kind: 'proxy',
    name: '社保医保代办',
    description: '居民下单—社区派单—红色代办员接单：留下材料，由社区工作人员代为办理，办结后通知领取。',
    placeId: 'p_beihai_center',
  },
  {
    _id: 'sv_beihai_proxy_allowance',
    kind: 'proxy',
    name: '高龄津贴申请代办',
    description: '80周岁以上老人高龄津贴申请、年审，家属或网格员代交材料即可。',
    placeId: 'p_beihai_center',
  },
  {
    _id: 'sv_beihai_home_help',
    kind: 'home_visit',
    name: '上门帮办',
    description: '为高龄、独居、失能、残疾居民上门办理资格认证、证件申领、政策申请等事项。',
    placeId: 'p_beihai_daycare',
  },
  {
    _id: 'sv_beihai_home_doctor',
    kind: 'home_visit',
    name: '家庭医生上门',
    description: '签约家庭医生上门随访：测血压血糖、慢病用药指导。',
    placeId: 'p_beihai_clinic',
  },
];

export interface SeedActivity {
  _id: string;
  title: string;
  category: ActivityCategory;
  description: string;
  placeId: string;
  /** Days after today (Shanghai). */
  inDays: number;
  from: string;
  to: string;
  capacity: number;
  audience: 'volunteers' | 'everyone';
}

export const DEMO_ACTIVITIES: SeedActivity[] = [
  {
    _id: 'ac_beihai_env',
    title: '北海新村楼道杂物清理',
    category: '环境整治',
    description: '党员志愿者、共建单位和网格员一起清理楼道、车库堆放的杂物，拆除飞线充电。请自带手套，工具由社区提供。',
    placeId: 'p_beihai_volunteer',
    inDays: 3,
    from: '08:30',
    to: '11:00',
    capacity: 20,
    audience: 'volunteers',
  },
  {
    _id: 'ac_beihai_lecture',
    title: '“身边事讲大政策”理论宣讲进小区',
    category: '理论宣讲',
    description: '社区宣讲小分队用身边事讲解惠民政策，现场答疑养老、医保新规。欢迎居民参加。',
    placeId: 'p_beihai_center',
    inDays: 5,
    from: '14:30',
    to: '16:00',
    capacity: 30,
    audience: 'everyone',
  },
  {
    _id: 'ac_beihai_elderly',
    title: '为空巢老人送餐陪聊',
    category: '助老助残',
    description: '从邻里食堂领取午餐送到空巢、独居老人家中，陪老人聊天，检查家中水电燃气安全。',
    placeId: 'p_beihai_daycare',
    inDays: 2,
    from: '10:30',
    to: '13:00',
    capacity: 10,
    audience: 'volunteers',
  },
  {
    _id: 'ac_beihai_civility',
    title: '范公路口文明交通劝导',
    category: '文明劝导',
    description: '早高峰在范公路口劝导电动车戴头盔、不闯红灯、不逆行，身穿红马甲上岗。',
    placeId: 'p_fangong_station',
    inDays: 4,
    from: '07:00',
    to: '08:30',
    capacity: 12,
    audience: 'volunteers',
  },
];

/** Places whose check-in poster the demo has printed (keys rotate through `placeCode`). */
const CHECK_IN_PLACES = ['p_beihai_center', 'p_beihai_legal', 'p_beihai_convenience', 'p_beihai_clinic'];

export function seedBooking(put: (coll: string, doc: Doc) => void, now = Date.now()): void {
  const c = DEMO_COMMUNITY._id;
  const staff = DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'staff'))?._id ?? 'seed';
  const place = (id: string) => {
    const found = DEMO_PLACES.find((x) => x._id === id);
    if (!found) throw new Error(`seed booking: unknown place ${id}`);
    return found;
  };
  for (const s of DEMO_SERVICES) {
    place(s.placeId);
    const doc: ServiceDoc = { ...s, communityId: c, status: 'active', createdBy: staff, createdAt: now, updatedBy: staff, updatedAt: now };
    put(SERVICES, doc as unknown as Doc);
  }
  const today = localDate(now);
  for (const a of DEMO_ACTIVITIES) {
    const where = place(a.placeId);
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + a.inDays * DAY_MS).toISOString().slice(0, 10);
    const { inDays: _in, from, to, ...rest } = a;
    const doc: ActivityDoc = {
      ...rest,
      communityId: c,
      placeName: where.name,
      address: where.address,
      date,
      start: shanghaiTime(date, from),
      end: shanghaiTime(date, to),
      waitlistMax: 10,
      cancelCutoffMinutes: 120,
      status: 'published',
      key: newKey(),
      booked: [],
      waitlist: [],
      createdBy: staff,
      createdAt: now,
      updatedAt: now,
    };
    put(ACTIVITIES, doc as unknown as Doc);
  }
  for (const id of CHECK_IN_PLACES) {
    const doc: PlaceKeyDoc = { _id: id, communityId: c, key: newKey(), createdBy: staff, createdAt: now };
    put(PLACE_KEYS, doc as unknown as Doc);
  }
}
