import type { Doc } from '../emulator/db/codec';
import { DAY_MS } from '../server/core/time';
import type { CapacityPeriod, ProviderKind, ServiceArea, TicketKind, Urgency, VisitGroup } from '../typings/lists';
import { EVENTS, NEEDS, PROJECTS, RESOURCES, STATE, TICKETS, type EventDoc, type NeedDoc, type ProjectDoc, type ResourceDoc, type StateDoc, type TicketDoc } from '../server/lists/model';
import { derive, ticketFor } from '../server/lists/tickets';
import { DEFAULT_DEADLINE_HOURS } from '../server/lists/deadlines';
import { BASE_CALENDAR } from '../server/core/calendar';
import type { UserDoc } from '../server/user/model';
import { DEMO_COMMUNITY, DEMO_GRIDS, DEMO_UNITS, DEMO_USERS } from './community';

/** The demo community starts without calendar corrections, on the default 24-hour rule. */
const SEED_RULES = { calendar: BASE_CALENDAR, hours: DEFAULT_DEADLINE_HOURS };

/**
 * The demo community's 三张清单, from the seed reports: the co-building units' offers (党员医生义诊,
 * 共产党员服务队上门检修, 四点半课堂, 法官进社区), the 党员志愿服务队 and the 红色代办员 of
 * "居民下单—社区派单—红色代办员接单", needs found on 五必访 visits, residents' requests at each step
 * of 集单—派单—接单—办结—评单, and the 老旧小区加装电梯 project of 冷冻厂宿舍 ("实施'吹哨报到'机制后,
 * 东台最早开发的小区冷冻厂宿舍顺利安装了电梯").
 */

const ALL_GRIDS = DEMO_GRIDS.map((g) => g._id);
const CENTER = { lat: DEMO_COMMUNITY.center.coordinates[1], lng: DEMO_COMMUNITY.center.coordinates[0] };
const userId = (openid: string) => {
  const u = DEMO_USERS.find((x) => x.openid === openid);
  if (!u) throw new Error(`seed lists: unknown demo user ${openid}`);
  return u;
};

interface SeedResource {
  _id: string;
  title: string;
  description: string;
  providerKind: ProviderKind;
  unitId?: string;
  teamName?: string;
  memberOpenids?: string[];
  volunteerOpenid?: string;
  categories: string[];
  capacity: number;
  period: CapacityPeriod;
  area: ServiceArea;
  availability: string;
}

export const DEMO_RESOURCES: SeedResource[] = [
  {
    _id: 'rs_beihai_clinic',
    title: '党员医生健康义诊',
    description: '东台市人民医院党员医生进社区：测血压血糖、慢病随访、用药指导，行动不便的老人可上门。',
    providerKind: 'unit',
    unitId: 'unit_hospital',
    categories: ['医疗义诊', '健康讲座', '陪同就医'],
    capacity: 6,
    period: 'week',
    area: { gridIds: ALL_GRIDS },
    availability: '每周三上午 8:30–11:30',
  },
  {
    _id: 'rs_beihai_power',
    title: '共产党员服务队上门检修',
    description: '国网东台市供电公司共产党员服务队：线路、插座、漏电保护检查，小家电维修，楼道照明抢修。',
    providerKind: 'unit',
    unitId: 'unit_power',
    categories: ['水电维修', '家电维修', '安全巡查'],
    capacity: 5,
    period: 'week',
    area: { gridIds: ALL_GRIDS },
    availability: '工作日 9:00–17:00，急修随叫随到',
  },
  {
    _id: 'rs_beihai_school',
    title: '“四点半课堂”课后托管',
    description: '东台市实验小学志愿教师：放学后作业辅导、阅读和手工，优先照顾双职工和留守儿童家庭。',
    providerKind: 'unit',
    unitId: 'unit_school',
    categories: ['课业辅导', '儿童托管'],
    capacity: 10,
    period: 'week',
    area: { gridIds: ['g_beihai_1', 'g_beihai_2', 'g_beihai_3', 'g_beihai_5'] },
    availability: '上学日 16:30–18:00',
  },
  {
    _id: 'rs_beihai_court',
    title: '法官进社区',
    description: '东台市人民法院法官坐班：婚姻家庭、邻里纠纷、劳动争议咨询和诉前调解。',
    providerKind: 'unit',
    unitId: 'unit_court',
    categories: ['法律咨询', '矛盾调解', '反诈宣传'],
    capacity: 4,
    period: 'month',
    area: { center: CENTER, radiusM: 3000 },
    availability: '每周三下午 14:00–17:00',
  },
  {
    _id: 'rs_beihai_partyteam',
    title: '党员志愿服务队·助老帮扶',
    description: '北海社区党员志愿服务队：为空巢、独居老人代买代办、打扫卫生、陪伴聊天，点亮微心愿。',
    providerKind: 'team',
    teamName: '北海社区党员志愿服务队',
    memberOpenids: ['demo-volunteer'],
    categories: ['助老服务', '环境清洁', '物资捐赠'],
    capacity: 8,
    period: 'week',
    area: { gridIds: ALL_GRIDS },
    availability: '每周六上午，工作日晚上可预约',
  },
  {
    _id: 'rs_beihai_agents',
    title: '红色代办员·预约代办',
    description: '居民下单、社区派单、红色代办员接单：社保医保、证明材料、缴费等事项网上预约、线下代办。',
    providerKind: 'team',
    teamName: '红色代办员',
    memberOpenids: ['demo-volunteer', 'demo-gridworker'],
    categories: ['代买代办', '政策咨询', '陪同就医'],
    capacity: 10,
    period: 'week',
    area: { gridIds: ALL_GRIDS },
    availability: '工作日 8:30–17:30，周六上午',
  },
  {
    _id: 'rs_beihai_phone',
    title: '手把手教老人用智能手机',
    description: '志愿者李建华：健康码、视频通话、网上缴费、识别诈骗电话。',
    providerKind: 'volunteer',
    volunteerOpenid: 'demo-volunteer',
    categories: ['电脑手机教学', '反诈宣传'],
    capacity: 3,
    period: 'week',
    area: { gridIds: ['g_beihai_2', 'g_beihai_3'] },
    availability: '周末下午',
  },
];

interface SeedNeed {
  _id: string;
  source: 'request' | 'visit';
  category: string;
  title: string;
  detail: string;
  gridId: string;
  address: string;
  urgency: Urgency;
  people: number;
  visitGroup?: VisitGroup;
  requesterOpenid?: string;
  daysAgo: number;
  /** A request's ticket: how far along 集单—派单—接单—办结—评单 it is. */
  ticket?: { stage: 'submitted' | 'dispatched' | 'accepted' | 'closed'; kind: TicketKind; stars?: number };
}

export const DEMO_NEEDS: SeedNeed[] = [
  {
    _id: 'nd_beihai_v1',
    source: 'visit',
    category: '管道疏通',
    title: '空巢老人家厨房下水道堵塞',
    detail: '网格员五必访时发现：3幢独居的周奶奶家厨房下水道堵了一周，老人自己疏通不了。',
    gridId: 'g_beihai_1',
    address: '冷冻厂宿舍3幢2单元101',
    urgency: 2,
    people: 1,
    visitGroup: '空巢独居老人',
    daysAgo: 3,
  },
  {
    _id: 'nd_beihai_v2',
    source: 'visit',
    category: '代买代办',
    title: '独居老人每周需要代买降压药',
    detail: '10幢独居老人腿脚不便，需每周到药店代买降压药，并帮忙办理慢病医保备案。',
    gridId: 'g_beihai_3',
    address: '北海新村10幢1单元302',
    urgency: 2,
    people: 1,
    visitGroup: '空巢独居老人',
    daysAgo: 6,
  },
  {
    _id: 'nd_beihai_v3',
    source: 'visit',
    category: '儿童托管',
    title: '留守儿童放学后无人看护',
    detail: '望海苑两户留守儿童，父母在外务工，爷爷奶奶接送后辅导不了作业。',
    gridId: 'g_beihai_5',
    address: '望海苑13幢',
    urgency: 1,
    people: 2,
    visitGroup: '留守妇女儿童',
    daysAgo: 8,
  },
  {
    _id: 'nd_beihai_v4',
    source: 'visit',
    category: '心理疏导',
    title: '困难家庭需要心理疏导',
    detail: '西溪小区一户因病致贫家庭，家属情绪低落，希望有专业人员上门谈心。',
    gridId: 'g_beihai_6',
    address: '西溪小区17幢',
    urgency: 1,
    people: 3,
    visitGroup: '困难人群',
    daysAgo: 12,
  },
  {
    _id: 'nd_beihai_v5',
    source: 'visit',
    category: '陪同就医',
    title: '独居老人每月复查需要有人陪同',
    detail: '网格员五必访时了解到：望海苑13幢独居的陈大爷患高血压，每月到市人民医院复查，子女在外地，需要有人陪同就医。',
    gridId: 'g_beihai_5',
    address: '望海苑13幢1单元201',
    urgency: 1,
    people: 1,
    visitGroup: '空巢独居老人',
    daysAgo: 2,
  },
  {
    _id: 'nd_beihai_r1',
    source: 'request',
    category: '水电维修',
    title: '楼道声控灯坏了',
    detail: '2幢3单元三楼到五楼的声控灯都不亮，晚上老人上下楼看不见，怕摔跤。',
    gridId: 'g_beihai_1',
    address: '冷冻厂宿舍2幢3单元',
    urgency: 2,
    people: 6,
    requesterOpenid: 'demo-resident',
    daysAgo: 0,
    ticket: { stage: 'submitted', kind: 'simple' },
  },
  {
    _id: 'nd_beihai_r2',
    source: 'request',
    category: '房屋修缮',
    title: '小区门口人行道地砖松动',
    detail: '冷冻厂宿舍大门口人行道有几块地砖松动翘起，下雨天踩上去溅水，推轮椅过不去。',
    gridId: 'g_beihai_1',
    address: '冷冻厂宿舍南大门',
    urgency: 1,
    people: 20,
    requesterOpenid: 'demo-resident',
    daysAgo: 1,
    ticket: { stage: 'accepted', kind: 'complex' },
  },
  {
    _id: 'nd_beihai_r3',
    source: 'request',
    category: '政策咨询',
    title: '咨询高龄津贴怎么申领',
    detail: '母亲今年满80周岁，想了解高龄津贴需要准备哪些材料、在哪里办理。',
    gridId: 'g_beihai_1',
    address: '冷冻厂宿舍1幢',
    urgency: 1,
    people: 1,
    requesterOpenid: 'demo-resident',
    daysAgo: 9,
    ticket: { stage: 'closed', kind: 'simple', stars: 5 },
  },
];

export const DEMO_PROJECTS = [
  {
    _id: 'pj_beihai_elevator',
    title: '冷冻厂宿舍老旧小区加装电梯',
    description:
      '冷冻厂宿舍是东台最早开发的小区，60岁以上老人多，上下楼不便。社区“吹哨”、部门“报到”，党员中心户上门做工作、' +
      '协商出资比例，招募共建单位认领勘察、线路迁改和施工协调。',
    category: '房屋修缮',
    gridIds: ['g_beihai_1'],
    status: 'recruiting' as const,
    people: 48,
    plannedStart: '2026-03-01',
    plannedEnd: '2026-12-31',
  },
  {
    _id: 'pj_beihai_road',
    title: '北海新村6号、10号楼周边道路提升改造',
    description: '6号、10号楼周边路面狭窄、坑洼，缺少非机动车停车位。党支部征集居民意见后提升改造，拓宽路面、增设停车位。',
    category: '房屋修缮',
    gridIds: ['g_beihai_3'],
    status: 'in_progress' as const,
    ownerUnitId: 'unit_power',
    people: 120,
    plannedStart: '2026-04-01',
    plannedEnd: '2026-09-30',
  },
];

export function seedLists(put: (coll: string, doc: Doc) => void, now = Date.now()): void {
  const c = DEMO_COMMUNITY._id;
  const staff = userId('demo-staff');
  const event = (target: EventDoc['target'], targetId: string, at: number, from: string | null, to: string, by: string, why: string) => {
    const e: EventDoc = { _id: `${targetId}.${at}.seed${to}`, communityId: c, target, targetId, at, field: 'status', from, to, byUserId: 'seed', byLabel: by, why };
    put(EVENTS, e as unknown as Doc);
  };
  for (const r of DEMO_RESOURCES) {
    const unit = r.unitId ? DEMO_UNITS.find((u) => u._id === r.unitId) : undefined;
    if (r.unitId && !unit) throw new Error(`seed resource ${r._id}: unknown unit ${r.unitId}`);
    const volunteer = r.volunteerOpenid ? userId(r.volunteerOpenid) : undefined;
    const doc: ResourceDoc = {
      _id: r._id,
      communityId: c,
      title: r.title,
      description: r.description,
      providerKind: r.providerKind,
      providerId: unit ? `unit:${unit._id}` : volunteer ? `volunteer:${volunteer._id}` : `team:${r.teamName}`,
      providerName: unit?.name ?? volunteer?.displayName ?? r.teamName!,
      ...(unit ? { unitId: unit._id } : {}),
      ...(r.memberOpenids ? { memberIds: r.memberOpenids.map((o) => userId(o)._id) } : {}),
      ...(volunteer ? { userId: volunteer._id } : {}),
      categories: r.categories,
      capacity: r.capacity,
      period: r.period,
      area: r.area,
      availability: r.availability,
      status: 'active',
      createdBy: staff._id,
      createdAt: now - 30 * DAY_MS,
      updatedAt: now - 30 * DAY_MS,
    };
    put(RESOURCES, doc as unknown as Doc);
    event('resource', r._id, doc.createdAt, null, 'active', '社区工作者', '登记资源');
  }

  for (const n of DEMO_NEEDS) {
    const at = now - n.daysAgo * DAY_MS - 2 * 3600 * 1000;
    const requester = n.requesterOpenid ? userId(n.requesterOpenid) : undefined;
    const need: NeedDoc = {
      _id: n._id,
      communityId: c,
      source: n.source,
      category: n.category,
      title: n.title,
      detail: n.detail,
      gridId: n.gridId,
      address: n.address,
      photos: [],
      urgency: n.urgency,
      people: n.people,
      status: 'open',
      ...(requester ? { requesterId: requester._id, requesterName: requester.displayName } : {}),
      ...(n.visitGroup ? { visitGroup: n.visitGroup } : {}),
      createdBy: requester?._id ?? userId('demo-gridworker')._id,
      createdAt: at,
      updatedAt: at,
    };
    event('need', n._id, at, null, 'open', requester ? '居民 王**' : '网格员 周**', n.visitGroup ? `走访录入（五必访·${n.visitGroup}）` : '居民提交诉求');
    if (n.ticket) {
      const worker = userId('demo-gridworker');
      let t: TicketDoc = ticketFor(need, `tk_${n._id.slice(3)}`, n.ticket.kind, at, { _id: (requester ?? staff)._id } as UserDoc, at, SEED_RULES);
      event('ticket', t._id, at, null, 'submitted', '居民 王**', '居民提交诉求（集单）');
      const stage = n.ticket.stage;
      if (stage !== 'submitted') {
        const dispatchedAt = at + 3600 * 1000;
        t = { ...t, status: 'dispatched', assignee: { kind: 'grid_worker', userId: worker._id, label: '网格员 周**' }, dispatchedAt, updatedAt: dispatchedAt };
        event('ticket', t._id, dispatchedAt, 'submitted', 'dispatched', '社区工作者', '派单给网格员 周**');
        const acceptedAt = dispatchedAt + 1800 * 1000;
        t = { ...t, status: 'accepted', acceptedAt, acceptedBy: worker._id, updatedAt: acceptedAt };
        event('ticket', t._id, acceptedAt, 'dispatched', 'accepted', '网格员 周**', '接单');
      }
      if (stage === 'closed') {
        const resolvedAt = at + 5 * 3600 * 1000;
        const note = '已电话告知所需材料（身份证、户口本、银行卡），并预约周三上午在党群服务中心一站式窗口办理。';
        t = { ...t, status: 'resolved', resolvedAt, resolvedBy: worker._id, resolution: { note, photos: [], at: resolvedAt, byLabel: '网格员 周**' }, updatedAt: resolvedAt };
        event('ticket', t._id, resolvedAt, 'accepted', 'resolved', '网格员 周**', note);
        const closedAt = resolvedAt + 3600 * 1000;
        t = { ...t, status: 'closed', closedAt, rating: { stars: n.ticket.stars ?? 5, comment: '网格员很耐心，材料一次就备齐了', at: closedAt }, updatedAt: closedAt };
        event('ticket', t._id, closedAt, 'resolved', 'closed', '居民 王**', `评价${n.ticket.stars ?? 5}星`);
      }
      t = derive(t, BASE_CALENDAR);
      need.ticketId = t._id;
      need.status = stage === 'submitted' ? 'open' : stage === 'closed' ? 'done' : 'in_progress';
      put(TICKETS, t as unknown as Doc);
    }
    put(NEEDS, need as unknown as Doc);
  }

  for (const p of DEMO_PROJECTS) {
    const at = now - 60 * DAY_MS;
    const doc: ProjectDoc = { ...p, communityId: c, needIds: [], createdBy: staff._id, createdAt: at, updatedAt: at };
    put(PROJECTS, doc as unknown as Doc);
    event('project', p._id, at, null, 'planned', '社区工作者', '建立项目');
    event('project', p._id, at + DAY_MS, 'planned', 'recruiting', '社区工作者', '发布项目，招募共建单位认领');
    if (p.status === 'in_progress') event('project', p._id, at + 2 * DAY_MS, 'recruiting', 'in_progress', '共建单位 国网东台市供电公司', '项目启动实施');
  }

  const state: StateDoc = { _id: c, secretaryId: staff._id, updatedAt: now };
  put(STATE, state as unknown as Doc);
}
