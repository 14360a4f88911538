import { choosePhotos, imageUrl, upload } from '../../services/storage';

interface Item {
  id: string;
  url: string;
}

/**
 * Up to `max` photos: pick from the album or camera, each uploaded at once. Controlled: `value`
 * holds the cloud file ids; a `change` event carries the new list.
 */
Component({
  properties: {
    value: { type: Array, value: [] as string[] },
    max: { type: Number, value: 6 },
    folder: { type: String, value: 'wish' },
  },
  data: {
    items: [] as Item[],
    uploading: false,
  },
  observers: {
    value(ids: string[]) {
      this.setData({ items: ids.map((id) => ({ id, url: imageUrl(id) })) });
    },
  },
  methods: {
    async onAdd() {
      const ids = this.data.value as string[];
      const room = (this.data.max as number) - ids.length;
      if (this.data.uploading || room <= 0) return;
      const paths = await choosePhotos(room);
      if (!paths.length) return;
      this.setData({ uploading: true });
      const results = await Promise.all(paths.map((p) => upload(p, this.data.folder as string)));
      this.setData({ uploading: false });
      const added = results.flatMap((r) => (r.ok ? [r.data] : []));
      if (added.length < results.length) wx.showToast({ title: '有照片没传上去，请再试一次', icon: 'none', duration: 2500 });
      if (added.length) this.triggerEvent('change', { ids: [...(this.data.value as string[]), ...added] });
    },
    onRemove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const ids = [...(this.data.value as string[])];
      ids.splice(e.currentTarget.dataset.index, 1);
      this.triggerEvent('change', { ids });
    },
    onPreview(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: (this.data.items as Item[]).map((i) => i.url) });
    },
  },
});
