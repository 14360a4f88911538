import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx, scanAnswer } from '../../setup/wx';
import { meOf, newVolunteer } from '../support/backend';
import { findDocs, insertDoc, updateDoc } from '../support/db';
import { listsCommunity } from '../support/lists';

jest.setTimeout(120_000);

const CERTIFICATE = 'pages/party/certificate/index';
const VERIFY = 'package-staff/pages/party-certificate-verify/index';

describe('志愿服务证明', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a volunteer is issued this year’s hours; staff scan its code and see it agrees, then that a record moved', async () => {
    const volunteer = await newVolunteer('cert', '李建国');
    const me = await meOf(volunteer);
    const now = Date.now();
    await insertDoc('booking_signups', { _id: `su_cert_${me.id}`, communityId: me.community!.id, activityId: 'a', userId: me.id, status: 'checked_out', checkOutAt: now - 3600_000, minutes: 150, createdAt: 0, updatedAt: 0 });

    page = await load(CERTIFICATE, { openid: volunteer });
    await page.tap('#issue');
    await page.waitForText('李建国 的志愿服务');
    expect(page.textOf('#figure-hours')).toBe('服务时长2.5 小时');
    expect(page.textOf('#figure-activities')).toBe('参加志愿活动1 次');
    const [kept] = await findDocs<any>('party_certificates', { userId: me.id });
    expect(kept.figures).toMatchObject({ minutes: 150, activities: 1 });
    expect(page.textOf('#number')).toContain(kept._id);
    // No canvas in jsdom: saving says so instead of failing silently.
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('此设备无法生成证明图片，请在手机微信中操作');
    page.detach();

    // Staff of the community scan the code printed on it.
    page = await load(VERIFY, { openid: 'demo-staff' });
    scanAnswer.value = `honglin://certificate/${kept._id}`;
    await page.tap('#scan');
    await page.waitForText('与社区服务记录一致');
    expect(page.textOf('#line-hours')).toBe('服务时长：证明 2.5 小时');

    await updateDoc('booking_signups', `su_cert_${me.id}`, { minutes: 60 });
    await page.tap('#scan');
    await page.waitForText('与现在的服务记录不一致，请核对标出的项目');
    expect(page.textOf('#line-hours')).toBe('服务时长：证明 2.5 小时，记录现为 1 小时');
  });

  test('a code that is not a certificate, or one of another community, is not taken for one', async () => {
    const other = await listsCommunity();
    const volunteer = await other.resident('周小梅');
    const me = await meOf(volunteer);
    await insertDoc('party_certificates', { _id: 'vc_00000000000000ab', communityId: me.community!.id, communityName: '别的社区', userId: me.id, name: '周小梅', from: '2026-01-01', to: '2026-02-01', figures: { wishes: 0, tickets: 0, activities: 0, callouts: 0, minutes: 0, points: 0, ratings: 0 }, issuedAt: 0 });
    page = await load(VERIFY, { openid: 'demo-staff' });
    scanAnswer.value = 'https://example.com/not-ours';
    await page.tap('#scan');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '无法识别' });
    await page.input('#number', 'vc_00000000000000ab');
    await page.tap('#submit');
    await page.idle();
    expect(recorded.modals.at(-1)).toMatchObject({ title: '核验未通过', content: '没有这份志愿服务证明，或它不是本社区开具的' });
    expect(page.has('#result')).toBe(false);
  });
});
