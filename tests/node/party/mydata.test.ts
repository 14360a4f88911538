import { ok } from '../support/cloud';
import { openCallout, partTimeWorker, partyCommunity, partyMember, type PartyCommunity } from '../support/party';

describe('我的数据 carries the person’s party records', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('lists their own 报到 with its posts and their answers to call-outs, and nobody else’s', async () => {
    const member = await partyMember(c, '李卫东');
    const other = await partyMember(c, '陈卫国');
    const callout = await openCallout(c, 3);
    await ok('party', { action: 'respond', id: callout, answer: 'coming' }, member.openid);
    await ok('party', { action: 'respond', id: callout, answer: 'declined' }, other.openid);

    const data = await ok('user', { action: 'myData' }, member.openid);
    expect(data.partyRegistrations).toMatchObject({ total: 1, items: [{ id: member.registrationId, kind: '在职党员', status: '已报到', posts: ['平安巡逻', '助老服务'] }] });
    expect(data.partyRegistrations.items[0].phone).toMatch(/^137\d{8}$/);
    expect(data.calloutAnswers).toMatchObject({ total: 1, items: [{ title: '夜间平安巡逻', answer: '报到' }] });
    expect(JSON.stringify(data)).not.toContain('陈卫国');

    const none = await ok('user', { action: 'myData' }, c.admin);
    expect(none.partyRegistrations).toEqual({ total: 0, items: [] });
    expect(none.calloutAnswers).toEqual({ total: 0, items: [] });
    expect(none.gridTasks).toEqual({ total: 0, items: [] });
  });

  it('lists the grid tasks they claimed with what they reported', async () => {
    const courier = await partTimeWorker(c, '韩快递');
    const { task } = await ok('party', { action: 'publishGridTask', gridId: c.gridId, title: '查看2幢消防栓', place: '2幢东侧', dueAt: Date.now() + 3600_000, points: 4 }, c.admin);
    await ok('party', { action: 'claimGridTask', id: task.id }, courier.openid);
    await ok('party', { action: 'finishGridTask', id: task.id, note: '压力正常' }, courier.openid);
    const data = await ok('user', { action: 'myData' }, courier.openid);
    expect(data.gridTasks).toMatchObject({ total: 1, items: [{ id: task.id, title: '查看2幢消防栓', place: '2幢东侧', status: '待确认', points: 4, note: '压力正常' }] });
  });
});
