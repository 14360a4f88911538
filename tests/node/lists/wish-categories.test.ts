import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../typings/lists';
import { WISH_CATEGORIES, type WishCategory } from '../../../typings/wish';
import { WISH_CATEGORY_MAP } from '../../../server/lists/model';
import { ok } from '../support/cloud';
import { fireTimer, getDoc, lists, listsOk, newListsCommunity, rid, type ListsCommunity } from '../support/lists';

/**
 * A wish names a broad category; the needs list and the matcher speak of service categories. Each
 * wish category maps to the service categories it really covers, and a resource found through that
 * map is a related fit (类别相符), never 技能匹配.
 */

/** What each wish category must cover, and must never be taken to mean. */
const REVIEW: Record<WishCategory, { covers: ServiceCategory[]; never: ServiceCategory[] }> = {
  生活物资: { covers: ['物资捐赠', '代买代办'], never: ['水电维修', '儿童托管'] },
  助老助残: { covers: ['助老服务', '助残服务', '陪同就医', '送餐助餐'], never: ['儿童托管', '课业辅导'] },
  儿童关爱: { covers: ['儿童托管', '课业辅导'], never: ['助老服务', '电脑手机教学'] },
  医疗健康: { covers: ['医疗义诊', '陪同就医', '健康讲座'], never: ['儿童托管', '课业辅导'] },
  // 陪老人聊天, 想学用智能手机: adults learning and culture, never children's after-school care.
  文化学习: { covers: ['电脑手机教学', '文艺活动'], never: ['儿童托管', '课业辅导'] },
  维修帮办: { covers: ['水电维修', '家电维修', '管道疏通', '房屋修缮'], never: ['儿童托管', '医疗义诊'] },
  其他: { covers: ['困难帮扶'], never: ['儿童托管', '课业辅导', '医疗义诊'] },
};

describe('the wish category table', () => {
  it('maps every wish category, and only those, onto service categories of the contract', () => {
    expect(Object.keys(WISH_CATEGORY_MAP).sort()).toEqual([...WISH_CATEGORIES].sort());
    for (const w of WISH_CATEGORIES) {
      const cats: readonly string[] = WISH_CATEGORY_MAP[w];
      expect(cats.length).toBeGreaterThan(0);
      expect(new Set(cats).size).toBe(cats.length);
      for (const s of cats) expect(SERVICE_CATEGORIES).toContain(s);
    }
  });

  it.each(WISH_CATEGORIES.map((w) => [w]))('%s covers what it means and nothing it does not', (w) => {
    const cats: readonly string[] = WISH_CATEGORY_MAP[w];
    for (const s of REVIEW[w].covers) expect({ w, s, covered: cats.includes(s) }).toEqual({ w, s, covered: true });
    for (const s of REVIEW[w].never) expect({ w, s, covered: cats.includes(s) }).toEqual({ w, s, covered: false });
  });

  it("children's care is meant by 儿童关爱 alone", () => {
    for (const w of WISH_CATEGORIES) {
      if (w === '儿童关爱') continue;
      const cats: readonly string[] = WISH_CATEGORY_MAP[w];
      expect({ w, children: cats.filter((s) => s === '儿童托管' || s === '课业辅导') }).toEqual({ w, children: [] });
    }
  });
});

describe('wishes matched by what they mean', () => {
  let c: ListsCommunity;
  let afterSchool: string;
  let phoneClass: string;

  const publishWish = async (title: string, category: WishCategory) => {
    const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，家里只有老人。`, category }, c.resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    return wish.id as string;
  };

  beforeAll(async () => {
    c = await newListsCommunity();
    const care = await listsOk(
      { action: 'saveResource', op: 'create', resource: { title: '儿童课后托管', providerKind: 'unit', categories: ['儿童托管', '课业辅导'], capacity: 5, period: 'week', area: { gridIds: [c.gridId] } }, requestId: rid() },
      c.unitMember,
    );
    afterSchool = care.resource.id;
    const phone = await listsOk(
      { action: 'saveResource', op: 'create', resource: { title: '手把手教老人用智能手机', providerKind: 'team', teamName: '青年志愿服务队', memberIds: [c.volunteerId], categories: ['电脑手机教学'], capacity: 5, period: 'week', area: { gridIds: [c.gridId] } }, requestId: rid() },
      c.staff,
    );
    phoneClass = phone.resource.id;
  });

  it('陪老人聊天 and 想学用智能手机 (文化学习) never go to after-school care, and a mapped category is 类别相符, never 技能匹配', async () => {
    const chat = await publishWish('陪老人聊天', '文化学习');
    const phone = await publishWish('想学用智能手机', '文化学习');
    // A request that names the skill itself is the exact match.
    const { ticket } = await listsOk({ action: 'submitRequest', category: '电脑手机教学', title: '想学手机挂号', detail: '不会用手机预约挂号', address: '1幢101', requestId: rid() }, c.resident);
    await fireTimer('syncWishes');
    expect(await getDoc('needs', `wish.${phone}`)).toMatchObject({ category: '电脑手机教学', wishCategory: '文化学习' });

    const { job } = await listsOk({ action: 'match' }, c.staff);
    expect(job.status).toBe('done');
    const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    const of = (needId: string) => items.filter((s: any) => s.need.id === needId);
    for (const id of [chat, phone]) {
      for (const s of of(`wish.${id}`)) {
        expect(s.resource.id).not.toBe(afterSchool);
        expect(s.reasons).not.toContain('技能匹配');
      }
    }
    const wishPairs = items.filter((s: any) => s.need.source === 'wish' && s.resource.id === phoneClass);
    expect(wishPairs.length).toBeGreaterThanOrEqual(1);
    for (const s of wishPairs) expect(s.reasons).toContain('类别相符·电脑手机教学');
    expect(of(ticket.needId)).toEqual([expect.objectContaining({ resource: expect.objectContaining({ id: phoneClass }), reasons: expect.arrayContaining(['技能匹配']) })]);

    // Staff cannot send the wish to after-school care by hand either.
    const s = items.find((x: any) => x.need.id === `wish.${phone}`) ?? items.find((x: any) => x.need.id === `wish.${chat}`);
    const adjusted = await lists({ action: 'decide', id: s.id, decision: 'adjust', resourceId: afterSchool, requestId: rid() }, c.staff);
    expect(adjusted).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('a 儿童关爱 wish does go to after-school care, as a related category', async () => {
    const homework = await publishWish('孩子放学后没人辅导作业', '儿童关爱');
    const { job } = await listsOk({ action: 'match' }, c.staff);
    const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    const s = items.find((x: any) => x.need.id === `wish.${homework}`);
    expect(s).toMatchObject({ resource: { id: afterSchool }, reasons: expect.arrayContaining(['类别相符·儿童托管']) });
    expect(s.reasons).not.toContain('技能匹配');
  });
});
