/**
 * The scene of a mini-program code: at most 32 visible characters, so short keys:
 * `c=<community code>&g=<grid code>&p=<poster id>` (grid and poster optional).
 */
export interface Scene {
  community: string;
  grid?: string;
  poster?: string;
}

const CODE = /^[A-Za-z0-9_-]{1,12}$/;
const ALLOWED = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

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
  if (grid !== undefined && !CODE.test(grid)) return undefined;
  if (poster !== undefined && !CODE.test(poster)) return undefined;
  return { community, grid, poster };
}

export function formatScene(s: Scene): string {
  const parts = [`c=${s.community}`];
  if (s.grid) parts.push(`g=${s.grid}`);
  if (s.poster) parts.push(`p=${s.poster}`);
  return parts.join('&');
}

export function isValidScene(raw: string): boolean {
  return ALLOWED.test(raw) && parseScene(raw) !== undefined;
}
