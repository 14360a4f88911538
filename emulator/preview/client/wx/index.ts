/** The `wx` object of the preview. An API the preview lacks says so once in the console. */
import { api } from '../../../wx-common/callbacks';
import type { WxContext } from './context';
import { deviceApis } from './device';
import { interfaceApis } from './interface';
import { cloud, networkApis } from './network';
import { privacyApis } from './privacy';
import { storageApis } from './storage';
import { systemApis } from './system';

export function createWx(ctx: WxContext): Record<string, any> {
  const wx: Record<string, any> = {
    ...storageApis,
    ...networkApis,
    ...interfaceApis(ctx),
    ...deviceApis(ctx),
    ...systemApis(ctx),
    ...privacyApis(),
    cloud,
  };
  const warned = new Set<string>();
  return new Proxy(wx, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string];
      if (!warned.has(name)) {
        warned.add(name);
        console.warn(`wx.${name} is not available in the preview`);
      }
      return /Sync$/.test(name) || /^(create|get)[A-Z]/.test(name) ? undefined : api(name, () => ({}));
    },
  });
}
