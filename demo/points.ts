import type { Doc } from '../emulator/db/codec';
import { applyEntry, entryId, type Posting } from '../server/points/ledger';
import type { AccountDoc, EntryDoc, GoodsDoc } from '../server/points/model';
import { DEMO_COMMUNITY, DEMO_UNITS, DEMO_USERS } from './community';

/**
 * The demo community's points mall, from the seed reports: "行动换积分、积分兑物品" — 米、面、油、
 * 洗车卡 or community services. Some goods come from the community itself, some from its 共建单位
 * (东台市人民医院, 国网东台市供电公司, 东台市实验小学, 东台市人民法院), whose members verify pickups of
 * their own goods.
 */

const CENTER = '北海社区党群服务中心一楼服务台（北海路88号）';

export interface SeedGoods {
  _id: string;
  name: string;
  description: string;
  cost: number;
  stock: number;
  unitId?: string;
  pickupPlace: string;
  perPersonLimit: number;
}

export const DEMO_GOODS: SeedGoods[] = [
  { _id: 'gd_rice', name: '大米 5kg', description: '本地优质粳米，凭提货码到服务台领取。', cost: 100, stock: 30, pickupPlace: CENTER, perPersonLimit: 1 },
  { _id: 'gd_flour', name: '面粉 2.5kg', description: '高筋小麦粉，蒸馒头、包饺子都合适。', cost: 50, stock: 40, pickupPlace: CENTER, perPersonLimit: 2 },
  { _id: 'gd_oil', name: '压榨花生油 1.8L', description: '一级压榨花生油。', cost: 120, stock: 20, pickupPlace: CENTER, perPersonLimit: 1 },
  { _id: 'gd_carwash', name: '洗车卡（单次）', description: '共建商户提供，普通轿车外观清洗一次，有效期三个月。', cost: 40, stock: 50, pickupPlace: '北海社区红色物业便民服务点（范公路沿街商铺A区12号）', perPersonLimit: 2 },
  { _id: 'gd_haircut', name: '爱心理发券', description: '红色志愿理发服务一次，行动不便的老人可预约上门。', cost: 30, stock: 40, pickupPlace: '北海社区新时代文明实践志愿服务站（望海东路15号）', perPersonLimit: 2 },
  { _id: 'gd_detergent', name: '洗衣液 2kg', description: '日用品，凭提货码领取。', cost: 60, stock: 25, pickupPlace: CENTER, perPersonLimit: 1 },
  {
    _id: 'gd_checkup',
    name: '健康体检券（血压血糖心电图）',
    description: '东台市人民医院党员医生志愿服务：血压、血糖、心电图检查各一次，附健康咨询。',
    cost: 80,
    stock: 20,
    unitId: 'unit_hospital',
    pickupPlace: '北海社区卫生服务站（北海新村9幢东侧），每周三上午',
    perPersonLimit: 1,
  },
  {
    _id: 'gd_power_check',
    name: '家庭用电安全检查（上门）',
    description: '国网东台市供电公司共产党员服务队上门检查线路、插座和漏电保护，兑换后由服务队电话预约。',
    cost: 60,
    stock: 15,
    unitId: 'unit_power',
    pickupPlace: '上门服务（凭提货码核销）',
    perPersonLimit: 1,
  },
  { _id: 'gd_led', name: '节能LED灯泡（2只装）', description: '国网东台市供电公司提供，9W暖白光。', cost: 40, stock: 30, unitId: 'unit_power', pickupPlace: CENTER, perPersonLimit: 2 },
  {
    _id: 'gd_reading',
    name: '暑期托管体验课（1次）',
    description: '东台市实验小学志愿教师带领的阅读与手工课，适合6至12岁。',
    cost: 50,
    stock: 20,
    unitId: 'unit_school',
    pickupPlace: '东台城市书房（北海店）',
    perPersonLimit: 1,
  },
  {
    _id: 'gd_legal',
    name: '一对一法律咨询（30分钟）',
    description: '东台市人民法院法官进社区，婚姻家庭、邻里纠纷、劳动争议等咨询。',
    cost: 20,
    stock: 30,
    unitId: 'unit_court',
    pickupPlace: '北海社区法律援助工作室（党群服务中心二楼）',
    perPersonLimit: 1,
  },
];

/** Starting balances of the demo accounts (openid → points), entered as '初始积分' adjustments. */
export const DEMO_BALANCES: Record<string, number> = {
  'demo-resident': 180,
  'demo-volunteer': 260,
  'demo-unit': 120,
  'demo-gridworker': 90,
  'demo-staff': 60,
};

/** Writes the demo goods and the demo users' starting points as proper ledger entries with their accounts. */
export function seedPoints(put: (coll: string, doc: Doc) => void, now = Date.now()): void {
  const c = DEMO_COMMUNITY._id;
  const staff = DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'staff'))?._id ?? 'seed';
  DEMO_GOODS.forEach((g, i) => {
    const unit = g.unitId ? DEMO_UNITS.find((u) => u._id === g.unitId) : undefined;
    if (g.unitId && !unit) throw new Error(`seed goods ${g._id}: unknown unit ${g.unitId}`);
    const doc: GoodsDoc = {
      ...g,
      communityId: c,
      supplied: g.stock,
      providerName: unit?.name ?? DEMO_COMMUNITY.name,
      status: 'on_shelf',
      createdBy: staff,
      // The mall lists newest first: 米、面、油 lead, as in the reports.
      createdAt: now - i * 1000,
      updatedAt: now - i * 1000,
    };
    put('points_goods', doc as unknown as Doc);
  });
  for (const [openid, amount] of Object.entries(DEMO_BALANCES)) {
    const user = DEMO_USERS.find((u) => u.openid === openid);
    if (!user) throw new Error(`seed balance: unknown demo user ${openid}`);
    const p: Posting = { userId: user._id, communityId: c, amount, kind: 'adjust', source: { type: 'seed', id: 'initial' }, reason: '初始积分', by: 'seed', at: now };
    const account: AccountDoc = applyEntry(null, p);
    const entry: EntryDoc = { _id: entryId(p), ...p, balanceAfter: account.balance };
    put('points_entries', entry as unknown as Doc);
    put('points_accounts', account as unknown as Doc);
  }
}
