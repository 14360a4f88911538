import { okFn } from './backend';
import type { TestCommunity } from './community';

/** A party member of the community whose 双报到 staff confirmed (平安巡逻 post). */
export async function partyMember(c: TestCommunity, name: string, branch = '北海社区第一党支部'): Promise<string> {
  const openid = await c.resident(name);
  const { registration } = await okFn(openid, 'party', { action: 'register', kind: 'member', branch, workUnit: '东台市实验小学', phone: '13805150001', posts: ['平安巡逻'] });
  await okFn(c.staff, 'party', { action: 'confirm', id: registration.id });
  return openid;
}
