import fs from 'fs';
import path from 'path';
import {
  CATEGORY_STYLES,
  PLACE_CATEGORIES,
  WALK_METRES_PER_MINUTE,
  categoryChips,
  centerOf,
  formatDistance,
  openView,
  toMarkers,
  toPlaceView,
  walkCircles,
} from '../../../miniprogram/utils/map-view';
import * as contract from '../../../typings/map';
import type { PlaceCard } from '../../../typings/map';

const ROOT = path.resolve(__dirname, '../../../miniprogram');

const card = (over: Partial<PlaceCard> = {}): PlaceCard => ({
  id: 'p1',
  name: '邻里食堂',
  category: '社区食堂/助餐点',
  address: '北海路62号',
  location: { lat: 32.8539, lng: 120.319 },
  openNow: true,
  open24h: false,
  closesAt: 0,
  label: '开放中 · 13:00关闭',
  today: '06:30-08:30 10:30-13:00',
  bookable: false,
  status: 'active',
  ...over,
});

test('the runtime copies match the contract', () => {
  expect(PLACE_CATEGORIES).toEqual([...contract.PLACE_CATEGORIES]);
  expect(WALK_METRES_PER_MINUTE).toBe(contract.WALK_METRES_PER_MINUTE);
});

test('every category has its own colour and a marker icon that exists', () => {
  const styles = PLACE_CATEGORIES.map((c) => CATEGORY_STYLES[c]);
  expect(new Set(styles.map((s) => s.icon)).size).toBe(PLACE_CATEGORIES.length);
  expect(new Set(styles.map((s) => s.color)).size).toBe(PLACE_CATEGORIES.length);
  for (const s of styles) {
    expect(s.icon).toBe(`/images/map/${s.key}.png`);
    const png = fs.readFileSync(path.join(ROOT, s.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.length).toBeLessThan(4096);
  }
});

test('distances read in metres below a kilometre, in kilometres above', () => {
  expect(formatDistance(undefined)).toBe('');
  expect(formatDistance(0)).toBe('0米');
  expect(formatDistance(36)).toBe('36米');
  expect(formatDistance(999)).toBe('999米');
  expect(formatDistance(1000)).toBe('1公里');
  expect(formatDistance(1249)).toBe('1.2公里');
  expect(formatDistance(12_960)).toBe('13公里');
});

test('open and closed states read as 营业中 / 已打烊 with the server’s times', () => {
  expect(openView(card())).toEqual({ tag: '营业中', tone: 'open', text: '13:00关闭' });
  expect(openView(card({ open24h: true, label: '24小时开放' }))).toEqual({ tag: '营业中', tone: 'open', text: '24小时开放' });
  expect(openView(card({ openNow: false, label: '已关闭 · 明天 06:30开放' }))).toEqual({ tag: '已打烊', tone: 'closed', text: '明天 06:30开放' });
  expect(openView(card({ openNow: false, label: '午间休息 · 14:00开放' })).text).toBe('午间休息 · 14:00开放');
  expect(openView(card({ openNow: false, label: '国庆节休息 · 10月8日 08:30开放' })).text).toBe('国庆节休息 · 10月8日 08:30开放');
});

test('a card with a distance shows it with minutes on foot; without one, neither', () => {
  const near = toPlaceView(card({ distance: 350, walkMinutes: 5, withinWalk: { five: true, ten: true } }));
  expect(near).toMatchObject({ distance: '350米', walk: '步行约5分钟', near: true, color: CATEGORY_STYLES['社区食堂/助餐点'].color });
  const far = toPlaceView(card());
  expect(far).toMatchObject({ distance: '', walk: '', near: false });
});

test('markers carry the list index as id, the place as title and the category icon', () => {
  const places = [toPlaceView(card()), toPlaceView(card({ id: 'p2', name: '充电棚', category: '充电桩', location: { lat: 32.85, lng: 120.32 } }))];
  const markers = toMarkers(places);
  expect(markers.map((m) => [m.id, m.title, m.iconPath, m.latitude, m.longitude])).toEqual([
    [0, '邻里食堂', '/images/map/canteen.png', 32.8539, 120.319],
    [1, '充电棚', '/images/map/charging.png', 32.85, 120.32],
  ]);
  expect(markers[0].callout.content).toBe('邻里食堂');
});

test('the 服务圈 is drawn only with a position and a chosen circle', () => {
  const at = { lat: 32.85, lng: 120.32 };
  expect(walkCircles(null, 5)).toEqual([]);
  expect(walkCircles(at, 0)).toEqual([]);
  expect(walkCircles(at, 5)[0]).toMatchObject({ latitude: 32.85, longitude: 120.32, radius: 400 });
  expect(walkCircles(at, 10)[0].radius).toBe(800);
});

test('the map centres on the person, else on the places, else on the fallback', () => {
  const fallback = { lat: 1, lng: 2 };
  const places = [toPlaceView(card({ location: { lat: 32.85, lng: 120.3 } })), toPlaceView(card({ location: { lat: 32.86, lng: 120.32 } }))];
  expect(centerOf({ lat: 3, lng: 4 }, places, fallback)).toEqual({ lat: 3, lng: 4 });
  expect(centerOf(null, places, fallback)).toEqual({ lat: 32.855, lng: 120.31 });
  expect(centerOf(null, [], fallback)).toBe(fallback);
});

test('the chips start with 全部 and the total', () => {
  expect(categoryChips([{ category: '充电桩', count: 2 }, { category: '城市书房', count: 1 }]).map((c) => `${c.label}:${c.count}`)).toEqual([
    '全部:3',
    '充电桩:2',
    '城市书房:1',
  ]);
});
