import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { PARTY_PAGES } from '../../../utils/routes';
import { type CalloutView, toCalloutView } from '../../../utils/party-view';
import type { Answer } from '../../../../typings/party';
import type { Tap } from '../../../base/events';

/** 社区吹哨、党员报到: the community's call-outs, open first, each answered 报到 or 不能到 in one tap. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow, retryKeyed],

  data: {
    items: [] as CalloutView[],
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async fetchPage(cursor?: string) {
      return viewPage(await party.callouts(cursor ? { cursor } : {}), toCalloutView);
    },

    async onAnswer(e: Tap<{ id: string; answer: Answer }>) {
      if (this.data.busy) return;
      const { id, answer } = e.currentTarget.dataset;
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.respond({ id, answer, requestId: requestId({ id, answer }) }));
      if (!res) return;
      if (!res.ok) {
        if (res.code === 'RESOURCE_EXHAUSTED' || res.code === 'FAILED_PRECONDITION') void this.reload();
        return tell(answer === 'coming' ? '未能报到' : '未能提交', res.message);
      }
      const view = toCalloutView(res.data.callout);
      this.setData({ items: this.data.items.map((i) => (i.id === id ? view : i)) });
      toast(answer === 'coming' ? '已报到，请按时到达' : '已告知社区');
    },

    onReport() {
      wx.navigateTo({ url: PARTY_PAGES.report });
    },

    onRegister() {
      wx.navigateTo({ url: PARTY_PAGES.register });
    },

    onVanguard() {
      wx.navigateTo({ url: PARTY_PAGES.vanguard });
    },
  },
});
