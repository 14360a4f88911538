import { ok, sdk } from '../support/cloud';
import { configureNotices } from '../support/notices';
import { fireTimer, listsOk, newListsCommunity, rid } from '../support/lists';

jest.setTimeout(60_000);

async function noticesTo(userId: string): Promise<any[]> {
  const res = await sdk().database().collection('notices').where({ to: userId }).limit(100).get();
  return res.data as any[];
}

async function queueMessages(openid: string): Promise<any[]> {
  const res = await sdk().database().collection('outbox').where({ touser: openid, template_id: 'tmpl-staff' }).limit(100).get();
  return res.data as any[];
}

describe('staff are told of new wishes to review and requests to dispatch, in batches', () => {
  it('one message and one notice per staff member for a batch of five arrivals, nothing when nothing is new', async () => {
    const c = await newListsCommunity();
    await ok('user', { action: 'setNoticeSettings', kind: 'staffQueue', templateId: 'tmpl-staff', keywords: { matter: 'thing1', count: 'number2', at: 'time3' }, requestId: rid() }, c.admin);
    await fireTimer('tellStaff'); // what arrived before this test is someone else's batch

    for (const title of ['想学用智能手机', '家门口的路灯坏了']) {
      await ok('wish', { action: 'publish', title, content: `${title}，麻烦邻居们帮帮忙。`, category: '生活物资' }, c.resident);
    }
    for (const title of ['3幢楼道堆放杂物', '小区门口路面破损', '楼上漏水']) {
      await listsOk({ action: 'submitRequest', category: '环境清洁', title, requestId: rid() }, c.resident);
    }
    await fireTimer('tellStaff');

    const notices = await noticesTo(c.staffId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ communityId: c.id, title: '有新的事项待处理', body: '新增心愿待审核2件，诉求待派单3件，请到工作台处理', page: '/package-staff/pages/console/index' });
    const sent = await queueMessages(c.staff);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ thing1: { value: '心愿待审核2件，诉求待派单3件' }, number2: { value: '5' } });
    // Residents and volunteers hear nothing of the queues.
    expect(await queueMessages(c.resident)).toEqual([]);
    expect(await noticesTo(c.volunteerId)).toEqual([]);

    await fireTimer('tellStaff');
    expect(await noticesTo(c.staffId)).toHaveLength(1);
    expect(await queueMessages(c.staff)).toHaveLength(1);
    // The staff member reads it on 首页 too.
    expect((await ok('user', { action: 'home' }, c.staff)).notices[0]).toMatchObject({ title: '有新的事项待处理', mine: true });
  });

  it('two runs at once tell each arrival once', async () => {
    const c = await newListsCommunity();
    await configureNotices(c.admin, ['staffQueue']);
    await fireTimer('tellStaff');
    await listsOk({ action: 'submitRequest', category: '环境清洁', title: '垃圾桶满了', requestId: rid() }, c.resident);
    await Promise.all([fireTimer('tellStaff'), fireTimer('tellStaff')]);
    const notices = await noticesTo(c.staffId);
    expect(notices.map((n) => n.body)).toEqual(['新增诉求待派单1件，请到工作台处理']);
  });
});
