import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import type { ListsApi } from '../../../../typings/lists';
import * as lists from '../../../services/lists';
import { toast } from '../../../utils/dialog';
import { type TicketCardView, dueLine, toTicketCardView } from '../../../utils/ticket-view';
import type { Tap } from '../../../base/events';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { ticketCards } from '../../../behaviors/ticket-cards';

type Tab = NonNullable<ListsApi['countyQueue']['req']['status']>;

const TABS: Array<{ value: Tab; label: string; empty: string }> = [
  { value: 'dispatched', label: '待接手', empty: '没有等待接手的包案' },
  { value: 'accepted', label: '办理中', empty: '没有正在办理的包案' },
  { value: 'done', label: '已办结', empty: '还没有办结的包案' },
];

/**
 * 县级包案: the cases the communities a county officer oversees sent up to the county
 * (疑难问题提级包案), special groups first, then the nearest deadline; 接手 on the card, the rest
 * (进展, 办结) on the ticket page. The server decides who sees what: nobody else's cases show here.
 */
Component({
  behaviors: [retryKeyed, memberPage, pagedList, freshOnShow, ticketCards],

  data: {
    tabs: TABS,
    tab: 'dispatched' as Tab,
    emptyText: TABS[0].empty,
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async onPullDownRefresh() {
      if (this.data.state === 'ready') await this.reload();
      wx.stopPullDownRefresh();
    },

    listKey(): string {
      return this.data.tab;
    },

    async fetchPage(cursor?: string) {
      const now = Date.now();
      return viewPage(await lists.countyQueue({ status: this.data.tab, ...(cursor ? { cursor } : {}) }), (t) => toTicketCardView(t, now));
    },

    /** 接手: the officer takes the case; it moves to 办理中 with its resolve deadline. */
    async onAccept(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const t = await this.acceptCard(id, '接手');
      if (!t) return;
      const items = (this.data.items as TicketCardView[]).filter((x) => x.id !== id);
      this.setData({ items });
      const due = dueLine(t);
      toast(due ? `已接手，${due}` : '已接手');
    },
  },
});
