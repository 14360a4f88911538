/**
 * WeChat's subscribe-message value rules, written out again from the official 发送订阅消息 page
 * (订阅消息参数值内容限制说明), independently of server/notify/keywords.ts, to check what was sent.
 * Returns why a value breaks its keyword's rule, or null.
 */
const HAN = /\p{Script=Han}/u;
const SYMBOLS = '!-/:-@[-`{-~';
const count = (s: string) => Array.from(s).length;

export function breaksRule(keyword: string, value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'empty or not a string';
  if (/[\p{Cc}]/u.test(value)) return 'control characters';
  const type = /^([a-z_]+?)\d{1,2}$/.exec(keyword)?.[1];
  const ok = (() => {
    switch (type) {
      case 'thing':
        return count(value) <= 20;
      case 'phrase':
        return /^\p{Script=Han}{1,5}$/u.test(value);
      case 'character_string':
        return new RegExp(`^[A-Za-z0-9${SYMBOLS}]{1,32}$`).test(value);
      case 'letter':
        return /^[A-Za-z]{1,32}$/.test(value);
      case 'symbol':
        return new RegExp(`^[${SYMBOLS}]{1,5}$`).test(value);
      case 'number':
        return /^\d+(\.\d+)?$/.test(value) && value.length <= 32;
      case 'amount':
        return /^[¥￥$]?\d+(\.\d+)?元?$/.test(value) && value.replace(/\D/g, '').length <= 10;
      case 'phone_number':
        return new RegExp(`^[0-9${SYMBOLS}]{1,17}$`).test(value);
      case 'car_number':
        return /^\p{Script=Han}?[A-Z0-9]*\p{Script=Han}?$/u.test(value) && count(value) <= 8;
      case 'name':
        return HAN.test(value) ? /^[\p{Script=Han}A-Za-z]{1,10}$/u.test(value) : new RegExp(`^[A-Za-z ${SYMBOLS}]{1,20}$`).test(value);
      case 'time':
        return /^(\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日 )?([01]\d|2[0-3]):[0-5]\d$/.test(value);
      case 'date':
        return /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日( ([01]\d|2[0-3]):[0-5]\d)?$/.test(value);
      default:
        return false;
    }
  })();
  return ok ? null : `${keyword} = ${JSON.stringify(value)} breaks the ${type ?? 'unknown'} rule`;
}
