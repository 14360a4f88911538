import { newRequestId, ok, sdk } from '../support/cloud';
import { configureNotices } from '../support/notices';
import { memberForm, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';

async function noticesTo(openid: string): Promise<any[]> {
  const { me } = await ok('user', { action: 'me' }, openid);
  const res = await sdk().database().collection('notices').where({ to: me.id }).limit(100).get();
  return res.data as any[];
}

async function messagesTo(openid: string): Promise<any[]> {
  const res = await sdk().database().collection('outbox').where({ template_id: 'tmpl-party-callout', touser: openid }).limit(100).get();
  return res.data as any[];
}

describe('社区吹哨 reaches the registered people it asks for', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
    await configureNotices(c.admin, ['partyCallout']);
  });

  it('tells each confirmed member who took one of its posts, once for a resent whistle, and nobody else', async () => {
    const patrol = await partyMember(c, '李卫东'); // posts 平安巡逻, 助老服务
    const speaker = await residentIn(c, '周宣讲');
    const { registration } = await ok('party', memberForm({ posts: ['政策宣讲'] }), speaker);
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    const waiting = await residentIn(c, '吴待定');
    await ok('party', memberForm(), waiting);
    const bystander = await residentIn(c, '郑居民');

    const start = Date.now() + 3600_000;
    const whistle = { action: 'callout', title: '夜间平安巡逻', place: '幸福小区北门', start, end: start + 3600_000, needed: 6, posts: ['平安巡逻'], urgency: 'urgent', requestId: newRequestId() };
    const first = await ok('party', whistle, c.admin);
    const again = await ok('party', whistle, c.admin);
    expect(again.callout.id).toBe(first.callout.id);

    const notices = await noticesTo(patrol.openid);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '社区吹哨：夜间平安巡逻', body: '幸福小区北门，需要6人，请到社区吹哨报到', page: '/pages/party/callouts/index', communityId: c.id });
    const sent = await messagesTo(patrol.openid);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ thing1: { value: '夜间平安巡逻' }, thing2: { value: '幸福小区北门' }, thing4: { value: '需要6人，请到社区吹哨报到' } });
    expect(sent[0].page).toBe('pages/party/callouts/index');

    for (const someone of [speaker, waiting, bystander]) {
      expect(await noticesTo(someone)).toEqual([]);
      expect(await messagesTo(someone)).toEqual([]);
    }
  });

  it('a whistle that names no post reaches every confirmed member', async () => {
    const [a, b] = [await partyMember(c, '孙红'), await partyMember(c, '钱军')];
    const start = Date.now() + 3600_000;
    await ok('party', { action: 'callout', title: '汛期河堤排查', place: '串场河东堤', start, end: start + 7200_000, needed: 10, requestId: newRequestId() }, c.admin);
    for (const p of [a, b]) expect((await noticesTo(p.openid)).map((n) => n.title)).toContain('社区吹哨：汛期河堤排查');
  });
});
