import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { ticketCards } from '../../../behaviors/ticket-cards';
import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { TicketStatus } from '../../../../typings/lists';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as lists from '../../../services/lists';
import { toast } from '../../../utils/dialog';
import { type TicketCardView, dueLine, toTicketCardView } from '../../../utils/ticket-view';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

type Tab = 'open' | 'resolved' | 'closed';

/** 待处理: the open ones, the nearest deadline first (the server's order); then the finished ones. */
const TABS: Array<{ value: Tab; label: string; status: TicketStatus | 'open'; empty: string }> = [
  { value: 'open', label: '待处理', status: 'open', empty: '没有待处理的任务' },
  { value: 'resolved', label: '待评价', status: 'resolved', empty: '没有等待居民评价的任务' },
  { value: 'closed', label: '已办结', status: 'closed', empty: '还没有办结的任务' },
];

/**
 * 我的任务: tickets dispatched to me — as 网格员, 红色代办员, a member of a 共建单位 or a team —
 * each with how long is left, and 接单 right on the card.
 */
Component({
  behaviors: [elderPage, retryKeyed, memberPage, pagedList, freshOnShow, ticketCards],

  data: {
    tabs: TABS,
    tab: 'open' as Tab,
    emptyText: TABS[0].empty,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.value === query.tab);
      if (tab) this.setData({ tab: tab.value, emptyText: tab.empty });
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const tab = TABS.find((t) => t.value === this.data.tab) ?? TABS[0];
      const now = Date.now();
      return viewPage(await lists.tickets({ scope: 'tasks', status: tab.status, ...(cursor ? { cursor } : {}) }), (t) => toTicketCardView(t, now));
    },

    /** 接单 from the card; the card then shows the resolve deadline that starts running. */
    async onAccept(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const t = await this.acceptCard(id, '接单');
      if (!t) return;
      const items = (this.data.items as TicketCardView[]).map((x) => (x.id === id ? toTicketCardView(t) : x));
      this.setData({ items });
      const due = dueLine(t);
      toast(due ? `已接单，${due}` : '已接单');
    },

  },
});
