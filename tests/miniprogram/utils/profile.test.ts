import { checkDisplayName, checkPhone } from '../../../miniprogram/utils/profile';

test('a display name is 1 to 20 characters after trimming', () => {
  expect(checkDisplayName('王阿姨')).toBeNull();
  expect(checkDisplayName(`  ${'名'.repeat(20)}  `)).toBeNull();
  expect(checkDisplayName('名'.repeat(21))).toBe('昵称不能超过20个字');
  expect(checkDisplayName('   ')).toBe('请填写昵称');
});

test('a phone number is an 11-digit mainland mobile number', () => {
  expect(checkPhone('13812345678')).toBeNull();
  expect(checkPhone('12812345678')).toBe('请输入11位手机号码');
  expect(checkPhone('1381234567')).toBe('请输入11位手机号码');
  expect(checkPhone('138123456789')).toBe('请输入11位手机号码');
});
