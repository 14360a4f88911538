import { WISH_CATEGORIES as CONTRACT } from '../../../typings/wish';
import type { WishCard, WishEvent } from '../../../typings/wish';
import { STATUS_LABELS, WISH_CATEGORIES, appendCards, toCardView, toEventView } from '../../../miniprogram/utils/wish-view';

test('the mini-program copy of the categories matches the contract', () => {
  expect(WISH_CATEGORIES).toEqual([...CONTRACT]);
});

test('statuses read as people say them; a completed wish is 已点亮', () => {
  expect(STATUS_LABELS.open).toBe('待认领');
  expect(STATUS_LABELS.claimed).toBe('已认领');
  expect(STATUS_LABELS.awaiting_confirmation).toBe('待确认');
  expect(STATUS_LABELS.completed).toBe('已点亮');
});

test('a timeline entry is a plain sentence in Beijing time, with the reason', () => {
  // 2024-02-09 16:30 UTC is 2024-02-10 00:30 in Beijing (除夕 → 春节); now is that day's noon.
  const at = Date.UTC(2024, 1, 9, 16, 30);
  const now = Date.UTC(2024, 1, 10, 4, 0);
  expect(toEventView({ at, from: 'awaiting_confirmation', to: 'claimed', by: '居民 王**', why: '还没修好' }, 0, now)).toEqual({
    key: `${at}-0`,
    time: '今天 00:30',
    by: '居民 王**',
    move: '居民 王**说还没完成，请继续帮忙',
    why: '还没修好',
  });
  const move = (from: WishEvent['from'], to: WishEvent['to']) => toEventView({ at, from, to, by: '志愿者 李**' }, 1, now).move;
  expect(move(null, 'pending_review')).toBe('志愿者 李**发布了心愿，社区审核后上墙');
  expect(move('open', 'claimed')).toBe('志愿者 李**认领了心愿');
  expect(move('claimed', 'awaiting_confirmation')).toBe('志愿者 李**说已经完成，请心愿人确认');
  expect(move('claimed', 'open')).toBe('志愿者 李**放下了认领，心愿回到心愿墙');
  for (const from of [null, ...Object.keys(STATUS_LABELS)] as WishEvent['from'][]) {
    for (const to of Object.keys(STATUS_LABELS) as WishEvent['to'][]) expect(move(from, to)).not.toMatch(/→|待认领|已认领/);
  }
});

const card = (id: string, extra: Partial<WishCard> = {}): WishCard => ({
  id,
  excerpt: '',
  title: `心愿${id}`,
  category: '其他',
  status: 'open',
  publisher: '王**',
  wants: 1,
  photos: [],
  createdAt: Date.UTC(2024, 0, 1, 2, 5),
  ...extra,
});

test('a card shows the first photo through the given resolver, and the short Beijing time', () => {
  const now = Date.UTC(2024, 0, 3, 2, 0);
  const view = toCardView(card('a', { photos: ['cloud://x/1.png', 'cloud://x/2.png'], gridName: '第一网格' }), (id) => `url:${id}`, now);
  expect(view).toMatchObject({ photo: 'url:cloud://x/1.png', grid: '第一网格', time: '1月1日（周一） 10:05', statusLabel: '待认领', tone: 'open' });
  expect(toCardView(card('b'), () => 'never').photo).toBe('');
});

test('the next page is appended without repeating cards already shown', () => {
  const image = (id: string) => id;
  const shown = [card('a'), card('b')].map((c) => toCardView(c, image));
  const more = [card('b'), card('c')].map((c) => toCardView(c, image));
  expect(appendCards(shown, more).map((c) => c.id)).toEqual(['a', 'b', 'c']);
});
