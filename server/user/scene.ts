/**
 * The scene of a mini-program code: at most 32 visible characters, so short keys:
 * `c=<community code>&g=<grid code>&p=<poster id>` (grid and poster optional), or a co-building
 * unit's join code `c=<community code>&u=<join code>`.
 */
export interface Scene {
  community: string;
  grid?: string;
  poster?: string;
  unit?: string;
}

const CODE = /^[A-Za-z0-9_-]{1,12}$/;
const ALLOWED = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** Where a code with a scene's `u` lands: the page that takes a unit's join code or an invite code. */
export const JOIN_PAGE = 'pages/party/join/index';

export function parseScene(raw: string): Scene | undefined {
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!ALLOWED.test(scene)) return undefined;
  const params = new URLSearchParams(scene);
  const community = params.get('c') ?? '';
  if (!CODE.test(community)) return undefined;
  const grid = params.get('g') ?? undefined;
  const poster = params.get('p') ?? undefined;
  const unit = params.get('u') ?? undefined;
  if ([grid, poster, unit].some((x) => x !== undefined && !CODE.test(x))) return undefined;
  return { community, grid, poster, ...(unit ? { unit } : {}) };
}

export function formatScene(s: Scene): string {
  const parts = [`c=${s.community}`];
  if (s.grid) parts.push(`g=${s.grid}`);
  if (s.poster) parts.push(`p=${s.poster}`);
  if (s.unit) parts.push(`u=${s.unit}`);
  return parts.join('&');
}

export function isValidScene(raw: string): boolean {
  return ALLOWED.test(raw) && parseScene(raw) !== undefined;
}
