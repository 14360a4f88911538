import { detailPage } from '../../../behaviors/detail-page';
import { elderPage } from '../../../behaviors/elder-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Bulletin } from '../../../../typings/bulletin';
import * as bulletin from '../../../services/bulletin';
import { sendOnce } from '../../../services/retry';
import { imageUrl, openFile } from '../../../services/storage';
import { tell, toast } from '../../../utils/dialog';
import { type BulletinView, bulletinView } from '../../../utils/bulletin-view';
import type { Tap } from '../../../base/events';

/** One bulletin: opening it counts as read; one that asks for it gets 确认收到, answered once. */
Component({
  behaviors: [elderPage, detailPage, retryKeyed],

  data: {
    goneText: '通知不存在或已撤回',
    bulletin: null as BulletinView | null,
    images: [] as string[],
    busy: false,
  },

  methods: {
    fetchDetail() {
      return bulletin.get({ id: this.data.id });
    },

    show(d: { bulletin: Bulletin }) {
      this.setData({ state: 'ready', bulletin: bulletinView(d.bulletin), images: d.bulletin.images.map(imageUrl) });
    },

    async onConfirm() {
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), (key) => bulletin.confirm({ id: this.data.id, requestId: key({ confirm: this.data.id }) }));
      if (!res) return;
      if (!res.ok) return tell('没有确认', res.message);
      this.show(res.data);
      toast('已确认收到');
    },

    onImage(e: Tap<{ url: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: this.data.images });
    },

    async onAttachment() {
      const a = this.data.bulletin?.attachment;
      if (a && !(await openFile(a.fileId))) toast('附件打开失败，请稍后再试');
    },
  },
});
