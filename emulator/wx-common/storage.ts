/**
 * wx storage semantics over any string store (localStorage in the preview, a Map in the tests): values
 * are kept as JSON, so a read is a copy; a missing key reads as ''; the async forms fail with
 * `data not found`.
 */
import { api, fail } from './callbacks';

export interface StorageBacking {
  get(key: string): string | null;
  set(key: string, raw: string): void;
  remove(key: string): void;
  keys(): string[];
}

/** A backing in memory, for tests. */
export function memoryBacking(): StorageBacking {
  const m = new Map<string, string>();
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, raw) => void m.set(k, raw),
    remove: (k) => void m.delete(k),
    keys: () => [...m.keys()],
  };
}

export function storageApis(b: StorageBacking) {
  const getStorageSync = (key: string): any => {
    const raw = b.get(key);
    if (raw === null) return '';
    try {
      return JSON.parse(raw);
    } catch {
      return '';
    }
  };
  const setStorageSync = (key: string, data: unknown): void => b.set(key, JSON.stringify(data === undefined ? null : data));
  const removeStorageSync = (key: string): void => b.remove(key);
  const clearStorageSync = (): void => b.keys().forEach((k) => b.remove(k));
  const info = () => ({ keys: b.keys(), currentSize: 0, limitSize: 10240 });
  return {
    getStorageSync,
    setStorageSync,
    removeStorageSync,
    clearStorageSync,
    getStorageInfoSync: info,
    getStorage: api('getStorage', ({ key }) => {
      if (b.get(key) === null) throw fail('getStorage', 'data not found');
      return { data: getStorageSync(key) };
    }),
    setStorage: api('setStorage', ({ key, data }) => (setStorageSync(key, data), {})),
    removeStorage: api('removeStorage', ({ key }) => (removeStorageSync(key), {})),
    clearStorage: api('clearStorage', () => (clearStorageSync(), {})),
    getStorageInfo: api('getStorageInfo', info),
  };
}
