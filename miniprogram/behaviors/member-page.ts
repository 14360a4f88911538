import type { Me } from '../../typings/user';
import * as session from '../services/session';
import { pageStateData } from './page-state';

type Self = WechatMiniprogram.Component.TrivialInstance & { start(): Promise<void>; reload(): Promise<void> };

export const NOT_IN_COMMUNITY = '请先扫描社区海报上的二维码加入社区';

/**
 * Pages for members of a community: `ensureMember()` loads who is using the phone and shows the
 * page's error state (with 重试) when that fails or they have not joined a community yet. The
 * default `start()` then loads the page's list (`reload`); pages with more to set up override it.
 */
export const memberPage = Behavior({
  data: { ...pageStateData },

  methods: {
    async ensureMember(): Promise<Me | null> {
      const self = this as unknown as Self;
      const res = await session.ensureMe();
      if (!res.ok) {
        self.setData({ state: 'error', errorText: res.message });
        return null;
      }
      if (!res.data.community) {
        self.setData({ state: 'error', errorText: NOT_IN_COMMUNITY });
        return null;
      }
      return res.data;
    },

    async start() {
      const self = this as unknown as Self;
      if (await self.ensureMember()) await self.reload();
    },

    onRetry() {
      const self = this as unknown as Self;
      self.setData({ state: 'loading' });
      void self.start();
    },
  },
});
