import type { Result } from '../typings/api';
import type { WishCategory } from '../typings/wish';
import { bringPartyToLife, type PartyLife } from './party';
import { bringGridworkToLife, type GridworkLife } from './gridwork';
import { bringCouncilToLife, type CouncilLife } from './council';
import { bringSurveysToLife, type SurveyLife } from './survey';
import { bringPropertyToLife, type PropertyLife } from './property';

/**
 * Brings the seeded demo community to life the way its people would: through the functions, so
 * every wish, order and booking carries its real events, points and counters. Run once, right
 * after the demo community is first seeded by `npm start`; the tests start from the quiet seed.
 */

export type Call = (fn: string, event: Record<string, unknown>, openid: string) => Promise<Result<any>>;

const STAFF = 'demo-staff';
const VOLUNTEER = 'demo-volunteer';
const UNIT = 'demo-unit';

/** Neighbours who post wishes, named as in the seed reports' stories; each lives in a grid. */
const NEIGHBOURS = [
  { openid: 'demo-neighbour-1', name: '张秀兰', scene: 'c=beihai&g=g1' },
  { openid: 'demo-neighbour-2', name: '刘德明', scene: 'c=beihai&g=g2' },
  { openid: 'demo-neighbour-3', name: '陈美华', scene: 'c=beihai&g=g3' },
  { openid: 'demo-neighbour-4', name: '赵福生', scene: 'c=beihai&g=g5' },
  { openid: 'demo-neighbour-5', name: '周玉梅', scene: 'c=beihai&g=g6' },
];

type Fate = 'completed' | 'awaiting' | 'claimed' | 'open' | 'pending' | 'withdrawn';

interface DemoWish {
  by: string;
  title: string;
  content: string;
  category: WishCategory;
  fate: Fate;
  /** Who claims it, for the fates past 'open'. */
  claimer?: string;
}

/** Twelve wishes across every state of the wall, from the kinds of 微心愿 the reports describe. */
const WISHES: DemoWish[] = [
  { by: 'demo-resident', title: '想学用智能手机和孙子视频', content: '孙子在外地上大学，想学会用微信视频通话，最好有人手把手教两次。', category: '文化学习', fate: 'completed', claimer: VOLUNTEER },
  { by: 'demo-neighbour-1', title: '楼道灯坏了，晚上看不清台阶', content: '2幢3单元二楼到三楼的楼道灯坏了半个月，老人晚上上下楼怕摔。', category: '维修帮办', fate: 'completed', claimer: VOLUNTEER },
  { by: 'demo-neighbour-2', title: '想请人陪我去人民医院复查', content: '下周三上午要去市人民医院复查血压，子女都在外地，想请人陪同挂号取药。', category: '医疗健康', fate: 'awaiting', claimer: VOLUNTEER },
  { by: 'demo-neighbour-3', title: '孙女数学作业想找人辅导', content: '孙女上四年级，周末的数学作业我辅导不了，想找志愿者每周辅导一次。', category: '儿童关爱', fate: 'claimed', claimer: VOLUNTEER },
  { by: 'demo-neighbour-4', title: '老伴腿脚不便，想借一辆轮椅', content: '老伴膝盖做了手术，想借一辆轮椅用两个月，方便去楼下晒太阳。', category: '助老助残', fate: 'claimed', claimer: UNIT },
  { by: 'demo-neighbour-5', title: '想要几本大字版的书', content: '眼睛花了，普通书看不清，想要几本大字版的小说或养生书。', category: '文化学习', fate: 'open' },
  { by: 'demo-resident', title: '冬天想换一床厚棉被', content: '家里的棉被用了十几年，冬天有点冷，想换一床厚一点的。', category: '生活物资', fate: 'open' },
  { by: 'demo-neighbour-1', title: '家里水龙头一直滴水', content: '厨房水龙头关不紧，一直滴水，想请懂维修的志愿者来看看。', category: '维修帮办', fate: 'open' },
  { by: 'demo-neighbour-2', title: '独居在家，希望有人来聊聊天', content: '老伴走了以后一个人住，希望每周有人来坐坐，聊聊家常。', category: '助老助残', fate: 'open' },
  { by: 'demo-neighbour-3', title: '想给孩子找个周末书法班', content: '孩子喜欢写毛笔字，想找社区里会书法的志愿者周末教一教。', category: '儿童关爱', fate: 'pending' },
  { by: 'demo-neighbour-4', title: '帮忙代买降压药', content: '每月要吃的降压药快没了，腿脚不方便去药店，想请人帮忙代买。', category: '医疗健康', fate: 'pending' },
  { by: 'demo-neighbour-5', title: '想找人帮忙搬冰箱', content: '旧冰箱想挪到阳台，一个人搬不动。', category: '其他', fate: 'withdrawn' },
];

async function must<T = any>(call: Call, fn: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const res = await call(fn, event, openid);
  if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
  return res.data as T;
}

const dateOf = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export interface Liveliness {
  wishes: Record<Fate, number>;
  orders: number;
  bookings: number;
  errands: number;
  party: PartyLife;
  gridwork: GridworkLife;
  council: CouncilLife;
  surveys: SurveyLife;
  property: PropertyLife;
}

export async function bringToLife(call: Call, now = Date.now()): Promise<Liveliness> {
  const day = 24 * 3600_000;
  await must(call, 'wish', { action: 'openSeason', name: '第十三季', startDate: dateOf(now - 20 * day), endDate: dateOf(now + 70 * day) }, STAFF);
  for (const n of NEIGHBOURS) {
    await must(call, 'user', { action: 'login', scene: n.scene }, n.openid);
    await must(call, 'user', { action: 'updateProfile', displayName: n.name }, n.openid);
  }

  const wishes: Record<Fate, number> = { completed: 0, awaiting: 0, claimed: 0, open: 0, pending: 0, withdrawn: 0 };
  // Completed ones first, so the volunteer's live claims stay within the cap of three.
  const order: Fate[] = ['completed', 'awaiting', 'claimed', 'open', 'withdrawn', 'pending'];
  for (const fate of order) {
    for (const w of WISHES.filter((x) => x.fate === fate)) {
      const { wish } = await must(call, 'wish', { action: 'publish', title: w.title, content: w.content, category: w.category }, w.by);
      wishes[fate]++;
      if (fate === 'pending') continue;
      if (fate === 'withdrawn') {
        await must(call, 'wish', { action: 'withdraw', id: wish.id, reason: '已请邻居帮忙搬好了' }, w.by);
        continue;
      }
      await must(call, 'wish', { action: 'review', id: wish.id, approve: true }, STAFF);
      if (fate === 'open' || !w.claimer) continue;
      await must(call, 'wish', { action: 'claim', id: wish.id }, w.claimer);
      if (fate === 'claimed') continue;
      await must(call, 'wish', { action: 'submitProof', id: wish.id, note: '已上门帮忙，老人很满意。' }, w.claimer);
      if (fate === 'completed') await must(call, 'wish', { action: 'confirm', id: wish.id }, w.by);
    }
  }

  // The mall: one pickup waiting, one already collected.
  await must(call, 'points', { action: 'redeem', goodsId: 'gd_flour', quantity: 1 }, 'demo-resident');
  const { order: haircut } = await must(call, 'points', { action: 'redeem', goodsId: 'gd_haircut', quantity: 1 }, VOLUNTEER);
  await must(call, 'points', { action: 'verify', code: haircut.pickupCode }, STAFF);

  // Bookings: the first open slots of the week for two residents, and a home visit asked for.
  let bookings = 0;
  const { days } = await must(call, 'booking', { action: 'slots', serviceId: 'sv_beihai_shebao' }, 'demo-resident');
  const open = days.flatMap((d: any) => d.slots).filter((s: any) => s.status === 'open');
  for (const [i, who] of ['demo-resident', 'demo-neighbour-2'].entries()) {
    if (!open[i]) break;
    await must(call, 'booking', { action: 'book', slotId: open[i].id, note: i ? '咨询医保报销' : '咨询退休资格认证' }, who);
    bookings++;
  }
  await must(
    call,
    'booking',
    {
      action: 'requestErrand',
      serviceId: 'sv_beihai_home_help',
      description: '老伴行动不便，想请工作人员上门帮忙办理高龄津贴认证。',
      address: '13幢201室',
      contactPhone: '13851234611',
      // A working day ahead: the first day the front desk has open slots.
      window: { date: days.find((d: any) => d.open && d.date > dateOf(now))?.date ?? dateOf(now + 2 * day), from: '09:00', to: '11:00' },
    },
    'demo-neighbour-4',
  );
  const party = await bringPartyToLife(call, now);
  const gridwork = await bringGridworkToLife(call, now);
  const council = await bringCouncilToLife(call, now);
  const surveys = await bringSurveysToLife(call, now);
  const property = await bringPropertyToLife(call);
  return { wishes, orders: 2, bookings, errands: 1, party, gridwork, council, surveys, property };
}
