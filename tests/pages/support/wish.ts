/** Reading wishes and the points they earn, straight from the local cloud. */
import { getDoc } from './db';
import { meOf } from './backend';
import type { PageHandle } from '../../setup/load';
import { recorded } from '../../setup/wx';

export interface WishRow {
  _id: string;
  status: string;
  title: string;
  content: string;
  category: string;
  photos: string[];
  showPhone: boolean;
  publisherId: string;
  wants: number;
  wantedBy: string[];
  claim?: { userId: string; leaseUntil: number };
  proof?: { note: string; photos: string[]; at: number };
  rating?: { stars: number; comment?: string };
  rejectReason?: string;
  pointsAwarded?: number;
}

export const wishRow = (id: string) => getDoc<WishRow>('wishes', id);

/** The person's balance in their community (collection points_accounts, doc id = community id.user id). */
export async function balanceOf(openid: string): Promise<number> {
  const { id, community } = await meOf(openid);
  return (await getDoc<{ balance: number }>('points_accounts', `${community?.id}.${id}`))?.balance ?? 0;
}

/** Requests the page sent for one action of the wish function. */
export function sent(action: string): Record<string, any>[] {
  return recorded.requests.map((r) => r.data as Record<string, any>).filter((d) => d?.action === action);
}

/** The wish id a navigation went to (…/detail/index?id=w_…). */
export function idFromNavigation(nav: string | undefined): string {
  const m = /[?&]id=([\w-]+)/.exec(nav ?? '');
  if (!m) throw new Error(`no wish id in navigation ${nav}`);
  return m[1];
}

/** Taps 加载更多 until `selector` is on the page (queues shared with other suites can be long). */
export async function pageUntil(page: PageHandle, selector: string, maxPages = 50): Promise<void> {
  for (let i = 0; i < maxPages && !page.has(selector); i++) {
    if (!page.has('#more')) break;
    await page.tap('#more');
  }
  if (!page.has(selector)) throw new Error(`${selector} never appeared; the page shows: ${page.text()}`);
}
