import type { Goods } from '../../../typings/points';
import { ENTRY_KIND_LABELS as KINDS, ORDER_STATUS_LABELS as STATUSES, RULE_KEYS as KEYS } from '../../../typings/points';
import {
  ENTRY_KIND_LABELS,
  ORDER_STATUS_LABELS,
  RULE_KEYS,
  blockReason,
  formatCode,
  maxQuantity,
  memberQuery,
  spacedMemberNo,
  parsePickupCode,
  toEntryView,
  toGoodsView,
} from '../../../miniprogram/utils/points-view';

const goods = (over: Partial<Goods> = {}): Goods => ({
  id: 'gd_1',
  name: '大米 5kg',
  cost: 100,
  stock: 10,
  provider: '北海社区',
  pickupPlace: '服务台',
  perPersonLimit: 2,
  status: 'on_shelf',
  myRemaining: 2,
  updatedAt: 0,
  ...over,
});

test('the runtime copies match the contract', () => {
  expect(ENTRY_KIND_LABELS).toEqual(KINDS);
  expect(ORDER_STATUS_LABELS).toEqual(STATUSES);
  expect(RULE_KEYS).toEqual([...KEYS]);
});

test('a pickup code is 8 digits typed (spaces and dashes ignored) or the QR text', () => {
  expect(parsePickupCode('12345678')).toBe('12345678');
  expect(parsePickupCode(' 1234 5678 ')).toBe('12345678');
  expect(parsePickupCode('1234-5678')).toBe('12345678');
  expect(parsePickupCode('honglin://pickup/00012345')).toBe('00012345');
  expect(parsePickupCode('honglin://pickup/123')).toBe('');
  expect(parsePickupCode('1234567')).toBe('');
  expect(parsePickupCode('https://example.com/12345678')).toBe('');
  expect(formatCode('00012345')).toBe('0001 2345');
});

test('a 积分码 gives its 会员号; typed digits lose their spaces; a name stays; other codes give nothing', () => {
  expect(memberQuery('honglin://member/1234567')).toBe('1234567');
  expect(memberQuery('honglin://member/u_abc123')).toBe('');
  expect(memberQuery('honglin://pickup/12345678')).toBe('');
  expect(memberQuery(' 123 4567 ')).toBe('1234567');
  expect(memberQuery('138-1234-4501')).toBe('13812344501');
  expect(memberQuery(' 吴秀英 ')).toBe('吴秀英');
  expect(spacedMemberNo('1234567')).toBe('123 4567');
});

test('how many may be redeemed: the limit left, the stock and the balance, whichever is least', () => {
  expect(maxQuantity(goods(), 1000)).toBe(2);
  expect(maxQuantity(goods({ stock: 1 }), 1000)).toBe(1);
  expect(maxQuantity(goods(), 150)).toBe(1);
  expect(maxQuantity(goods({ myRemaining: 0 }), 1000)).toBe(0);
  expect(maxQuantity(goods({ status: 'off_shelf' }), 1000)).toBe(0);
});

test('why goods cannot be redeemed, in words', () => {
  expect(blockReason(goods(), 100)).toBe('');
  expect(blockReason(goods({ stock: 0 }), 1000)).toBe('已兑完，请关注补货');
  expect(blockReason(goods({ myRemaining: 0 }), 1000)).toBe('每人限兑 2 件，您已兑满');
  expect(blockReason(goods(), 70)).toBe('积分不足，还差 30 积分');
  expect(blockReason(goods({ status: 'off_shelf' }), 1000)).toBe('商品已下架，暂不能兑换');
});

test('goods and entries as shown', () => {
  expect(toGoodsView(goods({ stock: 0 }), (id) => id)).toMatchObject({ soldOut: true, stockText: '已兑完', photo: '', suppliedText: '' });
  expect(toGoodsView(goods({ photo: 'cloud://x/a.png', supplied: 30 }), (id) => `url:${id}`)).toMatchObject({
    photo: 'url:cloud://x/a.png',
    stockText: '剩余 10 件',
    suppliedText: '累计上架 30 件',
  });
  const at = Date.UTC(2025, 2, 4, 16, 30); // 3月5日 00:30 in Beijing
  expect(toEntryView({ id: 'e', amount: 10, kind: 'earn', sourceType: 'award', reason: '志愿服务', at, balanceAfter: 10 })).toMatchObject({
    amount: '+10',
    gain: true,
    kind: '获得',
    time: '3月5日 00:30',
  });
  expect(toEntryView({ id: 'e', amount: -30, kind: 'spend', sourceType: 'order', reason: '兑换', at, balanceAfter: 0 }).amount).toBe('-30');
});
