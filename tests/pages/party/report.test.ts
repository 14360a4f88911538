import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { getDoc, insertDoc } from '../support/db';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';

const REPORT = 'pages/party/report/index';
const STAFF_REPORTS = 'package-staff/pages/party-reports/index';

jest.setTimeout(120_000);

describe('年度双报告', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff generate and appraise a member’s year; the member reads it and confirms it', async () => {
    const c = await newCommunity();
    const member = await c.resident('蒋红梅');
    const { registration } = await okFn(member, 'party', { action: 'register', kind: 'member', branch: '北海社区第二党支部', workUnit: '东台市人民法院', phone: '13805150003', posts: ['政策宣讲'] });
    await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

    page = await load(STAFF_REPORTS, { openid: c.staff });
    expect(page.text()).toContain('蒋红梅 · 在职党员');
    expect(page.has(`#appraise-${registration.id}`)).toBe(false);
    await page.tap(`#generate-${registration.id}`);
    expect(page.text()).toContain('响应社区吹哨');
    await page.tap(`#appraise-${registration.id}`);
    await page.tap('#grade-excellent');
    await page.tap('#submit-appraisal');
    expect(recorded.toasts).toContain('请填写评语');
    await page.input('#comment', '政策宣讲进楼栋，群众满意');
    await page.tap('#submit-appraisal');
    expect(recorded.toasts).toContain('已评议');
    expect(page.textOf(`#grade-${registration.id}`)).toBe('评议：优秀');
    page.detach();

    page = await load(REPORT, { openid: member });
    expect(page.text()).toContain(`蒋红梅 ${year}年度报告`);
    expect(page.textOf('#appraisal')).toContain('等次：优秀（社区工作者');
    expect(page.textOf('#appraisal')).toContain('评语：政策宣讲进楼栋，群众满意');
    await page.tap('#acknowledge');
    expect(recorded.toasts).toContain('已确认');
    expect(page.textOf('#acknowledged')).toMatch(/^已于 \d{4}-\d{2}-\d{2} 确认$/);
    expect((await getDoc<any>('party_reports', `${registration.id}.${year}`))!.acknowledgedAt).toEqual(expect.any(Number));
  });

  test('a unit’s contact keeps its commitments’ progress on the report', async () => {
    const c = await newCommunity();
    const unitId = `unit_${c.id}`;
    await insertDoc('units', { _id: unitId, communityId: c.id, name: '东台市人民医院', kind: '医院' });
    const contact = await c.resident('孙医生');
    const { invite } = await okFn(c.staff, 'user', { action: 'createInvite', role: 'unit_member', unitId });
    await okFn(contact, 'user', { action: 'redeemInvite', code: invite.code });
    const { registration } = await okFn(contact, 'party', { action: 'register', kind: 'unit', branch: '东台市人民医院党委', phone: '13805150004', commitments: [{ title: '上门义诊', target: 12, unit: '次' }] });
    await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
    const commitmentId = registration.commitments[0].id;

    page = await load(REPORT, { openid: contact });
    expect(page.textOf(`#commitment-${commitmentId}`)).toBe('上门义诊0/12次');
    await page.input(`#done-${commitmentId}`, '4');
    await page.tap(`#save-${commitmentId}`);
    expect(recorded.toasts).toContain('进度已保存');
    expect(page.textOf(`#commitment-${commitmentId}`)).toBe('上门义诊4/12次');
    expect((await getDoc<any>('party_registrations', registration.id))!.commitments[0].done).toBe(4);
  });

  test('someone not yet registered is told so and offered 报到', async () => {
    const c = await newCommunity();
    page = await load(REPORT, { openid: await c.resident() });
    expect(page.text()).toContain('完成报到并经社区确认后才有年度报告');
    await page.tapText('去报到');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/party/register/index']);
  });
});
