import { toast } from '../utils/dialog';
import { type PageState, pageStateData } from './page-state';
import { appendById } from '../utils/points-view';

/** One page of a list as the page shows it: items already turned into views. */
export type PageResult<T> = { ok: true; data: { items: T[]; next?: string } } | { ok: false; code: string; message: string };

/** A page from a service turned into what the page shows; a failure passes through as it came. */
export function viewPage<S, T>(res: { ok: true; data: { items: S[]; next?: string } } | { ok: false; code: string; message: string }, view: (item: S) => T): PageResult<T> {
  return res.ok ? { ok: true, data: { items: res.data.items.map((x) => view(x)), next: res.data.next } } : res;
}

/** What a page using `pagedList` provides. */
export interface PagedListHost<T> {
  /** Fetch one page (the first when cursor is undefined) of what the page shows now. */
  fetchPage(cursor?: string): Promise<PageResult<T>>;
  /** Which list is on screen (a tab, a filter); an answer for another list is dropped. Default: `data.tab`. */
  listKey?(): string;
}

interface ListData {
  state: PageState;
  items: Array<{ id: string }>;
  next: string;
  listLoading: boolean;
}

type Self = Omit<WechatMiniprogram.Component.TrivialInstance, 'data'> & { data: ListData } & PagedListHost<{ id: string }>;

/**
 * Paged lists: the first page on load and pull-down, the next on reaching the bottom, a full-page
 * error when the first load fails (with 重试), a toast when a later load fails so the shown list
 * stays. FORBIDDEN turns the page into its 无权限 state.
 */
export const pagedList = Behavior({
  data: {
    ...pageStateData,
    items: [] as Array<{ id: string }>,
    next: '',
    listLoading: false,
  },

  methods: {
    /** By default the tab on screen (`data.tab`), for pages with tabs; '' for one list. */
    listKey(): string {
      return String((this.data as { tab?: string }).tab ?? '');
    },

    async reload() {
      const self = this as unknown as Self;
      const key = self.listKey?.() ?? '';
      self.setData({ listLoading: true });
      const res = await self.fetchPage();
      if (key !== (self.listKey?.() ?? '')) return;
      self.setData({ listLoading: false });
      if (!res.ok) {
        if (res.code === 'FORBIDDEN') return self.setData({ state: 'forbidden' });
        if (self.data.state === 'ready') return toast(res.message);
        return self.setData({ state: 'error', errorText: res.message });
      }
      self.setData({ state: 'ready', items: res.data.items, next: res.data.next ?? '' });
    },

    async loadMore() {
      const self = this as unknown as Self;
      if (!self.data.next || self.data.listLoading) return;
      const key = self.listKey?.() ?? '';
      self.setData({ listLoading: true });
      const res = await self.fetchPage(self.data.next);
      self.setData({ listLoading: false });
      if (key !== (self.listKey?.() ?? '')) return;
      if (!res.ok) return toast(res.message);
      self.setData({ items: appendById(self.data.items, res.data.items), next: res.data.next ?? '' });
    },

    /** Show another list (a tab or filter changed): clear what is shown, then load its first page. */
    switchList(patch: Record<string, unknown>) {
      const self = this as unknown as Self;
      self.setData({ ...patch, items: [], next: '' });
      return self.reload();
    },

    /** Only a shown list is refreshed: before it, the page is still starting, refused or showing 重新加载. */
    async onPullDownRefresh() {
      const self = this as unknown as Self;
      if (self.data.state === 'ready') await self.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void (this as unknown as Self).loadMore();
    },
  },
});
