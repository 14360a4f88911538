import { call, ok, sdk } from '../support/cloud';
import { residentOf } from '../support/booking';
import { newCommunity } from '../support/map';
import { userIdOf } from '../support/wish';

async function userDoc(openid: string): Promise<any> {
  return (await sdk().database().collection('users').doc(await userIdOf(openid)).get()).data[0];
}

describe('会员号', () => {
  it('each member gets one 7-digit number per community, the same on every asking, unique under parallel first askings', async () => {
    const c = await newCommunity();
    const people = await Promise.all(Array.from({ length: 24 }, () => residentOf(c)));
    // Everyone asks at once, twice over: each person ends with one number, no two share one.
    const answers = await Promise.all([...people, ...people].map((p) => ok('user', { action: 'memberCode' }, p)));
    const byPerson = new Map<string, Set<string>>();
    answers.forEach((a, i) => {
      const p = [...people, ...people][i];
      byPerson.set(p, (byPerson.get(p) ?? new Set()).add(a.memberNo));
    });
    for (const numbers of byPerson.values()) expect(numbers.size).toBe(1);
    const numbers = [...byPerson.values()].map((s) => [...s][0]);
    for (const n of numbers) expect(n).toMatch(/^\d{7}$/);
    expect(new Set(numbers).size).toBe(people.length);

    const docs = (await sdk().database().collection('member_numbers').where({ communityId: c.id }).limit(100).get()).data;
    expect(docs).toHaveLength(people.length);
    for (const p of people) {
      const u = await userDoc(p);
      const n = u.memberNumbers[c.id];
      expect(docs.find((d: any) => d.number === n)).toMatchObject({ _id: `${c.id}.${n}`, userId: u._id });
    }
    expect((await ok('user', { action: 'memberCode' }, people[0])).memberNo).toBe((await userDoc(people[0])).memberNumbers[c.id]);
  });

  it('staff find a resident by 会员号, phone or name; residents cannot search; another community’s number finds nobody', async () => {
    const c = await newCommunity();
    const other = await newCommunity();
    const resident = await residentOf(c);
    await ok('user', { action: 'updateProfile', displayName: '吴秀英', phone: '13600009999' }, resident);
    const { memberNo } = await ok('user', { action: 'memberCode' }, resident);
    const stranger = await residentOf(other);
    const { memberNo: strangerNo } = await ok('user', { action: 'memberCode' }, stranger);
    const id = await userIdOf(resident);

    for (const q of [memberNo, '13600009999', '吴秀英']) {
      const { items } = await ok('user', { action: 'residents', q }, c.admin);
      expect(items).toEqual([expect.objectContaining({ id, displayName: '吴秀英', memberNo, phoneMasked: '136****9999' })]);
    }
    if (strangerNo !== memberNo) expect((await ok('user', { action: 'residents', q: strangerNo }, c.admin)).items).toEqual([]);
    expect((await ok('user', { action: 'residents', q: '7654321' }, c.admin)).items.filter((r: any) => r.id === id)).toEqual([]);
    expect(await call('user', { action: 'residents', q: memberNo }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('user', { action: 'memberCode' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
