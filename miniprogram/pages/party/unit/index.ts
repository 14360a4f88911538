import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { pngFile, saveToAlbum } from '../../../services/files';
import { formatDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import type { UnitJoin } from '../../../../typings/party';

/**
 * 单位成员: a confirmed unit's join code and mini-program code for its people, and who has
 * joined; the unit's contact and staff open it (`?id=<registration>`).
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed],

  data: {
    id: '',
    join: null as UnitJoin | null,
    members: [] as Array<{ userId: string; name: string; since: string }>,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.start();
    },

    async reload() {
      const id = this.data.id;
      // Made on first asking, so it goes under the page's retry key like any change.
      const code = await sendOnce(this, this.retryKey(), (requestId) => party.unitJoin({ id, requestId: requestId({ id }) }));
      if (!code) return;
      if (!code.ok) return this.setData({ state: 'error', errorText: code.message });
      const members = await party.unitMembers({ id });
      if (!members.ok) return this.setData({ state: 'error', errorText: members.message });
      this.setData({
        state: 'ready',
        join: code.data.join,
        members: members.data.members.map((m) => ({ userId: m.userId, name: m.name, since: formatDate(m.since) })),
      });
    },

    onCopy() {
      const join = this.data.join;
      if (!join) return;
      wx.setClipboardData({ data: join.code, success: () => toast('加入码已复制，可发给单位同事') });
    },

    async onSaveCode() {
      const join = this.data.join;
      if (!join) return;
      try {
        const filePath = await pngFile(join.image, `unit-code-${join.code}.png`);
        toast((await saveToAlbum(filePath)) ? '小程序码已保存到相册' : '没有保存，请允许访问相册后再试');
      } catch {
        toast('小程序码保存失败，请稍后再试');
      }
    },
  },
});
