import { randomBytes } from 'node:crypto';
import { ok, sdk } from '../support/cloud';
import { person, type Cell, type Who } from './world';

/**
 * 通知公告 rows of the authorization matrix, walked in the demo community: staff publish, edit,
 * withdraw and read the counts of their community's bulletins; everyone of the community reads
 * the bulletins for them and answers 收到; another community's admin finds none of them.
 * 单位主页 rows: a unit's members and staff open the unit's page; staff (and the unit's contact,
 * tested in tests/node/party) name its verifiers.
 *
 *                        anon res vol unit grid staff admin other
 */
export const BULLETIN_ROWS: Record<string, string> = {
  'bulletin.publish':    'D D D D D A A A',
  'bulletin.edit':       'D D D D D A A D',
  'bulletin.withdraw':   'D D D D D A A D',
  'bulletin.list':       'D A A A A A A A',
  'bulletin.get':        'D A A A A A A D',
  'bulletin.confirm':    'D A A A A A A D',
  'bulletin.manage':     'D D D D D A A A',
  'bulletin.counts':     'D D D D D A A D',
  'party.unitPortal':    'D D D A D A A D',
  'party.setVerifier':   'D D D D D A A D',
};

let n = 0;

/** A bulletin of the demo community for everyone, asking for 收到; not pinned, so 首页's pinned one stays. */
async function bulletin(): Promise<string> {
  const { bulletin: b } = await ok('bulletin', { action: 'publish', title: `矩阵通知${++n}`, text: '矩阵测试的通知内容', audience: { kind: 'all' }, needsConfirm: true }, 'demo-staff');
  return b.id;
}

/** A unit of the demo community of the cell's own, with one member, so no other test's unit changes. */
async function unitWithMember(): Promise<{ unitId: string; userId: string }> {
  const unitId = `unit_m${randomBytes(4).toString('hex')}`;
  await sdk().database().collection('units').doc(unitId).set({ communityId: 'c_beihai', name: '矩阵共建单位', kind: '企业' });
  const member = await person('resident');
  const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId }, 'demo-staff');
  const { me } = await ok('user', { action: 'redeemInvite', code: invite.code }, member);
  return { unitId, userId: me.id };
}

export async function prepareBulletin(key: string, _who: Who): Promise<Cell> {
  const action = key.split('.')[1];
  switch (key) {
    case 'bulletin.publish':
      return { event: { action, title: `矩阵发布${++n}`, text: '矩阵测试', audience: { kind: 'roles', roles: ['staff'] } } };
    case 'bulletin.edit':
      return { event: { action, id: await bulletin(), changes: { text: '矩阵修改后的内容' } } };
    case 'bulletin.withdraw':
      return { event: { action, id: await bulletin(), reason: '矩阵撤回' } };
    case 'bulletin.get':
    case 'bulletin.confirm':
    case 'bulletin.counts':
      return { event: { action, id: await bulletin() } };
    case 'party.unitPortal':
      return { event: { action, unitId: 'unit_school' } };
    case 'party.setVerifier': {
      const { unitId, userId } = await unitWithMember();
      return { event: { action, unitId, userId, verifier: false } };
    }
    default:
      return { event: { action } };
  }
}
