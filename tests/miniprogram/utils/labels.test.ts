import { ROLE_LABELS as CONTRACT_LABELS } from '../../../typings/user';
import { ROLE_LABELS, isManager, isStaff, roleLabels } from '../../../miniprogram/utils/labels';

test('the mini-program copy of ROLE_LABELS matches the contract', () => {
  expect(ROLE_LABELS).toEqual(CONTRACT_LABELS);
});

test('role labels are listed highest first', () => {
  expect(roleLabels(['resident', 'volunteer', 'staff'])).toEqual(['社区工作者', '志愿者', '居民']);
});

test('staff, grid workers and admins are staff; volunteers are not', () => {
  expect(isStaff(['resident', 'staff'])).toBe(true);
  expect(isStaff(['resident', 'grid_worker'])).toBe(true);
  expect(isStaff(['resident', 'admin'])).toBe(true);
  expect(isStaff(['resident', 'volunteer', 'unit_member'])).toBe(false);
});

test('only staff and admins manage the wish wall; grid workers do not', () => {
  expect(isManager(['resident', 'staff'])).toBe(true);
  expect(isManager(['resident', 'admin'])).toBe(true);
  expect(isManager(['resident', 'grid_worker'])).toBe(false);
  expect(isManager(['resident', 'volunteer'])).toBe(false);
});
