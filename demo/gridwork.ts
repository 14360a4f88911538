import type { Call } from './alive';

/**
 * 兼职网格员 at work in the demo community, from the seed reports' couriers and riders who 领取网格任务
 * and act as 流动哨兵: two of them confirmed for their grids, each with a 随手拍 (one dispatched,
 * one fixed and rated), and the grid tasks staff gave them (one open, one done and credited).
 */

const STAFF = 'demo-staff';
const GRID_WORKER = 'u_demo_gridworker';

const MA = 'demo-courier-1';
const SUN = { openid: 'demo-courier-3', name: '孙宁', scene: 'c=beihai&g=g1', phone: '13851234626' };

export interface GridworkLife {
  reports: { dispatched: number; done: number };
  tasks: { open: number; done: number };
}

export async function bringGridworkToLife(call: Call, now: number): Promise<GridworkLife> {
  const must = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const res = await call(fn, event, openid);
    if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  // 马骏 was confirmed with the party's couriers; 孙宁 (顺丰) registers for the first grid now.
  await must('user', { action: 'login', scene: SUN.scene }, SUN.openid);
  await must('user', { action: 'updateProfile', displayName: SUN.name }, SUN.openid);
  const { registration } = await must('party', { action: 'register', kind: 'courier', workUnit: '顺丰速运东台营业部', phone: SUN.phone, gridId: 'g_beihai_1' }, SUN.openid);
  await must('party', { action: 'confirm', id: registration.id }, STAFF);

  // 随手拍: a loose manhole cover on 范公路, dispatched to the grid worker, waiting to be fixed …
  const { ticket: manhole } = await must(
    'lists',
    { action: 'reportFound', category: '安全巡查', title: '范公路商铺A区门前井盖松动', photos: ['cloud://local.honglin/demo/found-manhole.jpg'], address: '范公路商铺A区门前' },
    MA,
  );
  await must('lists', { action: 'dispatch', id: manhole.id, to: 'grid_worker', targetId: GRID_WORKER }, STAFF);
  // … and a dark stairwell in 2幢, fixed and rated by the rider who saw it.
  const { ticket: lamp } = await must('lists', { action: 'reportFound', category: '水电维修', title: '2幢3单元楼道灯不亮', photos: ['cloud://local.honglin/demo/found-lamp.jpg'], address: '2幢3单元' }, SUN.openid);
  await must('lists', { action: 'dispatch', id: lamp.id, to: 'grid_worker', targetId: GRID_WORKER }, STAFF);
  await must('lists', { action: 'accept', id: lamp.id }, 'demo-gridworker');
  await must('lists', { action: 'resolve', id: lamp.id, note: '已联系物业更换灯泡，楼道恢复照明' }, 'demo-gridworker');
  await must('lists', { action: 'rate', id: lamp.id, stars: 5, comment: '修得很快' }, SUN.openid);

  // 网格任务: a notice to hand out on 范公路 (open) and an elderly resident looked in on (done).
  const hour = 3600_000;
  await must('party', { action: 'publishGridTask', gridId: 'g_beihai_4', title: '沿街商铺发放燃气安全告知书', detail: '每户一份，请店主签收', place: '范公路商铺A区、B区', dueAt: now + 28 * hour, points: 5 }, STAFF);
  const { task } = await must('party', { action: 'publishGridTask', gridId: 'g_beihai_1', title: '看望3幢独居老人李奶奶', detail: '送餐时顺路看看身体和门窗', place: '冷冻厂宿舍3幢101', dueAt: now + 6 * hour, points: 5 }, STAFF);
  await must('party', { action: 'claimGridTask', id: task.id }, SUN.openid);
  await must('party', { action: 'finishGridTask', id: task.id, note: '老人精神不错，已提醒关好燃气阀' }, SUN.openid);
  await must('party', { action: 'confirmGridTask', id: task.id }, STAFF);
  return { reports: { dispatched: 1, done: 1 }, tasks: { open: 1, done: 1 } };
}
