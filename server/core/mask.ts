/** 张三丰 → 张**: residents never see another person's full name. */
export function maskName(name: string | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (!chars.length) return '居民';
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)));
}

/** A name as the viewer may read it: in full for the community's staff, who act on it; masked for everyone else. */
export function nameAs(staff: boolean, name: string | undefined): string {
  return staff && name?.trim() ? name.trim() : maskName(name);
}

/** 13851234501 → 138****4501 */
export function maskPhone(phone: string | undefined): string | undefined {
  return phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : undefined;
}
