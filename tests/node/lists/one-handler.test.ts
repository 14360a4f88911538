import { call, ok } from '../support/cloud';
import { fireTimer, getDoc, lists, listsOk, newListsCommunity, rid, type ListsCommunity } from '../support/lists';

/**
 * A wish that became a need has one live handler: a volunteer who claimed it on the wall, or the
 * one staff dispatched its ticket to. Claiming takes the need off the matcher and the dispatch
 * queue; dispatching takes the wish off the wall for everyone but the assignee. Both in the same
 * transaction as the move itself, so a claim and a dispatch at once leave exactly one winner.
 */

const CHINESE = /[\u4e00-\u9fa5]/;
let c: ListsCommunity;

beforeAll(async () => {
  c = await newListsCommunity();
});

/** An approved wish already on the needs list, open. */
async function listedWish(title = '想请人帮忙修一下楼道灯'): Promise<{ wishId: string; needId: string }> {
  const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人。`, category: '维修帮办' }, c.resident);
  await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
  await fireTimer('syncWishes');
  const needId = `wish.${wish.id}`;
  expect(await getDoc('needs', needId)).toMatchObject({ status: 'open' });
  return { wishId: wish.id, needId };
}

const dispatchToUnit = (needId: string) => lists({ action: 'dispatch', needId, to: 'unit', targetId: c.unitId, requestId: rid() }, c.staff);
const claim = (wishId: string, openid = c.volunteer) => call('wish', { action: 'claim', id: wishId, requestId: rid() }, openid);

async function wishTimeline(wishId: string): Promise<string[]> {
  const { wish } = await ok('wish', { action: 'get', id: wishId }, c.staff);
  return wish.timeline.map((e: any) => e.why ?? '');
}

describe('one handler per need', () => {
  it('a claim and a dispatch at once: exactly one wins, the other is told who has it', async () => {
    const outcomes = { claim: 0, dispatch: 0 };
    for (let round = 0; round < 6; round++) {
      const { wishId, needId } = await listedWish(`楼道灯坏了${round}`);
      // Alternate who leaves first, so either may reach the database first.
      const [claimed, dispatched] = round % 2 ? await Promise.all([claim(wishId), dispatchToUnit(needId)]) : (await Promise.all([dispatchToUnit(needId), claim(wishId)])).reverse();
      expect({ round, winners: [claimed.ok, dispatched.ok].filter(Boolean).length }).toEqual({ round, winners: 1 });
      const loser = claimed.ok ? dispatched : claimed;
      expect(loser).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(CHINESE) });
      await fireTimer('syncWishes');
      const need = await getDoc('needs', needId);
      const wish = await getDoc('wishes', wishId);
      if (claimed.ok) {
        outcomes.claim++;
        expect(loser.message).toContain('认领');
        expect(need).toMatchObject({ status: 'in_progress' });
        expect(need.ticketId).toBeUndefined();
        expect(wish).toMatchObject({ status: 'claimed' });
        // Within the volunteer's cap of live claims for the next round.
        await ok('wish', { action: 'release', id: wishId, requestId: rid() }, c.volunteer);
      } else {
        outcomes.dispatch++;
        expect(loser.message).toContain('测试供电所');
        const ticket = await getDoc('tickets', need.ticketId);
        // The unit's ticket waits for the unit: nobody else's claim accepts it.
        expect(ticket).toMatchObject({ status: 'dispatched', assignee: { kind: 'unit', unitId: c.unitId } });
        expect(ticket.acceptedBy).toBeUndefined();
        expect(wish).toMatchObject({ status: 'open' });
        expect(wish.claim).toBeUndefined();
      }
    }
    expect(outcomes.claim + outcomes.dispatch).toBe(6);
  });

  it('dispatched: the wish is off the wall for others, with a note on both; the assignee claiming it is the ticket accepted, by them', async () => {
    const { wishId, needId } = await listedWish('厨房水管漏水');
    const dispatched = await dispatchToUnit(needId);
    expect(dispatched.ok).toBe(true);
    const refused = await claim(wishId);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('共建单位 测试供电所') });
    const { wish } = await ok('wish', { action: 'get', id: wishId }, c.volunteer);
    expect(wish.can).not.toContain('claim');
    expect((await wishTimeline(wishId)).some((why) => why.includes('派单给共建单位 测试供电所'))).toBe(true);

    const byUnit = await ok('wish', { action: 'claim', id: wishId, requestId: rid() }, c.unitMember);
    expect(byUnit.wish).toMatchObject({ status: 'claimed' });
    const ticketId = (await getDoc('needs', needId)).ticketId;
    expect(await getDoc('tickets', ticketId)).toMatchObject({ status: 'accepted', acceptedBy: c.unitMemberId });
    const { ticket } = await listsOk({ action: 'ticket', id: ticketId }, c.staff);
    const accepted = ticket.timeline.find((e: any) => e.field === 'status' && e.to === 'accepted');
    expect(accepted.by).not.toBe('系统');
    await fireTimer('syncWishes');
    expect(await getDoc('tickets', ticketId)).toMatchObject({ status: 'accepted', acceptedBy: c.unitMemberId });
  });

  it('claimed: the need leaves the matcher and the dispatch queue at once, with a note; dispatch and match name the claimer', async () => {
    const { wishId, needId } = await listedWish('门锁坏了');
    const claimed = await claim(wishId);
    expect(claimed.ok).toBe(true);
    // No sync in between: the claim itself moved the need.
    const need = await getDoc('needs', needId);
    expect(need).toMatchObject({ status: 'in_progress' });
    const { need: detail } = await listsOk({ action: 'need', id: needId }, c.staff);
    expect(detail.timeline.some((e: any) => e.to === 'in_progress' && /心愿墙认领/.test(e.why ?? ''))).toBe(true);
    const refused = await dispatchToUnit(needId);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/心愿墙认领/) });
    const { job } = await listsOk({ action: 'match' }, c.staff);
    const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    expect(items.map((s: any) => s.need.id)).not.toContain(needId);
  });
});
