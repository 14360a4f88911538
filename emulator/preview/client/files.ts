/**
 * Files as the mini-program sees them: temp paths (`wxfile://tmp_…`) for what the person picked or
 * the page wrote, and the URLs an <image> may be given, mapped to what this browser can load.
 */

interface TempFile {
  blob: Blob;
  url: string;
}

const temps = new Map<string, TempFile>();
let seq = 0;

export const USER_DATA_PATH = 'wxfile://usr';

export function addTempFile(blob: Blob, name = 'file.png'): string {
  const ext = /\.(\w{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? (blob.type.split('/')[1] || 'bin');
  const path = `wxfile://tmp_${Date.now().toString(36)}_${++seq}.${ext}`;
  putFile(path, blob);
  return path;
}

export function putFile(path: string, blob: Blob): void {
  const old = temps.get(path);
  if (old) URL.revokeObjectURL(old.url);
  temps.set(path, { blob, url: URL.createObjectURL(blob) });
}

export const fileAt = (path: string): TempFile | undefined => temps.get(path);

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/.*)?$/i;

/** The local cloud is wherever this page came from, whatever port the mini-program's config names. */
export function sameOrigin(url: string): string {
  const m = LOOPBACK.exec(url);
  return m ? `${location.origin}${m[3] ?? '/'}` : url;
}

/** Where the browser finds what an <image src> names, from the component at `ownerKey`. */
export function assetUrl(src: string, ownerKey = ''): string {
  if (!src) return '';
  const temp = temps.get(src);
  if (temp) return temp.url;
  if (src.startsWith('cloud://')) return `/files/${src.replace(/^cloud:\/\/[^/]+\//, '')}`;
  if (/^(https?:|data:|blob:)/i.test(src)) return sameOrigin(src);
  if (src.startsWith('/')) return `/preview/mp${src}`;
  const dir = ownerKey.split('/').slice(0, -1);
  for (const part of src.split('/')) {
    if (part === '..') dir.pop();
    else if (part !== '.') dir.push(part);
  }
  return `/preview/mp/${dir.join('/')}`;
}
