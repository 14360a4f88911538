import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { PARTY_PAGES } from '../../../utils/routes';
import type { Change } from '../../../base/events';
import { joinCodeOf } from './code';

/**
 * 成员随单位报到: a co-building unit's member joins it with the unit's code, scanned (the scene
 * brings them into the community first) or typed; their services then count in the unit's 双报告.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed],

  data: {
    code: '',
    joined: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ code: joinCodeOf(query) });
      void this.start();
    },

    async start() {
      if (await this.ensureMember()) this.setData({ state: 'ready' });
    },

    onCode(e: Change) {
      this.setData({ code: e.detail.value });
    },

    async onJoin() {
      const code = this.data.code.trim().toUpperCase();
      if (!/^[A-Z0-9]{4,20}$/.test(code)) return toast('请填写单位的加入码');
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.join({ code, requestId: requestId({ code }) }));
      if (!res) return;
      if (!res.ok) return tell('未能加入', res.message);
      this.setData({ joined: res.data.unitName });
      toast('已加入');
    },

    /** Where a new member can serve first: the community's call-outs. */
    onCallouts() {
      wx.redirectTo({ url: PARTY_PAGES.callouts });
    },
  },
});
