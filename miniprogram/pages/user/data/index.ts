import type { MyData } from '../../../../typings/user';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { dataSections, type DataSection } from './view';
import { elderPage } from '../../../behaviors/elder-page';

/** The last answer, whole, for 复制全部 (the view holds only the lines it shows). */
let full: MyData | undefined;

/** 我的数据: everything 红邻 keeps about the person, by section, and a copy of all of it. */
Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    sections: [] as DataSection[],
  },

  methods: {
    onLoad() {
      full = undefined;
      void this.load();
    },

    async load() {
      const res = await user.myData();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      full = res.data;
      this.setData({ state: 'ready', sections: dataSections(res.data) });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.load();
    },

    /** The whole record as JSON, the phone number unmasked: it is the person's own copy. */
    onCopy() {
      if (!full) return;
      wx.setClipboardData({
        data: JSON.stringify(full, null, 2),
        success: () => toast('已复制，可以粘贴到备忘录或发给自己保存'),
        fail: () => toast('没有复制成功，请再试一次'),
      });
    },
  },
});
