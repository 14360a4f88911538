import { ROLE_LABELS as CONTRACT_LABELS } from '../../../typings/user';
import { ROLE_LABELS, isStaff, roleLabels } from '../../../miniprogram/utils/labels';

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
