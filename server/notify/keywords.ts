import type { KeywordType, NoticeFieldType } from '../../typings/user';
import { dayjs, ZONE } from '../core/time';

/**
 * WeChat's rules for subscribe-message values, in one place. Followed from the official
 * 发送订阅消息 page, 其他说明 → 订阅消息参数值内容限制说明
 * (developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html):
 *   thing ≤ 20 characters (汉字、数字、字母或符号); number ≤ 32 digits, may have a decimal point;
 *   letter ≤ 32 letters; symbol ≤ 5 symbols; character_string ≤ 32 digits, letters or symbols;
 *   time 24-hour time, optionally with 年月日 (2019年10月1日 15:01); date 年月日 (2019年10月1日);
 *   amount one currency sign + ≤ 10 digits, may have decimals, may end in 元;
 *   phone_number ≤ 17 digits and symbols; car_number ≤ 8, first and last may be 汉字, the rest
 *   letters or digits; name ≤ 10 汉字 (mixed counts as Chinese) or ≤ 20 letters or symbols;
 *   phrase ≤ 5 汉字 only. "Symbols" are common marks other than Chinese, letters and digits,
 *   never line breaks or control characters. A value that breaks a rule (or is empty) is refused
 *   with 47003, so every value goes through `formatValue`.
 */

export const KEYWORD_TYPES: readonly KeywordType[] = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase',
];

/** Which keyword types can carry a field of each meaning. */
export const ACCEPTS: Record<NoticeFieldType, readonly KeywordType[]> = {
  text: ['thing'],
  status: ['phrase', 'thing'],
  time: ['time', 'date'],
  date: ['date'],
  number: ['number', 'character_string', 'thing'],
  code: ['character_string', 'thing'],
  name: ['name', 'thing'],
  phone: ['phone_number', 'character_string'],
  amount: ['amount', 'number'],
  plate: ['car_number', 'thing'],
};

/** The type of a template keyword such as `thing1`, `character_string12`; null when it is not one. */
export function keywordType(keyword: string): KeywordType | null {
  const m = /^([a-z_]+?)(\d{1,2})$/.exec(keyword);
  return m && (KEYWORD_TYPES as readonly string[]).includes(m[1]) ? (m[1] as KeywordType) : null;
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
/** Symbols: visible ASCII marks (no spaces, no control characters; full-width marks are not trusted). */
const isSymbol = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);
const chars = (s: string) => Array.from(s);
const cut = (s: string, n: number) => chars(s).slice(0, n).join('');

/** One line of text: no control characters or emoji, runs of blanks as one space. */
function oneLine(s: string): string {
  return s
    .replace(/[\p{Cc}\p{Cf}\p{Extended_Pictographic}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The wall-clock time in Shanghai, as WeChat shows it: 2026年3月5日 08:30. */
export function shanghaiTime(at: number): string {
  return dayjs(at).tz(ZONE).format('YYYY年M月D日 HH:mm');
}

export function shanghaiDate(at: number): string {
  return dayjs(at).tz(ZONE).format('YYYY年M月D日');
}

/** A plain decimal: no sign, no exponent, at most two places. */
function decimal(n: number): string {
  const abs = Math.abs(n);
  return Number.isInteger(abs) ? abs.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : abs.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

function digitsOf(value: string | number, maxDigits: number): string {
  const s = typeof value === 'number' ? decimal(value) : value.replace(/[^0-9.]/g, '');
  const [int = '', ...rest] = s.split('.');
  const frac = rest.join('');
  const whole = (int || '0').slice(0, maxDigits);
  const room = maxDigits - whole.length;
  return frac && room > 0 ? `${whole}.${frac.slice(0, room)}` : whole;
}

/** What goes in a keyword when a value leaves nothing the rule allows (WeChat refuses empty values). */
const EMPTY: Record<KeywordType, string> = {
  thing: '无', number: '0', letter: 'N', symbol: '-', character_string: '-', time: '', date: '', amount: '0元',
  phone_number: '-', car_number: '无', name: '无', phrase: '无',
};

/** The text of a value, whatever its meaning: times in Shanghai, numbers plain. */
function asText(type: NoticeFieldType, value: string | number): string {
  if (typeof value === 'number') {
    if (type === 'time') return shanghaiTime(value);
    if (type === 'date') return shanghaiDate(value);
    if (type === 'amount') return `${decimal(value)}元`;
    return decimal(value);
  }
  return value;
}

function carNumber(raw: string): string {
  const cs = chars(raw.toUpperCase()).filter((c) => HAN.test(c) || /[A-Z0-9]/.test(c));
  if (!cs.length) return '';
  const head = HAN.test(cs[0]) ? cs.shift()! : '';
  const tail = cs.length && HAN.test(cs[cs.length - 1]) ? cs.pop()! : '';
  const middle = cs.filter((c) => !HAN.test(c)).slice(0, 8 - head.length - tail.length);
  return head + middle.join('') + tail;
}

function personName(raw: string): string {
  const s = chars(oneLine(raw));
  if (s.some((c) => HAN.test(c))) {
    // A Chinese (or mixed) name: Chinese characters and letters only, ten of them.
    return cut(s.filter((c) => HAN.test(c) || LETTER.test(c)).join(''), 10);
  }
  return cut(s.filter((c) => LETTER.test(c) || isSymbol(c) || c === ' ').join('').trim(), 20).trim();
}

/**
 * A value, cut and formatted to the rule of the keyword type it goes into. `value` is what the
 * field means: text, or epoch ms for times and dates, or a number.
 */
export function formatValue(keyword: KeywordType, fieldType: NoticeFieldType, value: string | number): string {
  const text = oneLine(asText(fieldType, value));
  let out: string;
  switch (keyword) {
    case 'thing':
      out = cut(text, 20);
      break;
    case 'phrase':
      out = cut((text.match(HAN_ALL) ?? []).join(''), 5);
      break;
    case 'character_string':
      out = cut(chars(text).filter((c) => LETTER.test(c) || DIGIT.test(c) || isSymbol(c)).join(''), 32);
      break;
    case 'letter':
      out = cut(chars(text).filter((c) => LETTER.test(c)).join(''), 32);
      break;
    case 'symbol':
      out = cut(chars(text).filter(isSymbol).join(''), 5);
      break;
    case 'number':
      out = /\d/.test(text) ? digitsOf(typeof value === 'number' ? value : text, 32) : '';
      break;
    case 'amount':
      out = /\d/.test(text) ? `${digitsOf(typeof value === 'number' ? value : text, 10)}元` : '';
      break;
    case 'phone_number':
      out = cut(chars(text).filter((c) => DIGIT.test(c) || isSymbol(c)).join(''), 17);
      break;
    case 'car_number':
      out = carNumber(text);
      break;
    case 'name':
      out = personName(text);
      break;
    case 'time':
      out = typeof value === 'number' ? shanghaiTime(value) : timeText(text);
      break;
    case 'date':
      out = typeof value === 'number' ? (fieldType === 'time' ? shanghaiTime(value) : shanghaiDate(value)) : timeText(text);
      break;
  }
  return out || EMPTY[keyword] || text;
}

/** A time given as text is only trusted in WeChat's own shape; anything else is not a time. */
function timeText(text: string): string {
  return /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2}(:\d{2})?)?$|^\d{2}:\d{2}(:\d{2})?$/.test(text) ? text : '';
}
