import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { ticketCards } from '../../../behaviors/ticket-cards';
import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { TicketStatus } from '../../../../typings/lists';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as lists from '../../../services/lists';
import * as booking from '../../../services/booking';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { type ErrandView, toErrandView } from '../../../utils/booking-view';
import { type TicketCardView, dueLine, toTicketCardView } from '../../../utils/ticket-view';
import type { Change, Tap } from '../../../base/events';
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
 * each with how long is left, and 接单 right on the card; above them, the 代办 and 上门帮办
 * errands in my hand (a 红色代办员's are assigned by staff), 办结 with what was done.
 */
Component({
  behaviors: [elderPage, retryKeyed, memberPage, pagedList, freshOnShow, ticketCards],

  data: {
    tabs: TABS,
    tab: 'open' as Tab,
    emptyText: TABS[0].empty,
    busy: false,
    errands: [] as ErrandView[],
    /** The errand whose 办结 form is open, and what the person wrote in it. */
    doneId: '',
    doneNote: '',
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
      // Errands in hand come with the first page of 待处理, read at the same time.
      const withErrands = !cursor && tab.value === 'open';
      const [res, errands] = await Promise.all([
        lists.tickets({ scope: 'tasks', status: tab.status, ...(cursor ? { cursor } : {}) }),
        withErrands ? booking.errands({ scope: 'assigned', status: 'accepted' }) : null,
      ]);
      if (!cursor) this.setData({ errands: errands?.ok ? errands.data.items.map((e) => toErrandView(e, now)) : [], doneId: '' });
      return viewPage(res, (t) => toTicketCardView(t, now));
    },

    onErrandDone(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ doneId: this.data.doneId === id ? '' : id, doneNote: '' });
    },

    onErrandNote(e: Change) {
      this.setData({ doneNote: e.detail.value });
    },

    /** 办结: what was done, told to the resident; a 红色代办员 is credited the time and the points. */
    async onErrandSubmit() {
      const id = this.data.doneId;
      const note = this.data.doneNote.trim();
      if (!id || this.data.busy) return;
      if (!note) return toast('请填写办理结果');
      const res = await sendOnce(this, this.retryKey(), (requestId) => booking.updateErrand({ id, op: 'done', note, requestId: requestId({ id, note }) }));
      if (!res) return;
      if (!res.ok) {
        tell('未能办结', res.message);
        return this.reload();
      }
      const { minutes, pointsAwarded } = res.data.errand;
      this.setData({ errands: this.data.errands.filter((x) => x.id !== id), doneId: '', doneNote: '' });
      toast(minutes ? `已办结，服务${Math.round(minutes / 6) / 10}小时，获得${pointsAwarded ?? 0}积分` : '已办结，居民会收到通知');
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
