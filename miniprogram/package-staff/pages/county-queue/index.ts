import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import type { ListsApi } from '../../../../typings/lists';
import * as lists from '../../../services/lists';
import { tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES } from '../../../utils/routes';
import { type TicketCardView, dueLine, toTicketCardView } from '../../../utils/ticket-view';
import type { Tap } from '../../../base/events';
import { freshOnShow } from '../../../behaviors/fresh-on-show';

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
  behaviors: [retryKeyed, memberPage, pagedList, freshOnShow],

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

    onTab(e: Tap<{ tab: Tab }>) {
      const tab = TABS.find((t) => t.value === e.currentTarget.dataset.tab);
      if (!tab || tab.value === this.data.tab) return;
      void this.switchList({ tab: tab.value, emptyText: tab.empty });
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${LISTS_PAGES.ticket}?id=${e.currentTarget.dataset.id}` });
    },

    /** 接手: the officer takes the case; it moves to 办理中 with its resolve deadline. */
    async onAccept(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy || !id) return;
      this.setData({ busy: true });
      const key = this.retryKey();
      const res = await lists.accept({ id, requestId: key.for({ op: 'accept', id }) });
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到接手结果', `${res.message}。请再点一次“接手”，不会重复接手。`);
        key.settle();
        tell('未能接手', res.message);
        return this.reload();
      }
      key.settle();
      const items = (this.data.items as TicketCardView[]).filter((x) => x.id !== id);
      this.setData({ items });
      const due = dueLine(res.data.ticket);
      toast(due ? `已接手，${due}` : '已接手');
    },
  },
});
