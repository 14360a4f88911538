import type { Me } from '../../typings/user';
import * as session from '../services/session';
import { isManager, isStaff } from '../utils/labels';

type Self = WechatMiniprogram.Component.TrivialInstance;

/** For `ensureStaff(managersOnly)`: pages only staff and admins (not grid workers) may use. */
export const managersOnly = (me: Me): boolean => isManager(me.roles);

/**
 * Pages of the staff subpackage: `ensureStaff()` loads who is using the phone and, for anyone who is
 * not staff or a grid worker of a community, shows the page's 无权限 state instead of the page.
 */
export const staffPage = Behavior({
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
  },
});
