import type { Result } from '../../../typings/api';
import * as map from '../../services/map';
import { toast } from '../../utils/dialog';

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
