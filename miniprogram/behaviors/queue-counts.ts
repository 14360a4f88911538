import type { WorkbenchCounts } from '../../typings/user';
import * as user from '../services/user';

/**
 * Queue pages whose tabs show what waits in them (待受理 3): the counts of `user.workbench`, the
 * ones the console's badges show, read with the list's first page and again after each decision.
 * A tab names its count with `count: <WorkbenchKey>`; the WXML shows `counts[item.count]`.
 */
export const queueCounts = Behavior({
  data: { counts: {} as WorkbenchCounts },

  methods: {
    async readCounts(): Promise<void> {
      const res = await user.workbench();
      if (res.ok) (this as unknown as WechatMiniprogram.Component.TrivialInstance).setData({ counts: res.data.counts });
    },
  },
});
