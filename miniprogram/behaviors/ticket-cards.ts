import type { TicketDetail } from '../../typings/lists';
import type { Tap } from '../base/events';
import type { RetryKey } from '../services/retry';
import * as lists from '../services/lists';
import { tell } from '../utils/dialog';
import { LISTS_PAGES } from '../utils/routes';

type Self = Omit<WechatMiniprogram.Component.TrivialInstance, 'data'> & {
  data: { tabs: Array<{ value: string; empty: string }>; tab: string; busy: boolean };
  retryKey(): RetryKey;
  reload(): Promise<void>;
  switchList(patch: Record<string, unknown>): Promise<void>;
};

/**
 * Lists of ticket cards worked by the person on the card (我的任务, 县级包案): tabs from
 * `data.tabs` ({value, empty}), the ticket page on a tap, and taking a ticket from its card with
 * the page's retry key, so a lost answer and the same tap take it once.
 */
export const ticketCards = Behavior({
  methods: {
    onTab(e: Tap<{ tab: string }>) {
      const self = this as unknown as Self;
      const tab = self.data.tabs.find((t) => t.value === e.currentTarget.dataset.tab);
      if (!tab || tab.value === self.data.tab) return;
      void self.switchList({ tab: tab.value, emptyText: tab.empty });
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${LISTS_PAGES.ticket}?id=${e.currentTarget.dataset.id}` });
    },

    /** Accepts the ticket as `verb` (接单, 接手) names it; the accepted ticket, or null when refused. */
    async acceptCard(id: string, verb: string): Promise<TicketDetail | null> {
      const self = this as unknown as Self;
      if (self.data.busy || !id) return null;
      self.setData({ busy: true });
      const key = self.retryKey();
      const res = await lists.accept({ id, requestId: key.for({ op: 'accept', id }) });
      self.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') {
          tell(`没有收到${verb}结果`, `${res.message}。请再点一次“${verb}”，不会重复${verb}。`);
          return null;
        }
        key.settle();
        tell(`未能${verb}`, res.message);
        void self.reload();
        return null;
      }
      key.settle();
      return res.data.ticket;
    },
  },
});
