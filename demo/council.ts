import type { Call } from './alive';

/**
 * 议事协商 in the demo community, one topic at each stage, in the seed reports' words: a 民意小圆桌
 * and a 阳光议事会, a 睦邻议事 on charging posts, and the vote on where to build the pavilion (凉亭),
 * decided by the households and turned into a project on the projects list.
 */

const STAFF = 'demo-staff';
const RESIDENT = 'demo-resident';

/** Where the demo's residents live: building and room make the household that votes. */
const HOMES: Array<{ openid: string; gridId: string; building: string; room: string }> = [
  { openid: RESIDENT, gridId: 'g_beihai_1', building: '2幢', room: '3单元201室' },
  { openid: 'demo-neighbour-1', gridId: 'g_beihai_1', building: '2幢', room: '3单元302室' },
  { openid: 'demo-neighbour-2', gridId: 'g_beihai_2', building: '6幢', room: '1单元101室' },
  { openid: 'demo-neighbour-3', gridId: 'g_beihai_3', building: '9幢', room: '2单元402室' },
  { openid: 'demo-neighbour-4', gridId: 'g_beihai_5', building: '13幢', room: '1单元201室' },
  { openid: 'demo-neighbour-5', gridId: 'g_beihai_6', building: '17幢', room: '2单元501室' },
];

export interface CouncilLife {
  stages: string[];
  projectId: string;
}

export async function bringCouncilToLife(call: Call, now: number): Promise<CouncilLife> {
  const must = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const res = await call(fn, event, openid);
    if (!res.ok) throw new Error(`demo: ${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  const day = 24 * 3600_000;
  const raise = async (title: string, background: string, options: string[] = []) =>
    (await must('council', { action: 'propose', title, background, options, area: { scope: 'community' } }, STAFF)).topic.id as string;
  const vote = (id: string, picks: Array<[string, string]>) => Promise.all(picks.map(([who, optionId]) => must('council', { action: 'vote', id, optionId }, who)));
  for (const h of HOMES) await must('user', { action: 'chooseGrid', gridId: h.gridId, building: h.building, room: h.room }, h.openid);

  // 落实: the pavilion, decided by the households and now a project.
  const pavilion = await raise('北海花园建一座凉亭', '老人们夏天在树荫下乘凉、下棋，雨天没处躲。社区想建一座凉亭，请大家商量建在哪里。', ['东侧空地', '北门小游园']);
  await must('council', { action: 'setMeeting', id: pavilion, at: now - 12 * day, place: '社区党群服务中心', attendees: '居民代表12人、网格员、物业公司、业主治理小组', minutes: '阳光议事会：多数代表倾向东侧空地，离老年活动室近；北门小游园噪音会影响住户。交由各户表决。' }, STAFF);
  await must('council', { action: 'openVote', id: pavilion, options: ['东侧空地', '北门小游园', '暂不建设'], ballot: 'secret', quorum: 3, threshold: 50, closesAt: now + day }, STAFF);
  await vote(pavilion, [[RESIDENT, 'o1'], ['demo-neighbour-2', 'o1'], ['demo-neighbour-3', 'o2'], ['demo-neighbour-4', 'o1'], ['demo-neighbour-5', 'o1']]);
  await must('council', { action: 'closeVote', id: pavilion }, STAFF);
  await must('council', { action: 'publish', id: pavilion, decision: '凉亭建在北海花园东侧空地，社区联系共建单位出资，年内完工。' }, STAFF);
  const { topic: built } = await must('council', { action: 'implement', id: pavilion, category: '绿化养护' }, STAFF);

  // 公示: settled at a 民意小圆桌, no vote needed.
  const clutter = await raise('楼道堆物集中清理', '部分楼道堆放纸箱、旧家具，既挡路又有消防隐患。');
  await must('council', { action: 'setMeeting', id: clutter, at: now - 5 * day, place: '2幢楼下', attendees: '2幢居民代表、网格员、消防志愿者', minutes: '民意小圆桌：同意本月底前各户自行清理，逾期由物业统一清运。' }, STAFF);
  await must('council', { action: 'publish', id: clutter, decision: '本月底前各户自行清理楼道堆物，之后由物业统一清运。' }, STAFF);

  // 表决: where the charging posts go (睦邻议事), two households have voted.
  const charging = await raise('电动车充电桩选址', '电动车在楼道充电不安全，社区计划统一安装充电桩，请大家选个地方。', ['北门车棚', '9幢西侧空地']);
  await must('council', { action: 'openVote', id: charging, options: ['北门车棚', '9幢西侧空地'], ballot: 'open', quorum: 5, threshold: 50, closesAt: now + 5 * day }, STAFF);
  await vote(charging, [['demo-neighbour-3', 'o2'], ['demo-neighbour-1', 'o1']]);

  // 协商: a 民意小圆桌 next week on lifts for the old blocks.
  const lift = await raise('老旧楼栋加装电梯', '5至8幢是没有电梯的六层楼，高层住的老人多，想了解大家对加装电梯和分摊费用的意见。');
  await must('council', { action: 'setMeeting', id: lift, at: now + 6 * day, place: '第二网格议事点（6幢架空层）', attendees: '5至8幢居民代表、网格员、住建部门工作人员' }, STAFF);

  // 征集: views gathered on the square's evening dancing.
  const dance = await raise('广场舞音乐音量和时间', '有居民反映晚上广场舞音乐太响，也有居民希望继续跳，想听听大家的意见。');
  await must('council', { action: 'comment', id: dance, text: '跳舞可以，晚上八点半以后把音量调小一点就好。' }, 'demo-neighbour-2');
  await must('council', { action: 'comment', id: dance, text: '我家孩子要上网课，希望九点前结束。' }, 'demo-neighbour-1');

  // 联名: a resident's own proposal, gathering co-signers.
  const { topic: benches } = await must('council', { action: 'propose', title: '小区门口增设休息座椅', background: '老人买菜回来走到小区门口要歇一歇，想在门口放几张座椅。', area: { scope: 'community' } }, RESIDENT);
  await must('council', { action: 'cosign', id: benches.id }, 'demo-neighbour-1');
  await must('council', { action: 'cosign', id: benches.id }, 'demo-neighbour-4');

  const stages = [];
  for (const id of [pavilion, clutter, charging, lift, dance, benches.id]) stages.push((await must('council', { action: 'topic', id }, RESIDENT)).topic.stage);
  return { stages, projectId: built.project.id };
}
