import fc from 'fast-check';
import type { KeywordType, NoticeFieldType } from '../../../typings/user';
import { ACCEPTS, KEYWORD_TYPES, formatValue, keywordType } from '../../../server/notify/keywords';
import { KIND_NAMES } from '../../../server/notify/kinds';
import { mappingProblem, messageData, recommendedKeywords, sampleValues } from '../../../server/notify/settings';
import { breaksRule } from '../support/keyword-rules';

const at = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h, mi);

describe('subscribe-message keyword rules', () => {
  it('runs in UTC, as functions do', () => {
    expect(process.env.TZ).toBe('UTC');
  });

  it('reads keyword types off template keywords', () => {
    expect(keywordType('thing1')).toBe('thing');
    expect(keywordType('character_string12')).toBe('character_string');
    expect(keywordType('phone_number3')).toBe('phone_number');
    expect(keywordType('car_number2')).toBe('car_number');
    for (const bad of ['thing', '1thing', 'things1', 'foo1', 'thing123', 'THING1', 'thing1 ', '']) expect(keywordType(bad)).toBeNull();
  });

  it('thing: at most 20 characters, a long Chinese title cut by characters, not bytes', () => {
    const title = '社区东门外的路灯已经坏了三个多星期晚上老人出门非常不方便请帮忙修理';
    const out = formatValue('thing', 'text', title);
    expect(Array.from(out)).toHaveLength(20);
    expect(title.startsWith(out)).toBe(true);
    expect(formatValue('thing', 'text', '第一行\n第二行\t😀结束')).toBe('第一行 第二行 结束');
    expect(formatValue('thing', 'text', '   ')).toBe('无'); // WeChat refuses empty values
  });

  it('phrase: at most 5 Chinese characters, digits and latin dropped', () => {
    expect(formatValue('phrase', 'status', '已通过')).toBe('已通过');
    expect(formatValue('phrase', 'status', '已办结，请评价')).toBe('已办结请评');
    expect(formatValue('phrase', 'status', 'OK第3次审核通过')).toBe('第次审核通');
    expect(formatValue('phrase', 'status', 'done 2')).toBe('无');
  });

  it('time: YYYY年M月D日 HH:mm in Shanghai, also across midnight in UTC', () => {
    // 16:30 UTC on 1 Jan is 00:30 on 2 Jan in Shanghai; 15:59 UTC is still 1 Jan.
    expect(formatValue('time', 'time', at(2026, 1, 1, 16, 30))).toBe('2026年1月2日 00:30');
    expect(formatValue('time', 'time', at(2026, 1, 1, 15, 59))).toBe('2026年1月1日 23:59');
    expect(formatValue('time', 'time', at(2026, 12, 31, 16, 0))).toBe('2027年1月1日 00:00');
    expect(formatValue('date', 'time', at(2026, 3, 4, 23, 5))).toBe('2026年3月5日 07:05');
  });

  it('date: YYYY年M月D日 in Shanghai', () => {
    expect(formatValue('date', 'date', at(2026, 1, 1, 16, 30))).toBe('2026年1月2日');
    expect(formatValue('date', 'date', at(2026, 10, 8, 3, 0))).toBe('2026年10月8日');
  });

  it('character_string: at most 32 digits, letters and symbols; Chinese dropped', () => {
    expect(formatValue('character_string', 'code', 'AB-12中文码34')).toBe('AB-1234');
    expect(formatValue('character_string', 'code', 'x'.repeat(40))).toHaveLength(32);
    expect(formatValue('character_string', 'code', '取件码：１２３')).toBe('-'); // full-width digits are not trusted
    expect(formatValue('character_string', 'number', 12)).toBe('12');
  });

  it('number: digits with an optional decimal point, at most 32', () => {
    expect(formatValue('number', 'number', 10)).toBe('10');
    expect(formatValue('number', 'number', 12.345)).toBe('12.35');
    expect(formatValue('number', 'number', -5)).toBe('5');
    expect(formatValue('number', 'number', 1e21)).toBe('1000000000000000000000');
    expect(formatValue('number', 'number', 1e40)).toHaveLength(32);
  });

  it('letter, symbol, amount, phone_number', () => {
    expect(formatValue('letter', 'text', 'Abc 123 中文 d')).toBe('Abcd');
    expect(formatValue('symbol', 'text', '!?中文@#$%^')).toBe('!?@#$');
    expect(formatValue('amount', 'amount', 12.5)).toBe('12.5元');
    expect(formatValue('amount', 'amount', 123456789012)).toBe('1234567890元');
    expect(formatValue('phone_number', 'phone', '+86 0766-6688 8866 转2')).toBe('+860766-668888662');
    expect(breaksRule('phone_number1', formatValue('phone_number', 'phone', '+86 0766-6688 8866 转2'))).toBeNull();
  });

  it('car_number: at most 8, Chinese only first and last', () => {
    expect(formatValue('car_number', 'plate', '粤A 8Z888挂')).toBe('粤A8Z888挂');
    expect(formatValue('car_number', 'plate', 'su·e12345')).toBe('SUE12345');
    expect(formatValue('car_number', 'plate', '苏E1234567890')).toBe('苏E123456');
    expect(formatValue('car_number', 'plate', '苏E12学34')).toBe('苏E1234');
  });

  it('name: 10 Chinese (mixed counts as Chinese) or 20 letters', () => {
    expect(formatValue('name', 'name', '欧阳春花')).toBe('欧阳春花');
    expect(formatValue('name', 'name', '一二三四五六七八九十十一')).toBe('一二三四五六七八九十');
    expect(formatValue('name', 'name', '居民FF6D')).toBe('居民FFD');
    expect(formatValue('name', 'name', 'John Smith')).toBe('John Smith');
    expect(formatValue('name', 'name', 'Maximilian Alexander Schmidt')).toHaveLength(20);
    expect(formatValue('name', 'name', '123')).toBe('无');
  });

  it('every value of every accepted keyword type obeys the rule, whatever comes in', () => {
    const fieldTypes = Object.keys(ACCEPTS) as NoticeFieldType[];
    const numeric = (t: NoticeFieldType) => ['time', 'date', 'number', 'amount'].includes(t);
    fc.assert(
      fc.property(
        fc.constantFrom(...fieldTypes).chain((t) => fc.tuple(fc.constant(t), fc.constantFrom(...ACCEPTS[t]))),
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('已办结，请评价', '粤A8Z888挂', '13912345678', '李**')),
        fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double({ min: 0, max: 1e12, noNaN: true })),
        ([fieldType, keyword], s, n) => {
          const value = formatValue(keyword, fieldType, numeric(fieldType) ? n : s);
          expect(breaksRule(`${keyword}1`, value)).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every keyword type is formatted to its rule (letter and symbol carry no field of ours, but still obey)', () => {
    for (const t of KEYWORD_TYPES) {
      const fieldType = (Object.keys(ACCEPTS) as NoticeFieldType[]).find((f) => ACCEPTS[f].includes(t)) ?? 'text';
      const value = ['time', 'date', 'number', 'amount'].includes(fieldType) ? at(2026, 2, 3, 4, 5) : 'A1';
      expect(breaksRule(`${t}1`, formatValue(t as KeywordType, fieldType, value))).toBeNull();
    }
  });
});

describe('template mappings', () => {
  it('the recommended mapping of every kind is valid and its sample obeys the rules', () => {
    for (const kind of KIND_NAMES) {
      const keywords = recommendedKeywords(kind);
      expect(mappingProblem(kind, keywords)).toBeNull();
      const data = messageData(kind, keywords, sampleValues(kind, at(2026, 5, 1, 2, 0)));
      expect(Object.keys(data).sort()).toEqual(Object.values(keywords).sort());
      for (const [k, v] of Object.entries(data)) expect(breaksRule(k, v.value)).toBeNull();
    }
  });

  it('refuses a keyword whose type cannot carry the field', () => {
    expect(mappingProblem('wishReviewed', { title: 'thing1', result: 'time2', note: 'thing3' })).toMatch(/审核结果.*phrase/);
    expect(mappingProblem('wishConfirmed', { reason: 'thing1', points: 'phrase2', at: 'time3' })).toMatch(/积分/);
    expect(mappingProblem('bookingReminder', { service: 'thing1', start: 'thing2', place: 'thing3' })).toMatch(/预约时间/);
  });

  it('refuses malformed, repeated, missing and unknown keywords', () => {
    expect(mappingProblem('wishReviewed', { title: 'thing', result: 'phrase2', note: 'thing3' })).toMatch(/不是模板关键词/);
    expect(mappingProblem('wishReviewed', { title: 'thing1', result: 'phrase2', note: 'thing1' })).toMatch(/两次/);
    expect(mappingProblem('wishReviewed', { title: 'thing1', result: 'phrase2' })).toMatch(/说明/);
    expect(mappingProblem('wishReviewed', { title: 'thing1', result: 'phrase2', note: 'thing3', $gt: 'thing4' })).toMatch(/没有这个字段/);
  });

  it('a status sent to a thing keyword keeps its punctuation; to a phrase only Chinese', () => {
    const values = { title: '工单', status: '已派单', note: '社区已安排专人办理' };
    expect(messageData('ticketUpdated', { title: 'thing1', status: 'thing2', note: 'thing3' }, values).thing2.value).toBe('已派单');
    expect(messageData('ticketUpdated', { title: 'thing1', status: 'phrase5', note: 'thing3' }, { ...values, status: '已派单!' }).phrase5.value).toBe('已派单');
  });
});
