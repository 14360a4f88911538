import type { Goods } from '../../../typings/points';
import { emptyForm, formOf, formProblem, providerChoices, toCreate, toEdit } from '../../../miniprogram/package-staff/pages/goods-edit/form';

const goods: Goods = {
  id: 'gd_1',
  name: '大米 5kg',
  description: '粳米',
  cost: 100,
  stock: 10,
  provider: '北海社区',
  pickupPlace: '服务台',
  perPersonLimit: 1,
  status: 'on_shelf',
  myRemaining: 1,
  updatedAt: 0,
};

test('the form says what is missing, one thing at a time', () => {
  const f = emptyForm();
  expect(formProblem(f, true)).toBe('请填写商品名称');
  f.name = '大米';
  expect(formProblem(f, true)).toBe('所需积分须为1到100000之间的整数');
  f.cost = '1.5';
  expect(formProblem(f, true)).toBe('所需积分须为1到100000之间的整数');
  f.cost = '100';
  expect(formProblem(f, true)).toBe('库存须为0到10000之间的整数');
  expect(formProblem(f, false)).toBe('请填写领取地点'); // editing: the stock is restocked elsewhere
  f.stock = '0';
  f.pickupPlace = '服务台';
  expect(formProblem(f, true)).toBeNull();
  expect(toCreate(f)).toEqual({ op: 'create', name: '大米', cost: 100, stock: 0, perPersonLimit: 1, pickupPlace: '服务台' });
});

test('an edit sends only what changed; a provider set back to the community is sent as null', () => {
  const f = formOf({ ...goods, unitId: 'unit_power', provider: '国网东台市供电公司' });
  expect(toEdit({ ...goods, unitId: 'unit_power' }, f, '')).toBeNull();
  f.cost = '90';
  f.unitId = '';
  expect(toEdit({ ...goods, unitId: 'unit_power' }, f, ' 调价 ')).toEqual({ op: 'edit', id: 'gd_1', cost: 90, unitId: null, reason: '调价' });
});

test('providers: the community, then each unit that already provides goods, once', () => {
  const withUnit = (unitId: string, provider: string) => ({ ...goods, unitId, provider });
  expect(providerChoices('北海社区', [withUnit('unit_a', '医院'), goods, withUnit('unit_a', '医院'), withUnit('unit_b', '学校')])).toEqual([
    { unitId: '', name: '北海社区（社区提供）' },
    { unitId: 'unit_a', name: '医院' },
    { unitId: 'unit_b', name: '学校' },
  ]);
});
