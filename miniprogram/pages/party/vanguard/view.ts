import type { VanguardRow } from '../../../../typings/party';

export interface VanguardRowView {
  key: string;
  rank: number;
  name: string;
  branch: string;
  points: number;
  me: boolean;
  /** Gold, silver and bronze discs for the first three places (the 光荣榜's). */
  medal: string;
}

export function toVanguardRowView(r: VanguardRow, i: number): VanguardRowView {
  return { key: `${r.rank}-${i}`, rank: r.rank, name: r.name, branch: r.branch ?? '', points: r.points, me: r.me, medal: r.rank <= 3 ? `medal-${r.rank}` : '' };
}
