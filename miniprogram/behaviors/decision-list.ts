import type { Result } from '../../typings/api';
import { toast } from '../utils/dialog';

type Self = WechatMiniprogram.Component.TrivialInstance & { data: { busy: string; rejecting: string; items: Array<{ id: string }> } };

/**
 * Lists whose items staff decide on right on the list (心愿审核, 报到确认): one decision at a time
 * (`busy` holds the item's id), the item leaves the list once decided — or when someone else
 * decided it first — and the reason form (`rejecting`) closes with it.
 */
export const decisionList = Behavior({
  data: { busy: '', rejecting: '' },

  methods: {
    async decideItem(id: string, send: () => Promise<Result<unknown>>, done: string): Promise<void> {
      const self = this as unknown as Self;
      if (self.data.busy) return;
      self.setData({ busy: id });
      const res = await send();
      self.setData({ busy: '' });
      if (!res.ok) {
        toast(res.message);
        // Decided by someone else meanwhile: it is no longer ours to decide.
        if (res.code === 'FAILED_PRECONDITION' || res.code === 'NOT_FOUND') self.drop(id);
        return;
      }
      self.drop(id);
      toast(done);
    },

    drop(id: string) {
      const self = this as unknown as Self;
      self.setData({ items: self.data.items.filter((r) => r.id !== id), rejecting: self.data.rejecting === id ? '' : self.data.rejecting });
    },
  },
});
