import { ok } from '../support/cloud';
import { memberForm, partyCommunity, partyMember, residentIn } from '../support/party';

/** 亮身份: a confirmed party member who chose to show it carries 「党员」 on their wish claims. */
describe('亮身份 on wish claims', () => {
  it('shows the badge for a confirmed member who chose it, not for one who did not, nor for other volunteers', async () => {
    const c = await partyCommunity();
    const publisher = await residentIn(c, '王奶奶');
    const wishOf = async (title: string) => {
      const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人。`, category: '助老助残' }, publisher);
      await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
      return wish.id as string;
    };
    const shown = await partyMember(c, '李卫东');
    const quiet = await residentIn(c, '赵不显');
    const { registration } = await ok('party', memberForm({ showBadge: false }), quiet);
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    const volunteer = await residentIn(c, '钱志愿');
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
    await ok('user', { action: 'redeemInvite', code: invite.code }, volunteer);

    const claims: Array<[string, boolean]> = [
      [shown.openid, true],
      [quiet, false],
      [volunteer, false],
    ];
    for (const [openid, badge] of claims) {
      const id = await wishOf('想请人陪同去医院复查');
      const { wish } = await ok('wish', { action: 'claim', id }, openid);
      expect(!!wish.claimerParty).toBe(badge);
      const wall = await ok('wish', { action: 'list', status: 'claimed' }, publisher);
      expect(!!wall.items.find((w: any) => w.id === id).claimerParty).toBe(badge);
    }
  });
});
