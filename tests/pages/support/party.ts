import { okFn } from './backend';
import type { TestCommunity } from './community';
import { insertDoc } from './db';

/** A party member of the community whose 双报到 staff confirmed (平安巡逻 post). */
export async function partyMember(c: TestCommunity, name: string, branch = '北海社区第一党支部'): Promise<string> {
  const openid = await c.resident(name);
  const { registration } = await okFn(openid, 'party', { action: 'register', kind: 'member', branch, workUnit: '东台市实验小学', phone: '13805150001', posts: ['平安巡逻'] });
  await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
  return openid;
}

/** A unit of the community and its contact, invited by staff as its member. */
export async function unitOf(c: TestCommunity): Promise<{ unitId: string; contact: string }> {
  const unitId = `${c.id}_unit`;
  await insertDoc('units', { _id: unitId, communityId: c.id, name: '东台市人民医院', kind: '医院' });
  const contact = await c.resident('孙医生');
  const { invite } = await okFn(c.staff, 'user', { action: 'createInvite', role: 'unit_member', unitId });
  await okFn(contact, 'user', { action: 'redeemInvite', code: invite.code });
  return { unitId, contact };
}

/** A unit registered through its contact with one offer, confirmed by staff. */
export async function confirmedUnit(c: TestCommunity) {
  const { unitId, contact } = await unitOf(c);
  const { registration } = await okFn(contact, 'party', {
    action: 'register',
    kind: 'unit',
    branch: '东台市人民医院党委',
    phone: '13805150001',
    offers: [{ title: '上门义诊', category: '医疗义诊' }],
    commitments: [{ title: '每月上门义诊', target: 12, unit: '次' }],
  });
  await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
  return { unitId, contact, id: registration.id as string };
}
