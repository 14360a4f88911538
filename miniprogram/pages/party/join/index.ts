import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import * as user from '../../../services/user';
import * as session from '../../../services/session';
import { ROLE_LABELS, roleLabels } from '../../../utils/labels';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { PARTY_PAGES } from '../../../utils/routes';
import type { Change } from '../../../base/events';
import { joinCodeOf } from './code';

/**
 * 成员随单位报到: a co-building unit's member joins it with the unit's code, scanned (the scene
 * brings them into the community first) or typed; their services then count in the unit's 双报告.
 * The community's invites (志愿者, 网格员 …) come as the same kind of code and are taken here too.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed],

  data: {
    code: '',
    joined: '',
    /** The role an invite gave, when the code was the community's invite rather than a unit's. */
    joinedRole: '',
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
      if (!res.ok && res.code === 'NOT_FOUND') return this.redeemInvite(code);
      if (!res.ok) return tell('未能加入', res.message);
      this.setData({ joined: res.data.unitName });
      toast('已加入');
    },

    async redeemInvite(code: string) {
      const res = await user.redeemInvite({ code });
      if (!res.ok) return tell('未能加入', res.code === 'NOT_FOUND' ? '加入码或邀请码不存在，请核对后重新输入' : res.message);
      session.setMe(res.data.me);
      const gained = roleLabels(res.data.me.roles).find((l) => l !== ROLE_LABELS.resident) ?? ROLE_LABELS.volunteer;
      this.setData({ joined: res.data.me.community?.name ?? '', joinedRole: gained });
      toast('已加入');
    },

    /** Where a new member can serve first: the community's call-outs. */
    onCallouts() {
      wx.redirectTo({ url: PARTY_PAGES.callouts });
    },
  },
});
