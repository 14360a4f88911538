/** 13812345678 → 138****5678. Anything that is not an 11-digit mobile number is hidden entirely. */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return '';
  const p = phone.replace(/\s+/g, '');
  return /^\d{11}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : '****';
}

/** 张三丰 → 张**: keeps the first character (a surname, usually). */
export function maskName(name: string | undefined | null): string {
  if (!name) return '';
  const chars = Array.from(name.trim()); // by code point, so emoji and rare characters stay whole
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
