import type { Me } from '../../typings/user';
import * as session from '../services/session';
import { GRID_PICKER } from '../utils/routes';
import { toast } from '../utils/dialog';

type Self = WechatMiniprogram.Component.TrivialInstance & { show(me: Me): void };

/**
 * The front door on 首页 and 我的: a newcomer scans the community poster with 扫一扫; a member
 * without a grid goes to pick their building. The page shows the person with its own `show(me)`.
 */
export const joinDoor = Behavior({
  data: { joining: false },
  methods: {
    async onScan() {
      const self = this as unknown as Self;
      if ((self.data as { joining?: boolean }).joining) return;
      self.setData({ joining: true });
      const res = await session.joinByScan();
      self.setData({ joining: false });
      if (!res) return;
      if (!res.ok) return toast(res.message);
      self.show(res.data);
      toast(`已加入${res.data.community?.name ?? '社区'}`);
    },

    onChooseGrid() {
      wx.navigateTo({ url: GRID_PICKER });
    },
  },
});
