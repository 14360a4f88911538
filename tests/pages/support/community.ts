/**
 * A community of its own for a test: its wall, queues, seasons and counts are nobody else's, so
 * exact numbers can be asserted while other suites work on the demo community at the same time.
 */
import { randomBytes } from 'node:crypto';
import { freshOpenid, okFn } from './backend';
import { insertDoc, updateDoc } from './db';
import { allNoticesOn } from '../../../demo/notices';

export interface TestCommunity {
  id: string;
  code: string;
  name: string;
  gridName: string;
  staff: string;
  /** A new resident of this community (first grid). */
  resident(name?: string, phone?: string): Promise<string>;
  /** A new volunteer, invited by this community's staff. */
  volunteer(name?: string): Promise<string>;
  /** Publishes a wish as `publisher` and has staff approve it; returns its id. */
  openWish(publisher: string, title: string, extra?: Record<string, unknown>): Promise<string>;
}

/** `notices: false` leaves its subscribe-message templates unset; otherwise every kind is on, as in the demo. */
export async function newCommunity(opts: { notices?: boolean } = {}): Promise<TestCommunity> {
  const tag = randomBytes(4).toString('hex');
  const id = `c_t${tag}`;
  const code = `t${tag}`;
  const name = `测试${tag}社区`;
  const gridName = '第一网格（测试小区）';
  await insertDoc('communities', {
    _id: id,
    code,
    name,
    city: '江苏省盐城市东台市',
    district: '东台市',
    street: '东台镇',
    intro: '测试社区',
    center: { type: 'Point', coordinates: [120.32, 32.85] },
    createdAt: Date.now(),
  });
  await insertDoc('grids', { _id: `${id}_g1`, communityId: id, code: 'g1', name: gridName, buildings: ['1幢'] });
  if (opts.notices !== false) await insertDoc('notice_settings', allNoticesOn(id, 'test', Date.now()) as never);

  const join = async (prefix: string, displayName: string, phone?: string) => {
    const openid = freshOpenid(prefix);
    await okFn(openid, 'user', { action: 'login', scene: `c=${code}&g=g1` });
    await okFn(openid, 'user', { action: 'updateProfile', displayName, ...(phone ? { phone } : {}) });
    return openid;
  };

  const staff = await join('staff', '赵主任');
  const { me } = await okFn(staff, 'user', { action: 'me' });
  await updateDoc('users', me.id, {
    grants: [{ role: 'staff', communityId: id, grantedBy: 'test', grantedAt: Date.now() }],
  });

  return {
    id,
    code,
    name,
    gridName,
    staff,
    resident: (displayName = '刘秀兰', phone?: string) => join('res', displayName, phone),
    async volunteer(displayName = '张志强') {
      const openid = await join('vol', displayName);
      const { invite } = await okFn(staff, 'user', { action: 'createInvite', role: 'volunteer' });
      await okFn(openid, 'user', { action: 'redeemInvite', code: invite.code });
      return openid;
    },
    async openWish(publisher, title, extra = {}) {
      const { wish } = await okFn(publisher, 'wish', {
        action: 'publish',
        title,
        content: `${title}，麻烦邻居们帮帮忙。`,
        category: '生活物资',
        ...extra,
      });
      await okFn(staff, 'wish', { action: 'review', id: wish.id, approve: true });
      return wish.id;
    },
  };
}

/** A new resident of the community made one of its admins (or `role`), as deployment grants admins. */
export async function withRole(c: TestCommunity, name: string, role: 'admin' | 'staff'): Promise<string> {
  const openid = await c.resident(name);
  const { me } = await okFn(openid, 'user', { action: 'me' });
  await updateDoc('users', me.id, { grants: [{ role, communityId: c.id, grantedBy: 'test', grantedAt: Date.now() }] });
  return openid;
}
