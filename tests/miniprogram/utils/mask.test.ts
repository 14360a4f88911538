import { maskName, maskPhone } from '../../../miniprogram/utils/mask';

describe('maskPhone', () => {
  test('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 138 1234 5678 ')).toBe('138****5678');
  });

  test('hides anything that is not an 11-digit number entirely', () => {
    expect(maskPhone('1381234')).toBe('****');
    expect(maskPhone('+8613812345678')).toBe('****');
  });

  test('nothing in, nothing out', () => {
    expect(maskPhone(undefined)).toBe('');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskName', () => {
  test('keeps the surname', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  test('a one-character name still hides something', () => {
    expect(maskName('张')).toBe('张*');
  });

  test('counts characters, not UTF-16 units', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });

  test('nothing in, nothing out', () => {
    expect(maskName('  ')).toBe('');
    expect(maskName(null)).toBe('');
  });
});
