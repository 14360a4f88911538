import { ok, sdk } from '../support/cloud';
import { fireTimer, getDoc, lists, listsOk, newListsCommunity, rid, type ListsCommunity } from '../support/lists';

/**
 * The loop of the 三张清单, through the real SDK against the local cloud: needs flow in from an
 * approved wish and from a resident's request, the `match` job suggests with reasons, staff
 * accept, and a ticket goes 派单 → 接单 → 办结 → 评单, the resolver earning points once.
 */

let c: ListsCommunity;
let powerResource: string;
let teamResource: string;

async function publishWish(title: string, category = '维修帮办'): Promise<string> {
  const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人。`, category }, c.resident);
  await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
  return wish.id;
}

beforeAll(async () => {
  c = await newListsCommunity();
  // A co-building unit offers repairs in the first grid; a party-member team helps the elderly.
  const power = await listsOk(
    {
      action: 'saveResource',
      op: 'create',
      resource: { title: '共产党员服务队上门检修', providerKind: 'unit', categories: ['水电维修', '家电维修'], capacity: 5, period: 'week', area: { gridIds: [c.gridId] }, availability: '工作日 9:00–17:00' },
      requestId: rid(),
    },
    c.unitMember,
  );
  powerResource = power.resource.id;
  expect(power.resource).toMatchObject({ providerKind: 'unit', providerName: '测试供电所', used: 0, editable: true });
  const team = await listsOk(
    {
      action: 'saveResource',
      op: 'create',
      resource: { title: '党员志愿服务队·助老', providerKind: 'team', teamName: '党员志愿服务队', memberIds: [c.volunteerId], categories: ['助老服务', '代买代办'], capacity: 4, period: 'week', area: { gridIds: [c.gridId, c.grid2] } },
    },
    c.staff,
  );
  teamResource = team.resource.id;
});

describe('needs flow in', () => {
  it('an approved wish becomes a need by itself (timer), with its category mapped and its 同求 as people', async () => {
    const wishId = await publishWish('楼道灯坏了请帮忙修理');
    // Not yet approved wishes never appear; approved ones do once the sync runs.
    await fireTimer('syncWishes');
    const need = await getDoc('needs', `wish.${wishId}`);
    expect(need).toMatchObject({ communityId: c.id, source: 'wish', wishId, category: '水电维修', status: 'open', gridId: c.gridId, people: 1, requesterName: expect.any(String) });
    await ok('wish', { action: 'want', id: wishId }, c.volunteer);
    const page = await listsOk({ action: 'needs', source: 'wish' }, c.staff);
    const card = page.items.find((n: any) => n.id === `wish.${wishId}`);
    expect(card).toMatchObject({ source: 'wish', people: 2, status: 'open', requester: expect.stringMatching(/^居民 .\*+$/) });
    const detail = await listsOk({ action: 'need', id: `wish.${wishId}` }, c.staff);
    expect(detail.need.timeline[0]).toMatchObject({ from: null, to: 'open', by: '系统', why: '审核通过的微心愿自动进入需求清单' });
  });

  it('a pending wish does not appear; a withdrawn one is closed on the list', async () => {
    const { wish } = await ok('wish', { action: 'publish', title: '想学用智能手机', content: '想学视频通话', category: '文化学习' }, c.resident);
    await fireTimer('syncWishes');
    expect(await getDoc('needs', `wish.${wish.id}`)).toBeUndefined();
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    await listsOk({ action: 'needs' }, c.staff);
    expect(await getDoc('needs', `wish.${wish.id}`)).toMatchObject({ status: 'open', category: '电脑手机教学', wishCategory: '文化学习' });
    await ok('wish', { action: 'withdraw', id: wish.id, reason: '家里孩子教会了' }, c.resident);
    await fireTimer('syncWishes');
    expect(await getDoc('needs', `wish.${wish.id}`)).toMatchObject({ status: 'closed', wishStatus: 'withdrawn' });
  });

  it('a resident’s request enters the needs list and the dispatch queue (集单) at once, once per requestId', async () => {
    const requestId = rid();
    const input = { action: 'submitRequest', category: '水电维修', title: '厨房水龙头一直滴水', detail: '关不紧，晚上滴答响', address: '1幢2单元301', urgency: 2, people: 2, requestId };
    const first = await listsOk(input, c.resident);
    const again = await listsOk(input, c.resident);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(first.ticket).toMatchObject({ status: 'submitted', kind: 'simple', source: 'request', urgency: 2, mine: true, can: expect.arrayContaining(['cancel']), address: '1幢2单元301' });
    expect(first.ticket.deadlines.resolveBy).toBeGreaterThan(Date.now());
    const need = await getDoc('needs', first.ticket.needId);
    expect(need).toMatchObject({ source: 'request', status: 'open', ticketId: first.ticket.id, gridId: c.gridId });
    const mine = await listsOk({ action: 'tickets', scope: 'mine' }, c.resident);
    expect(mine.items.filter((t: any) => t.id === first.ticket.id)).toHaveLength(1);
    const queue = await listsOk({ action: 'tickets', scope: 'all' }, c.staff);
    expect(queue.items.map((t: any) => t.id)).toContain(first.ticket.id);
  });
});

describe('match → accept → dispatch → accept → resolve → rate', () => {
  let ticketId: string;
  let needId: string;

  it('the match job (queued, run by the timer) suggests the unit for the request, with reasons', async () => {
    const sub = await listsOk({ action: 'submitRequest', category: '家电维修', title: '老人家的电饭煲不通电', urgency: 3, requestId: rid() }, c.resident);
    ticketId = sub.ticket.id;
    needId = sub.ticket.needId;
    const { job } = await listsOk({ action: 'match', background: true, requestId: rid() }, c.staff);
    expect(job.status).toBe('queued');
    // A second run asked for meanwhile is the same job.
    expect((await listsOk({ action: 'match', background: true }, c.admin)).job.id).toBe(job.id);
    expect((await listsOk({ action: 'matchResult', jobId: job.id }, c.staff)).items).toEqual([]);
    await fireTimer('runMatchJobs');
    const res = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    expect(res.job).toMatchObject({ status: 'done', summary: { resources: 2 } });
    expect(res.job.summary.matched).toBeGreaterThanOrEqual(2);
    expect(res.job.summary.total).toBeGreaterThanOrEqual(res.job.summary.greedyTotal);
    const s = res.items.find((x: any) => x.need.id === needId);
    expect(s).toMatchObject({ status: 'proposed', resource: { id: powerResource, providerName: '测试供电所', providerKind: 'unit' }, need: { urgency: 3, source: 'request' } });
    expect(s.reasons).toEqual(expect.arrayContaining(['同网格', '技能匹配', '紧急']));
    expect(s.explanation).toBe(s.reasons.join(' · '));
    // The most valuable suggestion leads the list.
    expect(res.items[0].score).toBeGreaterThanOrEqual(res.items[res.items.length - 1].score);
  });

  it('staff accept: the ticket is dispatched to the unit, whose member accepts and resolves; the resident rates 5 stars; points once', async () => {
    const res = await listsOk({ action: 'matchResult' }, c.staff);
    const s = res.items.find((x: any) => x.need.id === needId);
    const decided = await listsOk({ action: 'decide', id: s.id, decision: 'accept', requestId: rid() }, c.staff);
    expect(decided.suggestion).toMatchObject({ status: 'accepted', decision: { ticketId, resourceId: powerResource } });
    expect(decided.ticket).toMatchObject({ id: ticketId, status: 'dispatched', assignee: '共建单位 测试供电所' });
    expect((await lists({ action: 'decide', id: s.id, decision: 'reject', reason: '重复' }, c.staff)).code).toBe('CONFLICT');
    expect(await getDoc('needs', needId)).toMatchObject({ status: 'assigned', resourceId: powerResource });
    expect((await listsOk({ action: 'resource', id: powerResource }, c.staff)).resource.used).toBe(1);
    // The unit member sees it among their tasks, with its deadline.
    const tasks = await listsOk({ action: 'tickets', scope: 'tasks' }, c.unitMember);
    expect(tasks.items.find((t: any) => t.id === ticketId)).toMatchObject({ status: 'dispatched', dueAt: expect.any(Number), overdue: false });
    expect((await lists({ action: 'resolve', id: ticketId, note: '已修好' }, c.unitMember)).code).toBe('CONFLICT');
    const accepted = await listsOk({ action: 'accept', id: ticketId, requestId: rid() }, c.unitMember);
    expect(accepted.ticket).toMatchObject({ status: 'accepted', can: expect.arrayContaining(['resolve']) });
    expect(await getDoc('needs', needId)).toMatchObject({ status: 'in_progress' });
    const resolved = await listsOk({ action: 'resolve', id: ticketId, note: '更换了电源线，已通电试用正常', photos: ['cloud://test/fix.jpg'] }, c.unitMember);
    expect(resolved.ticket).toMatchObject({ status: 'resolved', resolution: { note: '更换了电源线，已通电试用正常', photos: ['cloud://test/fix.jpg'] } });
    expect((await lists({ action: 'rate', id: ticketId, stars: 5 }, c.unitMember)).code).toBe('FORBIDDEN');
    const rateId = rid();
    const rated = await listsOk({ action: 'rate', id: ticketId, stars: 5, comment: '师傅很专业', requestId: rateId }, c.resident);
    expect(rated).toMatchObject({ pointsAwarded: 5, ticket: { status: 'closed', rating: { stars: 5, comment: '师傅很专业' } } });
    // The same request again answers the same; another rating is refused; points stay once.
    expect((await listsOk({ action: 'rate', id: ticketId, stars: 5, comment: '师傅很专业', requestId: rateId }, c.resident)).pointsAwarded).toBe(5);
    expect((await lists({ action: 'rate', id: ticketId, stars: 4 }, c.resident)).code).toBe('CONFLICT');
    const db = sdk().database();
    const entries = await db.collection('points_entries').where({ 'source.type': 'ticket', 'source.id': ticketId }).get();
    expect(entries.data).toHaveLength(1);
    expect(entries.data[0]).toMatchObject({ userId: c.unitMemberId, amount: 5, kind: 'earn' });
    expect((await ok('points', { action: 'balance' }, c.unitMember)).balance).toBe(5);
    expect(await getDoc('needs', needId)).toMatchObject({ status: 'done' });
    // Every step is on the timeline: who, when, from, to, why.
    const { ticket } = await listsOk({ action: 'ticket', id: ticketId }, c.resident);
    expect(ticket.timeline.filter((e: any) => e.field === 'status').map((e: any) => [e.from, e.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'dispatched'],
      ['dispatched', 'accepted'],
      ['accepted', 'resolved'],
      ['resolved', 'closed'],
    ]);
    for (const e of ticket.timeline) expect(e).toMatchObject({ at: expect.any(Number), by: expect.any(String) });
    expect(ticket.timeline[1].why).toMatch(/采纳匹配建议，派单给共建单位 测试供电所（同网格 · 技能匹配/);
    const text = JSON.stringify(ticket);
    for (const secret of ['欧阳春花', c.worker.phone, 'openid', 'phone', c.workerOpenid, c.unitMember, c.resident]) expect(text).not.toContain(secret);
  });

  it('routed by grid by default: dispatch goes to the grid worker; 1–2 stars reopen with the reason, the second resolution earns points once', async () => {
    const sub = await listsOk({ action: 'submitRequest', category: '环境清洁', title: '楼道堆放杂物', detail: '3楼楼道堆满纸箱，有消防隐患', requestId: rid() }, c.resident);
    const id = sub.ticket.id;
    const d = await listsOk({ action: 'dispatch', id, requestId: rid() }, c.staff);
    // Staff read whom they sent it to by full name; the resident reads it masked.
    expect(d.ticket).toMatchObject({ status: 'dispatched', assignee: '网格员 欧阳春花' });
    expect((await listsOk({ action: 'ticket', id }, c.resident)).ticket.assignee).toBe('网格员 欧**');
    // A resident's request is not for everyone to see: to someone not on it, it does not exist.
    expect((await lists({ action: 'accept', id }, c.unitMember)).code).toBe('NOT_FOUND');
    await listsOk({ action: 'accept', id }, c.workerOpenid);
    await listsOk({ action: 'resolve', id, note: '已联系住户清理' }, c.workerOpenid);
    expect((await lists({ action: 'rate', id, stars: 2 }, c.resident)).code).toBe('INVALID_ARGUMENT');
    const low = await listsOk({ action: 'rate', id, stars: 2, reason: '只清了一半，纸箱还在' }, c.resident);
    expect(low).toMatchObject({ pointsAwarded: 0, ticket: { status: 'accepted', reopened: 1, duePhase: 'resolve' } });
    expect(low.ticket.timeline.at(-1)).toMatchObject({ from: 'resolved', to: 'accepted', why: '评价2星，重新办理：只清了一半，纸箱还在' });
    await listsOk({ action: 'resolve', id, note: '已全部清理并张贴提示' }, c.workerOpenid);
    const good = await listsOk({ action: 'rate', id, stars: 4 }, c.resident);
    expect(good).toMatchObject({ pointsAwarded: 5, ticket: { status: 'closed', reopened: 1 } });
    const entries = await sdk().database().collection('points_entries').where({ 'source.id': id }).get();
    expect(entries.data).toHaveLength(1);
    expect(entries.data[0].userId).toBe(c.workerId);
  });

  it('a wish dispatched to a team follows the wall: the claim accepts it, the proof resolves it, the confirmation closes it', async () => {
    const wishId = await publishWish('想请人帮忙买菜', '助老助残');
    const { job } = await listsOk({ action: 'match' }, c.staff);
    // A small community runs at once, through the same claim the timer uses.
    expect(job.status).toBe('done');
    const res = await listsOk({ action: 'matchResult', jobId: job.id, status: 'proposed' }, c.staff);
    const s = res.items.find((x: any) => x.need.id === `wish.${wishId}`);
    expect(s).toMatchObject({ resource: { id: teamResource, providerName: '党员志愿服务队' }, need: { source: 'wish' } });
    const { ticket } = await listsOk({ action: 'decide', id: s.id, decision: 'accept', kind: 'complex' }, c.staff);
    expect(ticket).toMatchObject({ status: 'dispatched', kind: 'complex', wishId, assignee: '党员志愿服务队', deadlines: { acceptBy: expect.any(Number) } });
    expect((await listsOk({ action: 'tickets', scope: 'tasks' }, c.volunteer)).items.map((t: any) => t.id)).toContain(ticket.id);
    await ok('wish', { action: 'claim', id: wishId }, c.volunteer);
    await fireTimer('syncWishes');
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ status: 'accepted', acceptedBy: c.volunteerId });
    expect((await lists({ action: 'resolve', id: ticket.id, note: '买好了' }, c.volunteer)).code).toBe('FAILED_PRECONDITION');
    await ok('wish', { action: 'submitProof', id: wishId, note: '已送菜上门' }, c.volunteer);
    await fireTimer('syncWishes');
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ status: 'resolved' });
    await ok('wish', { action: 'confirm', id: wishId }, c.resident);
    await fireTimer('syncWishes');
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ status: 'closed' });
    expect(await getDoc('needs', `wish.${wishId}`)).toMatchObject({ status: 'done', wishStatus: 'completed' });
    // The wish earned its points on the wall; the ticket adds none.
    const entries = await sdk().database().collection('points_entries').where({ 'source.id': ticket.id }).get();
    expect(entries.data).toHaveLength(0);
  });

  it('reject keeps the need open; a need may instead join a project, which a unit claims (once)', async () => {
    const a = await listsOk({ action: 'addNeed', category: '助老服务', title: '空巢老人需要每周探访', gridId: c.gridId, visitGroup: '空巢独居老人', urgency: 2 }, c.workerOpenid);
    const b = await listsOk({ action: 'addNeed', category: '代买代办', title: '独居老人代买药', gridId: c.gridId, visitGroup: '空巢独居老人' }, c.staff);
    const { project } = await listsOk({ action: 'saveProject', op: 'create', project: { title: '空巢老人关爱行动', description: '每周探访、代买代办', category: '助老服务', gridIds: [c.gridId] } }, c.staff);
    const { job } = await listsOk({ action: 'match' }, c.staff);
    const res = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    const sa = res.items.find((x: any) => x.need.id === a.need.id);
    const sb = res.items.find((x: any) => x.need.id === b.need.id);
    expect(sa && sb).toBeTruthy();
    expect(sa.reasons).toContain('较急');
    await listsOk({ action: 'decide', id: sa.id, decision: 'reject', reason: '老人已由亲属照顾' }, c.staff);
    expect(await getDoc('needs', a.need.id)).toMatchObject({ status: 'open' });
    const joined = await listsOk({ action: 'decide', id: sb.id, decision: 'adjust', projectId: project.id }, c.staff);
    expect(joined.suggestion).toMatchObject({ status: 'adjusted', decision: { projectId: project.id } });
    expect(await getDoc('needs', b.need.id)).toMatchObject({ status: 'in_project', projectId: project.id });
    expect((await listsOk({ action: 'matchResult', jobId: job.id, status: 'rejected' }, c.staff)).items.map((x: any) => x.id)).toEqual([sa.id]);
    expect((await lists({ action: 'claimProject', id: project.id }, c.unitMember)).code).toBe('CONFLICT');
    await listsOk({ action: 'saveProject', op: 'publish', id: project.id }, c.staff);
    const visible = await listsOk({ action: 'projects' }, c.resident);
    expect(visible.items.find((p: any) => p.id === project.id)).toMatchObject({ status: 'recruiting', needCount: 1 });
    const claimed = await listsOk({ action: 'claimProject', id: project.id }, c.unitMember);
    expect(claimed.project).toMatchObject({ ownerUnit: { id: c.unitId, name: '测试供电所' }, can: expect.arrayContaining(['start']) });
    await listsOk({ action: 'saveProject', op: 'start', id: project.id }, c.unitMember);
    const done = await listsOk({ action: 'saveProject', op: 'complete', id: project.id }, c.unitMember);
    expect(done.project).toMatchObject({ status: 'done' });
    expect(await getDoc('needs', b.need.id)).toMatchObject({ status: 'done' });
    expect(done.project.timeline.filter((e: any) => e.field === 'status').map((e: any) => e.to)).toEqual(['planned', 'recruiting', 'in_progress', 'done']);
  });

  it('five or more open needs of one category and grid are suggested as a project', async () => {
    for (let i = 0; i < 5; i++) await listsOk({ action: 'addNeed', category: '心理疏导', title: `困难家庭心理疏导${i + 1}`, gridId: c.grid2, people: 2 }, c.staff);
    const { job } = await listsOk({ action: 'match' }, c.staff);
    const res = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    const p = res.projects.find((x: any) => x.category === '心理疏导');
    expect(p).toMatchObject({ gridId: c.grid2, gridName: '第二网格', people: 10, explanation: expect.stringMatching(/^同网格同类需求5条 · 共10人/) });
    expect(p.needIds).toHaveLength(5);
    const created = await listsOk({ action: 'saveProject', op: 'create', project: { title: '困难家庭心理关爱项目', description: '集中开展心理疏导', category: '心理疏导', gridIds: [c.grid2], needIds: p.needIds } }, c.staff);
    expect(created.project).toMatchObject({ needCount: 5, people: 10, status: 'planned' });
  });

  it('CSV export pages the lists for the office, defusing formulas, masking names', async () => {
    await listsOk({ action: 'addNeed', category: '矛盾调解', title: '=HYPERLINK("x")邻里噪音纠纷', gridId: c.gridId }, c.staff);
    const first = await listsOk({ action: 'export', list: 'needs' }, c.staff);
    expect(first.csv.startsWith('\ufeff编号,来源,服务类别,标题,网格')).toBe(true);
    expect(first.csv).toContain(`"'=HYPERLINK(""x"")邻里噪音纠纷"`);
    expect(first.rows).toBeGreaterThan(5);
    expect(first.csv).not.toMatch(/欧阳春花/);
    const t = await listsOk({ action: 'export', list: 'tickets' }, c.staff);
    expect(t.csv).toMatch(/是否按时/);
    expect(t.csv).toMatch(/按时/);
    for (const list of ['resources', 'projects']) expect((await listsOk({ action: 'export', list }, c.staff)).rows).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(100 * 1024);
  });
});
