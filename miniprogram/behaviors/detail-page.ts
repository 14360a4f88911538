import type { Result } from '../../typings/api';
import * as session from '../services/session';
import { toast } from '../utils/dialog';
import { pageStateData } from './page-state';

/** The part of an answer the page shows; a failure passes through as it came. */
export function pick<A, B>(res: Result<A>, part: (data: A) => B): Result<B> {
  return res.ok ? { ok: true, data: part(res.data) } : res;
}

/** What a page using `detailPage` provides. */
export interface DetailHost<T> {
  /** Read the one thing the page shows (its id is in `data.id`). */
  fetchDetail(): Promise<Result<T>>;
  /** Put it on screen (and set `state: 'ready'`). */
  show(detail: T): void;
}

type Query = Record<string, string | undefined>;

type Self = Omit<WechatMiniprogram.Component.TrivialInstance, 'data'> & { data: { state: string; goneText: string } } & DetailHost<unknown> & {
  start(): Promise<void>;
  reload(): Promise<void>;
};

/**
 * Pages that show one wish, ticket, booking or place: sign-in then the first read, pull-down to read
 * again, 重试 after a failure. A later failed read keeps what is shown (with a toast), except when the
 * thing is gone for this person (withdrawn, taken down): then the page says so instead of showing it.
 * The page opens with `?id=`; without one it shows its `goneText`.
 */
export const detailPage = Behavior({
  data: { ...pageStateData, id: '', goneText: '' },

  methods: {
    onLoad(query: Query) {
      const self = this as unknown as Self;
      const id = query.id ?? '';
      if (!id) return self.setData({ state: 'error', errorText: self.data.goneText });
      self.setData({ id });
      void self.start();
    },

    async start() {
      const self = this as unknown as Self;
      const me = await session.ensureMe();
      if (!me.ok) return self.setData({ state: 'error', errorText: me.message });
      await self.reload();
    },

    async reload() {
      const self = this as unknown as Self;
      const res = await self.fetchDetail();
      if (!res.ok) {
        if (self.data.state === 'ready' && res.code !== 'NOT_FOUND') return toast(res.message);
        return self.setData({ state: 'error', errorText: res.message });
      }
      self.show(res.data);
    },

    async onPullDownRefresh() {
      await (this as unknown as Self).reload();
      wx.stopPullDownRefresh();
    },

    onRetry() {
      const self = this as unknown as Self;
      self.setData({ state: 'loading' });
      void self.start();
    },
  },
});
