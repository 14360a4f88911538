/** wx storage on the browser's localStorage, kept apart from anything else the origin stores. */
import { storageApis as on } from '../../../wx-common/storage';

const PREFIX = 'hl.storage:';

export const storageApis = on({
  get: (key) => localStorage.getItem(PREFIX + key),
  set: (key, raw) => localStorage.setItem(PREFIX + key, raw),
  remove: (key) => localStorage.removeItem(PREFIX + key),
  keys: () =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => k.slice(PREFIX.length)),
});

export const { getStorageSync, setStorageSync } = storageApis;
