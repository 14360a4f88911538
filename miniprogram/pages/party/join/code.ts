/**
 * The join code a unit's mini-program code or link carries: `?code=` as typed into a link, or the
 * `u` of the scene (`c=<community>&u=<code>`), which WeChat hands over URL-encoded.
 */
export function joinCodeOf(query: Record<string, string | undefined>): string {
  if (query.code) return query.code.trim().toUpperCase();
  if (!query.scene) return '';
  try {
    const m = /(?:^|&)u=([A-Za-z0-9]{4,20})(?:&|$)/.exec(decodeURIComponent(query.scene));
    return m ? m[1].toUpperCase() : '';
  } catch {
    return '';
  }
}
