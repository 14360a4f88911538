import type { Result } from '../../../typings/api';
import * as map from '../../services/map';
import type { RetryKey } from '../../services/retry';
import { tell, toast } from '../../utils/dialog';

export interface GridOption {
  id: string;
  name: string;
  /** The name without its place in brackets (第一网格), for filter chips that must fit a phone. */
  short: string;
}

/** The grids of the caller's community, for the pickers of the lists forms and filters. */
export async function communityGrids(): Promise<Result<GridOption[]>> {
  const res = await map.community();
  return res.ok ? { ok: true, data: res.data.community.grids.map((g) => ({ id: g.id, name: g.name, short: g.name.replace(/[（(].*[)）]$/, '') || g.name })) } : res;
}

/** A form of the lists went through: say so and go back; the board reads its list again on show. */
export function saved(message: string): void {
  toast(message);
  wx.navigateBack({ delta: 1 });
}

type Saving = { setData(data: { saving: boolean }): void };

/**
 * Sends one save of a form with the form's retry key. A lost answer keeps the key: saving again is
 * the same request, so a resend never creates twice. A refusal is shown in the server's words.
 */
export async function saveOnce<R extends object, T>(page: Saving, key: RetryKey, req: R, send: (req: R & { requestId: string }) => Promise<Result<T>>): Promise<T | null> {
  page.setData({ saving: true });
  const res = await send({ ...req, requestId: key.for(req) });
  page.setData({ saving: false });
  if (!res.ok) {
    if (res.code !== 'INTERNAL') key.settle();
    tell('没有保存', res.message);
    return null;
  }
  key.settle();
  return res.data;
}
