import type { Change } from '../base/events';
import { shanghaiDate } from '../utils/date';
import { toast } from '../utils/dialog';

type Self = WechatMiniprogram.Component.TrivialInstance & { data: { from: string; to: string }; rangeChanged?(): void };

/**
 * A period picked with two date pickers (`bindchange="onFrom"` / `"onTo"`), never past today and
 * never backwards; `thisYear()` starts it at 1 January. A page that must forget what it showed
 * for the old period does so in `rangeChanged()`.
 */
export const dateRange = Behavior({
  data: { from: '', to: '', today: '' },

  methods: {
    /** This year so far, as of today in Shanghai (call it in onLoad). */
    thisYear() {
      const today = shanghaiDate();
      (this as unknown as Self).setData({ from: `${today.slice(0, 4)}-01-01`, to: today, today });
    },

    onFrom(e: Change) {
      const self = this as unknown as Self;
      if (e.detail.value > self.data.to) return toast('开始日期不能晚于结束日期');
      self.setData({ from: e.detail.value });
      self.rangeChanged?.();
    },

    onTo(e: Change) {
      const self = this as unknown as Self;
      if (e.detail.value < self.data.from) return toast('结束日期不能早于开始日期');
      self.setData({ to: e.detail.value });
      self.rangeChanged?.();
    },
  },
});
