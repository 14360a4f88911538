import { load, type PageHandle } from '../../setup/load';
import { resetWx } from '../../setup/wx';
import { freshOpenid, meOf, okFn } from '../support/backend';
import { bookingCommunity, shanghaiDay, type BookingCommunity } from '../support/booking';

jest.setTimeout(90_000);

/** The page and query a share card opens, as WeChat hands them to the app (the query's values decoded). */
function opened(path: string): { page: string; scene: string; query: Record<string, string> } {
  const [page, qs = ''] = path.replace(/^\//, '').split('?');
  const { scene = '', ...query } = Object.fromEntries(new URLSearchParams(qs));
  return { page, scene, query };
}

/**
 * 转发 from a wish, an activity and the community intro carries the community's scene, and a
 * friend who has never used the app, opening the card, lands in that community.
 */
describe('sharing brings a friend into the community', () => {
  let page: PageHandle | undefined;
  let c: BookingCommunity;
  let volunteer: string;

  beforeAll(async () => {
    c = await bookingCommunity();
    volunteer = await c.volunteer('张志强');
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  async function openAsNewcomer(path: string): Promise<string> {
    const { page: target, scene, query } = opened(path);
    const friend = freshOpenid('friend');
    page = await load(target, { openid: friend, scene, query });
    const me = await meOf(friend);
    expect(me.community?.id).toBe(c.id);
    return friend;
  }

  test('a wish waiting for a volunteer', async () => {
    const id = await c.openWish(await c.resident('刘秀兰'), '想请人教我用手机挂号');
    page = await load('pages/wish/detail/index', { openid: volunteer, query: { id } });
    expect(page.has('#share')).toBe(true);
    const shared = page.comp.instance.onShareAppMessage();
    expect(shared.title).toBe('邻居的微心愿：想请人教我用手机挂号');
    expect(shared.path).toBe(`/pages/wish/detail/index?id=${id}&scene=${encodeURIComponent(`c=${c.code}`)}`);
    page.detach();

    await openAsNewcomer(shared.path);
    expect(page!.textOf('#title')).toBe('想请人教我用手机挂号');
  });

  test('an activity, from its 转给朋友', async () => {
    const { activity } = await okFn(c.staff, 'booking', {
      action: 'publishActivity',
      op: 'create',
      activity: { title: '敬老院义务理发', category: '助老助残', description: '请自带围裙', placeId: c.placeId, date: shanghaiDay(2), from: '09:00', to: '11:00', capacity: 10 },
    });
    page = await load('pages/booking/index/index', { openid: volunteer, query: { tab: 'activity' } });
    expect(page.has(`#share-${activity.id}`)).toBe(true);
    const shared = page.comp.instance.onShareAppMessage({ from: 'button', target: { dataset: { id: activity.id } } });
    expect(shared.title).toBe('一起来参加：敬老院义务理发');
    expect(shared.path).toBe(`/pages/booking/index/index?tab=activity&scene=${encodeURIComponent(`c=${c.code}`)}`);
    page.detach();

    await openAsNewcomer(shared.path);
    await page!.waitForText('敬老院义务理发');
  });

  test('the community intro', async () => {
    page = await load('pages/map/community/index', { openid: volunteer });
    const shared = page.comp.instance.onShareAppMessage({ from: 'menu' });
    expect(shared.title).toBe(`${c.name}·社区简介`);
    expect(shared.path).toBe(`/pages/map/community/index?scene=${encodeURIComponent(`c=${c.code}`)}`);
    page.detach();

    await openAsNewcomer(shared.path);
    expect(page!.text()).toContain(c.gridName.replace(/（.*$/, ''));
  });
});
