import { ok, sdk, uniqueOpenid } from './cloud';

/** A wish published by the demo resident and approved by demo staff, open for claims. */
export async function openWish(title = '楼道灯坏了请帮忙修理', publisher = 'demo-resident', extra: Record<string, unknown> = {}): Promise<string> {
  const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人，晚上上下楼看不见。`, category: '维修帮办', showPhone: true, ...extra }, publisher);
  await ok('wish', { action: 'review', id: wish.id, approve: true }, 'demo-staff');
  return wish.id;
}

/** A fresh volunteer in the demo community (the demo volunteer's claim cap is shared by tests). */
export async function newVolunteer(role: 'volunteer' | 'unit_member' = 'volunteer'): Promise<string> {
  const openid = uniqueOpenid('vol');
  await ok('user', { action: 'login', scene: 'c=beihai&g=g2' }, openid);
  const { invite } = await ok('user', { action: 'createInvite', role, ...(role === 'unit_member' ? { unitId: 'unit_power' } : {}) }, 'demo-staff');
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  return openid;
}

export async function newResident(): Promise<string> {
  const openid = uniqueOpenid('res');
  await ok('user', { action: 'login', scene: 'c=beihai&g=g1' }, openid);
  return openid;
}

export async function userIdOf(openid: string): Promise<string> {
  return (await ok('user', { action: 'me' }, openid)).me.id;
}

/** The person's balance in the community they are in now (an account per person and community). */
export async function balanceOf(userId: string): Promise<number> {
  const db = sdk().database();
  const user = (await db.collection('users').doc(userId).get()).data[0];
  const res = await db.collection('points_accounts').doc(`${user?.communityId}.${userId}`).get();
  return res.data[0]?.balance ?? 0;
}

/** Moves a wish's clock back, as if time had passed (tests cannot wait days). */
export async function age(wishId: string, patch: Record<string, unknown>): Promise<void> {
  await sdk().database().collection('wishes').doc(wishId).update(patch);
}
