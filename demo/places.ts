import type { Doc } from '../emulator/db/codec';
import type { OpeningHours, Period, PlaceCategory } from '../typings/map';
import { DEMO_COMMUNITY } from './community';

/**
 * The demo community's map: a dozen places around 北海社区 (东台市东台镇), drawn from the seed
 * reports — 党群服务中心 with its 一站式 windows and 法律援助室, a 社区食堂 for 老年助餐, a 24-hour
 * 爱心驿站 for couriers and riders (歇脚饮水、设备充电、法律援助), 城市书房, 充电桩, 日间照料 …
 * Coordinates are GCJ-02, offsets from the community centre, all within about 1.3 km.
 */

const [CLNG, CLAT] = DEMO_COMMUNITY.center.coordinates;

const p = (from: string, to: string): Period => ({ from, to });
const OFFICE = [p('08:30', '12:00'), p('14:00', '17:30')];
const ALL_DAY = [p('00:00', '24:00')];
const every = (periods: Period[]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, periods]));
const weekdays = (periods: Period[]) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, periods]));

export interface SeedPlace {
  _id: string;
  name: string;
  category: PlaceCategory;
  address: string;
  /** Offset from the community centre in degrees: [Δlng, Δlat]. */
  offset: [number, number];
  hours: OpeningHours;
  services: string[];
  phone?: string;
  intro?: string;
  gridId?: string;
}

export const DEMO_PLACES: SeedPlace[] = [
  {
    _id: 'p_beihai_center',
    name: '北海社区党群服务中心',
    category: '党群服务中心',
    address: '东台镇北海路88号',
    offset: [0.0003, 0.0002],
    hours: { week: { ...weekdays(OFFICE), '6': [p('09:00', '11:30')] }, calendar: 'working_days', note: '周六上午党员值班，受理“一件事”代办' },
    services: ['一站式便民服务', '社保医保代办', '网上预约、线下代办', '党员活动室', '民意小圆桌', '网格化服务管理中心'],
    phone: '0515-85212345',
    intro: '“敞开一扇门，承办千家事”：党建、民政、社保、综治等服务集中一站办理，上班族可网上预约、线下代办。',
  },
  {
    _id: 'p_beihai_legal',
    name: '北海社区法律援助工作室',
    category: '法律援助室',
    address: '东台镇北海路88号党群服务中心二楼',
    offset: [0.0004, 0.0001],
    hours: { week: weekdays([p('09:00', '11:30'), p('14:00', '17:00')]), calendar: 'working_days', note: '每周三下午东台市人民法院法官进社区坐班' },
    services: ['法律咨询', '人民调解', '法律援助申请代办', '法官进社区'],
    phone: '12348',
    intro: '与东台市人民法院结对共建，矛盾纠纷就地化解，“小事不出网格，大事不出社区”。',
  },
  {
    _id: 'p_beihai_canteen',
    name: '北海社区邻里食堂（老年助餐点）',
    category: '社区食堂/助餐点',
    address: '东台镇北海路62号',
    offset: [-0.0015, 0.0008],
    hours: {
      week: every([p('06:30', '08:30'), p('10:30', '13:00'), p('16:30', '18:30')]),
      calendar: 'every_day',
      closedDates: ['2027-02-06', '2027-02-07', '2027-02-08'],
      note: '春节除夕至初二歇业',
    },
    services: ['老年助餐（60周岁以上每餐补贴3元）', '送餐上门（高龄、独居、失能老人）', '营养配餐', '职工早餐'],
    phone: '0515-85231688',
    intro: '质优价廉的家常饭菜，空巢、独居老人可由网格员登记后送餐上门。',
  },
  {
    _id: 'p_haiyan_station',
    name: '海晏花园爱心驿站（户外劳动者服务站）',
    category: '爱心驿站',
    address: '东台镇海晏花园南门东侧',
    offset: [0.003, -0.0012],
    hours: { week: every(ALL_DAY), calendar: 'every_day', note: '24小时开放，夜间请按门铃' },
    services: ['歇脚饮水', '手机、电动车电池充电', '热饭微波', '应急药箱', '法律咨询（每周三下午律师值班）', '冬季取暖、夏季纳凉'],
    phone: '0515-85226012',
    intro: '“冷可取暖、热可纳凉、渴能喝水、累能歇脚、行可充电”，为快递员、外卖骑手和环卫工人提供暖心服务。',
    gridId: 'g_beihai_2',
  },
  {
    _id: 'p_beihai_clinic',
    name: '北海社区卫生服务站',
    category: '卫生服务站',
    address: '东台镇北海新村9幢东侧',
    offset: [-0.0028, -0.0025],
    hours: {
      week: { ...weekdays([p('07:30', '11:30'), p('13:30', '17:00')]), '6': [p('08:00', '11:30')], '7': [p('08:00', '11:30')] },
      calendar: 'every_day',
      holiday: [p('08:00', '11:30')],
      note: '疫苗接种：周二、周四上午',
    },
    services: ['基本医疗', '慢病随访', '老年人健康体检', '家庭医生签约', '疫苗接种'],
    phone: '0515-85218120',
    intro: '东台市人民医院医联体站点，专家每月第一个周五下午坐诊。',
    gridId: 'g_beihai_3',
  },
  {
    _id: 'p_beihai_volunteer',
    name: '北海社区新时代文明实践志愿服务站',
    category: '志愿服务站',
    address: '东台镇望海东路15号',
    offset: [0.0045, 0.003],
    hours: { week: { ...weekdays([p('08:30', '11:30'), p('14:00', '17:00')]), '6': [p('08:30', '11:30')] }, calendar: 'working_days' },
    services: ['志愿者登记', '在职党员“双报到”', '微心愿认领', '积分兑换（米、面、油）', '志愿服务培训'],
    intro: '党员志愿服务队常年为空巢老人点亮微心愿，志愿服务可换积分、积分兑物品。',
  },
  {
    _id: 'p_city_study',
    name: '东台城市书房（北海店）',
    category: '城市书房',
    address: '东台镇海陵中路108号',
    offset: [-0.006, 0.004],
    hours: {
      week: { '2': [p('09:00', '21:00')], '3': [p('09:00', '21:00')], '4': [p('09:00', '21:00')], '5': [p('09:00', '21:00')], '6': [p('09:00', '21:00')], '7': [p('09:00', '21:00')] },
      calendar: 'every_day',
      note: '周一闭馆整理',
    },
    services: ['免费阅读', '自助借还', '儿童绘本区', '免费Wi-Fi', '读书分享会'],
    phone: '0515-85280123',
    intro: '“城市书房—社区书屋—小区书吧”三级公共阅读空间的城区站点，与市图书馆通借通还。',
  },
  {
    _id: 'p_haiyan_ebike',
    name: '海晏花园电动自行车充电棚',
    category: '充电桩',
    address: '东台镇海晏花园5幢北侧',
    offset: [0.0035, -0.002],
    hours: { week: every(ALL_DAY), calendar: 'every_day' },
    services: ['扫码充电（0.5元/小时）', '充满自动断电', '烟感报警与喷淋'],
    intro: '“睦邻议事”商定增设的集中充电点，杜绝电动车“飞线充电”、进楼入户。',
    gridId: 'g_beihai_2',
  },
  {
    _id: 'p_wanghai_ev',
    name: '望海苑新能源汽车充电站',
    category: '充电桩',
    address: '东台镇望海苑东门停车场',
    offset: [0.009, 0.0065],
    hours: { week: every(ALL_DAY), calendar: 'every_day' },
    services: ['直流快充4个', '交流慢充6个', '充电期间免停车费2小时'],
    gridId: 'g_beihai_5',
  },
  {
    _id: 'p_beihai_daycare',
    name: '北海社区居家养老服务中心（日间照料）',
    category: '养老服务',
    address: '东台镇北海新村11幢西侧',
    offset: [-0.004, -0.005],
    hours: { week: weekdays([p('08:00', '11:30'), p('13:30', '17:00')]), calendar: 'working_days' },
    services: ['日间照料', '助浴', '康复理疗', '5G智慧养老一键呼叫', '上门探访'],
    phone: '0515-85201199',
    intro: '5G智慧养老系统让老人足不出户享受助餐、助医服务，独居老人每周上门探访。',
    gridId: 'g_beihai_3',
  },
  {
    _id: 'p_beihai_convenience',
    name: '北海社区红色物业便民服务点',
    category: '便民服务',
    address: '东台镇范公路沿街商铺A区12号',
    offset: [0.0012, -0.003],
    hours: { week: every([p('08:00', '11:30'), p('13:30', '18:00')]), calendar: 'every_day', note: '每月15日上午志愿者义务理发' },
    services: ['物业报修', '小家电维修', '磨剪刀', '义务理发', '代收快递'],
    phone: '0515-85236655',
    intro: '“红领物业服务站”，党员志愿者定期提供免费便民服务。',
    gridId: 'g_beihai_4',
  },
  {
    _id: 'p_xixi_gridstation',
    name: '西溪小区网格党群服务站',
    category: '党群服务中心',
    address: '东台镇西溪小区17幢一楼',
    offset: [-0.011, -0.006],
    hours: { week: weekdays([p('09:00', '11:30'), p('15:00', '17:30')]), calendar: 'working_days', note: '其余时间可联系网格员' },
    services: ['网格员接待', '诉求登记', '政策宣传', '民意收集'],
    intro: '网格里的“红色前哨”，居民诉求就近登记、就近办理。',
    gridId: 'g_beihai_6',
  },
  {
    _id: 'p_fangong_station',
    name: '范公路爱心驿站（快递外卖骑手之家）',
    category: '爱心驿站',
    address: '东台镇范公中路219号（邮政网点内）',
    offset: [0.012, -0.0045],
    hours: { week: every([p('08:00', '20:00')]), calendar: 'every_day' },
    services: ['歇脚饮水', '设备充电', '热饭微波', '卫生间', '雨具借用', '社保咨询'],
    phone: '0515-85239876',
    intro: '快递行业党委与邮政网点共建的骑手之家，送单间隙可歇脚、充电、热饭。',
    gridId: 'g_beihai_4',
  },
];

/** The demo places as documents, ready for the seed's `put(coll, doc)`. */
export function seedPlaces(put: (coll: string, doc: Doc) => void, now = Date.now()): void {
  for (const { offset, ...place } of DEMO_PLACES) {
    const lng = Number((CLNG + offset[0]).toFixed(6));
    const lat = Number((CLAT + offset[1]).toFixed(6));
    put('places', {
      ...place,
      communityId: DEMO_COMMUNITY._id,
      location: { type: 'Point', coordinates: [lng, lat] },
      photos: [],
      status: 'active',
      createdBy: 'seed',
      createdAt: now,
      updatedBy: 'seed',
      updatedAt: now,
    });
  }
}
