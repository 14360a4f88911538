import { SERVICE_CATEGORIES as CONTRACT_CATEGORIES, VISIT_GROUPS as CONTRACT_GROUPS, type ProjectView, type ResourceView } from '../../../typings/lists';
import { SERVICE_CATEGORIES, VISIT_GROUPS, capacityText, datesText, toNeedCardView, toProjectCardView, toResourceCardView, waitedText } from '../../../miniprogram/utils/lists-view';

test('the mini-program copies of the categories and 五必访 groups match the contract', () => {
  expect([...SERVICE_CATEGORIES]).toEqual([...CONTRACT_CATEGORIES]);
  expect([...VISIT_GROUPS]).toEqual([...CONTRACT_GROUPS]);
});

test('waiting and capacity read the way staff say them', () => {
  expect(waitedText(0)).toBe('今天登记');
  expect(waitedText(5)).toBe('已等待5天');
  expect(capacityText(2, 5, 'week')).toBe('本周已接 2/5');
  expect(capacityText(0, 10, 'month')).toBe('本月已接 0/10');
  expect(datesText('2031-05-01', '2031-06-30')).toBe('2031-05-01 至 2031-06-30');
  expect(datesText(undefined, '2031-06-30')).toBe('2031-06-30 前完成');
  expect(datesText()).toBe('');
});

test('a wish-born need is closed on the wish wall, not on the list', () => {
  const base = { id: 'n1', category: '助老服务', title: 't', urgency: 3 as const, people: 1, waitedDays: 4, createdAt: 0, updatedAt: 0 };
  expect(toNeedCardView({ ...base, source: 'wish', status: 'open' })).toMatchObject({ canClose: false, canReopen: false, sourceLabel: '心愿', urgencyLabel: '紧急', waited: '已等待4天' });
  expect(toNeedCardView({ ...base, source: 'visit', status: 'open' })).toMatchObject({ canClose: true, canReopen: false, statusLabel: '待对接' });
  expect(toNeedCardView({ ...base, source: 'request', status: 'closed' })).toMatchObject({ canClose: false, canReopen: true, canEdit: false });
});

test('resource and project actions follow what the server says the caller may do', () => {
  const r: ResourceView = { id: 'r', title: 't', providerKind: 'team', providerName: '党员志愿服务队', categories: ['水电维修', '家电维修'], capacity: 3, period: 'week', used: 3, area: {}, areaLabel: '', status: 'active', editable: true, updatedAt: 0 };
  expect(toResourceCardView(r)).toMatchObject({ kindLabel: '志愿服务队', full: true, canPause: true, canResume: false, canRetire: true, categoriesText: '水电维修、家电维修' });
  expect(toResourceCardView({ ...r, editable: false })).toMatchObject({ canPause: false, canRetire: false });
  const p: ProjectView = { id: 'p', title: 't', description: 'd', category: '房屋修缮', gridIds: ['g'], gridNames: ['第一网格'], status: 'recruiting', needCount: 2, people: 4, createdAt: 0, updatedAt: 0, can: ['claim'] };
  expect(toProjectCardView(p)).toMatchObject({ statusLabel: '招募中', unitText: '待共建单位认领', may: { claim: true, publish: false, start: false } });
});
