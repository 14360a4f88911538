import type { Me } from '../../typings/user';
import * as session from '../services/session';
import { isManager, isStaff } from '../utils/labels';
import { openedWith, pageStateData } from './page-state';

type Self = WechatMiniprogram.Component.TrivialInstance;
type Starting = Self & { start(query: Record<string, string | undefined>): Promise<void> };

/** For `ensureStaff(managersOnly)`: pages only staff and admins (not grid workers) may use. */
export const managersOnly = (me: Me): boolean => isManager(me.roles);

/**
 * Pages of the staff subpackage: `ensureStaff()` loads who is using the phone and, for anyone who is
 * not staff or a grid worker of a community, shows the page's 无权限 state instead of the page.
 */
export const staffPage = Behavior({
  data: { ...pageStateData },

  methods: {
    async ensureStaff(allowed: (me: Me) => boolean = (me) => isStaff(me.roles)): Promise<Me | null> {
      const self = this as unknown as Self;
      const res = await session.ensureMe();
      if (!res.ok) {
        self.setData({ state: 'error', errorText: res.message });
        return null;
      }
      if (!res.data.community || !allowed(res.data)) {
        self.setData({ state: 'forbidden' });
        return null;
      }
      return res.data;
    },

    /** 重试 after a failed load: the page starts again as it was opened. */
    onRetry() {
      const self = this as unknown as Starting;
      self.setData({ state: 'loading' });
      void self.start(openedWith(self));
    },
  },
});

/**
 * Lists only staff and admins work (商品管理, 地点维护, 服务管理, 心愿审核): the first page once the
 * person is known to be one. The server refuses anyone else; this spares them buttons that would fail.
 */
export const managersList = Behavior({
  behaviors: [staffPage],

  methods: {
    onLoad() {
      void (this as unknown as { start(): Promise<void> }).start();
    },

    async start() {
      const self = this as unknown as { ensureStaff(allowed: (me: Me) => boolean): Promise<Me | null>; reload(): Promise<void> };
      if (await self.ensureStaff(managersOnly)) await self.reload();
    },
  },
});
