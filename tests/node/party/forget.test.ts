import { ok, sdk } from '../support/cloud';
import { memberForm, openCallout, partTimeWorker, partyCommunity, partyMember, residentIn } from '../support/party';

async function docOf(coll: string, id: string) {
  return (await sdk().database().collection(coll).doc(id).get()).data[0];
}

describe('注销 and the party records', () => {
  it('takes name and phone off registrations and answers, withdraws a waiting one, and gives an open place back', async () => {
    const c = await partyCommunity();
    const member = await partyMember(c, '马离开');
    const id = await openCallout(c, 3);
    await ok('party', { action: 'respond', id, answer: 'coming' }, member.openid);
    const waiting = await residentIn(c, '牛等待');
    const { registration } = await ok('party', memberForm(), waiting);

    await ok('user', { action: 'deleteAccount', confirm: '注销' }, member.openid);
    await ok('user', { action: 'deleteAccount', confirm: '注销' }, waiting);

    const kept = await docOf('party_registrations', member.registrationId);
    expect(kept).toMatchObject({ name: '已注销用户', phone: '', status: 'confirmed', branch: '东台市供电公司第一党支部' });
    expect(await docOf('party_registrations', registration.id)).toMatchObject({ name: '已注销用户', phone: '', status: 'rejected', reason: '本人已注销账号，姓名和电话已清除' });
    expect((await docOf('party_callouts', id)).comingIds).toEqual([]);
    expect(await docOf('party_responses', `${id}.${member.userId}`)).toMatchObject({ name: '已注销用户', answer: 'declined' });
    const text = JSON.stringify((await sdk().database().collection('party_registrations').where({ communityId: c.id }).get()).data);
    expect(text).not.toContain('马离开');
    expect(text).not.toContain('牛等待');
  });

  it('gives back a grid task the person held and takes their name off one they finished', async () => {
    const c = await partyCommunity();
    const courier = await partTimeWorker(c, '骆离开');
    const task = async (title: string) =>
      (await ok('party', { action: 'publishGridTask', gridId: c.gridId, title, place: '1幢门前', dueAt: Date.now() + 3600_000, points: 3 }, c.admin)).task.id as string;
    const held = await task('查看路灯');
    const done = await task('发放通知');
    for (const id of [held, done]) await ok('party', { action: 'claimGridTask', id }, courier.openid);
    await ok('party', { action: 'finishGridTask', id: done, note: '已发放' }, courier.openid);

    await ok('user', { action: 'deleteAccount', confirm: '注销' }, courier.openid);

    const back = await docOf('party_grid_tasks', held);
    expect(back).toMatchObject({ status: 'open' });
    expect(back.claimerId).toBeUndefined();
    expect(await docOf('party_grid_tasks', done)).toMatchObject({ status: 'done', claimerName: '已注销用户', result: { note: '已发放' } });
    expect(JSON.stringify((await sdk().database().collection('party_grid_tasks').where({ communityId: c.id }).get()).data)).not.toContain('骆离开');
  });
});
