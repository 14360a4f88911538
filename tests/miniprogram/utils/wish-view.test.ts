import { WISH_CATEGORIES as CONTRACT } from '../../../typings/wish';
import type { WishCard } from '../../../typings/wish';
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

test('a timeline entry is in Beijing time, with the move and the reason', () => {
  // 2024-02-09 16:30 UTC is 2024-02-10 00:30 in Beijing (除夕 → 春节).
  const at = Date.UTC(2024, 1, 9, 16, 30);
  expect(toEventView({ at, from: 'awaiting_confirmation', to: 'claimed', by: '居民 王**', why: '还没修好' }, 0)).toEqual({
    key: `${at}-0`,
    time: '2024-02-10 00:30',
    by: '居民 王**',
    move: '待确认 → 已认领',
    why: '还没修好',
  });
  expect(toEventView({ at, from: null, to: 'pending_review', by: '居民 王**' }, 1).move).toBe('发布心愿（待审核）');
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
  const view = toCardView(card('a', { photos: ['cloud://x/1.png', 'cloud://x/2.png'], gridName: '第一网格' }), (id) => `url:${id}`);
  expect(view).toMatchObject({ photo: 'url:cloud://x/1.png', grid: '第一网格', time: '1月1日 10:05', statusLabel: '待认领', tone: 'open' });
  expect(toCardView(card('b'), () => 'never').photo).toBe('');
});

test('the next page is appended without repeating cards already shown', () => {
  const image = (id: string) => id;
  const shown = [card('a'), card('b')].map((c) => toCardView(c, image));
  const more = [card('b'), card('c')].map((c) => toCardView(c, image));
  expect(appendCards(shown, more).map((c) => c.id)).toEqual(['a', 'b', 'c']);
});
