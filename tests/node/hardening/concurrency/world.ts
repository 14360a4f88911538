import { ok, uniqueOpenid } from '../../support/cloud';
import { createPlace, newCommunity, offset, type TestCommunity } from '../../support/map';
import { ALWAYS_HOURS, all, shanghaiDay, slotOf } from '../../support/booking';
import { grantWith } from '../../support/lists';
import { userIdOf } from '../../support/wish';
import { takeAgentPost } from '../../support/party';

/** A person of the run: the openid that calls, the user id the database keys on. */
export interface Person {
  openid: string;
  id: string;
}

/** A community of its own, with everything the mixed run works on; the demo community is never touched. */
export interface World extends TestCommunity {
  adminId: string;
  staff: Person;
  volunteers: Person[];
  residents: Person[];
  serviceId: string;
  capacity: number;
  waitlistMax: number;
  /** Every slot the runs used; each run books the last three. */
  slots: string[];
  activityId: string;
  activityCapacity: number;
  activityWaitlist: number;
  goods: string[];
  wishes: Array<{ id: string; publisher: Person }>;
  /** Points each person was given before the run. */
  startPoints: number;
}

const WISH_TITLES = ['楼道灯坏了请帮忙修理', '想学用智能手机挂号', '家里水龙头漏水', '需要有人陪同去医院复查', '孩子暑假想借几本书', '轮椅需要打气换胎'];

export async function newWorld(sizes = { volunteers: 6, residents: 6, goods: 3 }): Promise<World> {
  const c = await newCommunity();
  const adminId = await userIdOf(c.admin);
  const join = async (prefix: string, role?: string): Promise<Person> => {
    const openid = uniqueOpenid(prefix);
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, openid);
    const id = role ? await grantWith(openid, { role, communityId: c.id }) : await userIdOf(openid);
    return { openid, id };
  };
  const staff = await join('cstf', 'staff');
  const volunteers = await all(sizes.volunteers, () => join('cvol', 'volunteer'));
  // Tickets are dispatched to them as 红色代办员: party members holding the post, who earn 先锋积分 too.
  for (const v of volunteers) await takeAgentPost(v.openid, c.admin);
  const residents = await all(sizes.residents, () => join('cres'));

  const placeId = await createPlace(c, '党群服务中心', offset(c.center, 100, 100));
  const capacity = 2;
  const waitlistMax = 2;
  const { service } = await ok(
    'booking',
    { action: 'manageService', op: 'create', service: { kind: 'appointment', name: '社保咨询', placeId, appointment: { durationMinutes: 30, capacity, waitlistMax, hours: ALWAYS_HOURS } } },
    c.admin,
  );
  const slots: string[] = [];
  const activityCapacity = 3;
  const activityWaitlist = 2;
  const { activity } = await ok(
    'booking',
    {
      action: 'publishActivity',
      op: 'create',
      activity: { title: '楼道杂物清理', category: '环境整治', description: '清理楼道堆放的杂物，请自带手套。', placeId, date: shanghaiDay(3), from: '08:30', to: '11:00', capacity: activityCapacity, waitlistMax: activityWaitlist },
    },
    staff.openid,
  );
  const goods = await all(sizes.goods, async (i) => {
    const res = await ok(
      'points',
      { action: 'manageGoods', op: 'create', name: ['大米 5kg', '洗衣液', '洗车卡'][i % 3], cost: 10 + 5 * i, stock: 4 + i, pickupPlace: '党群服务中心一楼服务台', perPersonLimit: 2 },
      staff.openid,
    );
    return res.goods.id as string;
  });
  const startPoints = 40;
  await all(volunteers.length + residents.length, (i) =>
    ok('points', { action: 'award', userId: [...volunteers, ...residents][i].id, points: startPoints, reason: '参加社区志愿服务' }, staff.openid),
  );
  const w: World = { ...c, adminId, staff, volunteers, residents, serviceId: service.id, capacity, waitlistMax, slots, activityId: activity.id, activityCapacity, activityWaitlist, goods, wishes: [], startPoints };
  return w;
}

/**
 * Before each run: fresh wishes, three fresh slots and some restock, so a later run on the same
 * world has open targets as well as the full and finished ones of the runs before; returns the
 * new wishes.
 */
export async function refresh(w: World, wishes = 6): Promise<World['wishes']> {
  const first = 9 * 60 + (w.slots.length / 3) * 90;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  w.slots.push(...[0, 30, 60].map((d) => slotOf(w.serviceId, shanghaiDay(2), hhmm(first + d))));
  await all(w.goods.length, (i) => ok('points', { action: 'manageGoods', op: 'restock', id: w.goods[i], quantity: 3 }, w.staff.openid));
  return addWishes(w, wishes);
}

/** Wishes published by the residents and approved by the admin, open for claims; returns the new ones. */
export async function addWishes(w: World, n: number): Promise<World['wishes']> {
  const added = await all(n, async (i) => {
    const publisher = w.residents[(w.wishes.length + i) % w.residents.length];
    const title = WISH_TITLES[(w.wishes.length + i) % WISH_TITLES.length];
    const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人，麻烦志愿者帮帮忙。`, category: '维修帮办' }, publisher.openid);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, w.admin);
    return { id: wish.id as string, publisher };
  });
  w.wishes.push(...added);
  return added;
}
