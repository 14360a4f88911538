import type { Call } from './alive';

/**
 * 双报到 and 社区吹哨 in the demo community, from the seed reports: in-service party members
 * (在职党员) registered at home with their branches and posts, two co-building units with their
 * yearly commitments (亮承诺) and the services they offer (in 资源清单 once confirmed) and one member
 * each who joined with the unit's code, couriers and riders as 兼职网格员, a call-out answered and
 * closed, and one open. Through the functions, so every registration, answer and point is as real.
 */

const STAFF = 'demo-staff';

interface Person {
  openid: string;
  name: string;
  scene: string;
  phone: string;
}

const CHEN: Person = { openid: 'demo-party-1', name: '陈卫国', scene: 'c=beihai&g=g3', phone: '13851234621' };
const GU: Person = { openid: 'demo-party-2', name: '顾秀梅', scene: 'c=beihai&g=g5', phone: '13851234622' };
const QIAN: Person = { openid: 'demo-power', name: '钱振华', scene: 'c=beihai&g=g2', phone: '13851234623' };
const MA: Person = { openid: 'demo-courier-1', name: '马骏', scene: 'c=beihai&g=g4', phone: '13851234624' };
const LIU: Person = { openid: 'demo-courier-2', name: '刘洋', scene: 'c=beihai&g=g1', phone: '13851234625' };
/** One member of each unit, joined with its code. */
const SHEN: Person = { openid: 'demo-hospital-nurse', name: '沈丽', scene: 'c=beihai&g=g3', phone: '13851234626' };
const JIANG: Person = { openid: 'demo-power-2', name: '蒋涛', scene: 'c=beihai&g=g2', phone: '13851234627' };

export interface PartyLife {
  confirmed: number;
  pending: number;
  callouts: { open: number; closed: number };
  /** Unit members who joined with their unit's code. */
  joined: number;
}

type Must = <T = any>(fn: string, event: Record<string, unknown>, openid: string) => Promise<T>;

export async function bringPartyToLife(call: Call, now: number): Promise<PartyLife> {
  const must: Must = async (fn, event, openid) => {
    const res = await call(fn, event, openid);
    if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  for (const p of [CHEN, GU, QIAN, MA, LIU, SHEN, JIANG]) {
    await must('user', { action: 'login', scene: p.scene }, p.openid);
    await must('user', { action: 'updateProfile', displayName: p.name }, p.openid);
  }
  const { invite } = await must('user', { action: 'createInvite', role: 'unit_member', unitId: 'unit_power' }, STAFF);
  await must('user', { action: 'redeemInvite', code: invite.code }, QIAN.openid);

  const register = async (openid: string, form: Record<string, unknown>, confirm: boolean): Promise<string> => {
    const { registration } = await must('party', { action: 'register', ...form }, openid);
    if (confirm) await must('party', { action: 'confirm', id: registration.id }, STAFF);
    return registration.id;
  };
  /** The unit's contact hands out its code; the member types it in. */
  const join = async (contact: string, registrationId: string, member: string) => {
    const { join: code } = await must('party', { action: 'unitJoin', id: registrationId }, contact);
    await must('party', { action: 'join', code: code.code }, member);
  };
  await register('demo-volunteer', { kind: 'member', branch: '东台市住房和城乡建设局机关党支部', workUnit: '东台市住房和城乡建设局', phone: '13851234502', posts: ['平安巡逻', '助老服务'] }, true);
  await register(CHEN.openid, { kind: 'member', branch: '国网东台市供电公司第一党支部', workUnit: '国网东台市供电公司', phone: CHEN.phone, posts: ['楼栋长', '平安巡逻', '红色代办员'] }, true);
  await register(GU.openid, { kind: 'member', branch: '东台市实验小学党支部', workUnit: '东台市实验小学', phone: GU.phone, posts: ['政策宣讲', '文明劝导'] }, false);
  const hospital = await register(
    'demo-unit',
    {
      kind: 'unit',
      branch: '东台市人民医院党委',
      phone: '13851234503',
      offers: [
        { title: '党员医生上门义诊', category: '医疗义诊' },
        { title: '社区健康讲座', category: '健康讲座' },
        { title: '空巢老人慢病随访', category: '助老服务' },
      ],
      commitments: [
        { title: '每月上门为空巢老人义诊', target: 12, unit: '次' },
        { title: '健康知识讲座', target: 4, unit: '场' },
      ],
    },
    true,
  );
  const power = await register(
    QIAN.openid,
    {
      kind: 'unit',
      branch: '国网东台市供电公司党委',
      phone: QIAN.phone,
      offers: [
        { title: '楼道照明电力抢修', category: '水电维修' },
        { title: '用电安全宣讲', category: '消防宣传' },
      ],
      commitments: [{ title: '老旧小区楼道线路检修', target: 20, unit: '户' }],
    },
    true,
  );
  await join('demo-unit', hospital, SHEN.openid);
  await join(QIAN.openid, power, JIANG.openid);
  await register(MA.openid, { kind: 'courier', workUnit: '美团外卖东台站', phone: MA.phone, gridId: 'g_beihai_4' }, true);
  await register(LIU.openid, { kind: 'courier', workUnit: '顺丰速运东台营业部', phone: LIU.phone, gridId: 'g_beihai_1' }, false);

  // 防汛排查: blown this afternoon, answered, closed with the hours and points credited.
  const hour = 3600_000;
  const { callout: flood } = await must('party', { action: 'callout', title: '汛期河堤排查', place: '何垛河北海段', start: now - 3 * hour, end: now + 5 * 60_000, needed: 6, posts: ['平安巡逻'], urgency: 'urgent', detail: '两人一组，沿河查看护栏和警示牌' }, STAFF);
  for (const who of ['demo-volunteer', CHEN.openid, MA.openid]) await must('party', { action: 'respond', id: flood.id, answer: 'coming' }, who);
  await must('party', { action: 'close', id: flood.id, note: '排查河堤1.2公里，更换警示牌2处' }, STAFF);

  // 夜间平安巡逻 tomorrow evening (Shanghai), open.
  const tomorrow = new Date(now + 8 * hour + 24 * hour).toISOString().slice(0, 10);
  const start = Date.parse(`${tomorrow}T19:00:00+08:00`);
  const { callout: patrol } = await must('party', { action: 'callout', title: '夜间平安巡逻', place: '北海花园北门集合', start, end: start + 2 * hour, needed: 10, posts: ['平安巡逻'], urgency: 'normal', detail: '沿范公路、北海路巡查，带好手电和红袖章' }, STAFF);
  await must('party', { action: 'respond', id: patrol.id, answer: 'coming' }, CHEN.openid);
  await must('party', { action: 'respond', id: patrol.id, answer: 'declined' }, MA.openid);
  return { confirmed: 5, pending: 2, callouts: { open: 1, closed: 1 }, joined: 2 };
}
