/** wx storage on the browser's localStorage, kept apart from anything else the origin stores. */
import { api, fail } from './api';

const PREFIX = 'hl.storage:';

export function getStorageSync(key: string): any {
  const raw = localStorage.getItem(PREFIX + key);
  if (raw === null) return '';
  try {
    return JSON.parse(raw);
  } catch {
    return '';
  }
}

export function setStorageSync(key: string, data: unknown): void {
  localStorage.setItem(PREFIX + key, JSON.stringify(data === undefined ? null : data));
}

export function removeStorageSync(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

function keys(): string[] {
  return Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));
}

export function clearStorageSync(): void {
  for (const k of keys()) removeStorageSync(k);
}

export const storageApis = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getStorageInfoSync: () => ({ keys: keys(), currentSize: 0, limitSize: 10240 }),
  getStorage: api('getStorage', ({ key }) => {
    if (localStorage.getItem(PREFIX + key) === null) throw fail('getStorage', 'data not found');
    return { data: getStorageSync(key) };
  }),
  setStorage: api('setStorage', ({ key, data }) => (setStorageSync(key, data), {})),
  removeStorage: api('removeStorage', ({ key }) => (removeStorageSync(key), {})),
  clearStorage: api('clearStorage', () => (clearStorageSync(), {})),
  getStorageInfo: api('getStorageInfo', () => ({ keys: keys(), currentSize: 0, limitSize: 10240 })),
};
