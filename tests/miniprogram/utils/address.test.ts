import { addressText } from '../../../miniprogram/utils/address';

describe('addressText', () => {
  it('adds the word each number needs and keeps words already typed', () => {
    expect(addressText({ building: '3', unit: '2', room: '401' })).toBe('3幢2单元401室');
    expect(addressText({ building: '北海新村5栋', unit: '1单元', room: '302室' })).toBe('北海新村5栋1单元302室');
    expect(addressText({ building: '1幢', unit: '', room: '' })).toBe('1幢');
  });

  it('is empty when nothing is filled in (the address is optional)', () => {
    expect(addressText({ building: ' ', unit: '', room: '' })).toBe('');
  });
});
