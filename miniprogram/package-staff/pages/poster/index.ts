import type { Poster } from '../../../../typings/user';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { A4, paintPoster, type PosterPainter } from './draw';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): PosterPainter;
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null };
}

/** Writes the code (a data URL) to a file, which the canvas's image can load on every client. */
function codeFile(dataUrl: string, name: string): Promise<string> {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  return new Promise((resolve, reject) => {
    if (!match) return reject(new Error('not a PNG data URL'));
    const filePath = `${wx.env.USER_DATA_PATH}/${name}`;
    wx.getFileSystemManager().writeFile({ filePath, data: match[1], encoding: 'base64', success: () => resolve(filePath), fail: reject });
  });
}

/**
 * 社区海报: the printable A4 poster of the community or one grid, drawn on a canvas and saved to
 * the album for printing.
 */
Component({
  behaviors: [staffPage],
  data: {
    gridId: '',
    poster: null as Poster | null,
    saving: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ gridId: query.grid ?? '' });
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const res = await user.poster(this.data.gridId ? { gridId: this.data.gridId } : {});
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', poster: res.data.poster });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    canvas(): Promise<CanvasNode | null> {
      return new Promise((resolve) =>
        this.createSelectorQuery()
          .select('#poster-canvas')
          .fields({ node: true })
          .exec((res: Array<{ node?: CanvasNode } | null>) => resolve(res[0]?.node ?? null)),
      );
    },

    async onSave() {
      const poster = this.data.poster;
      if (!poster || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const canvas = await this.canvas();
        if (!canvas) return toast('此设备无法生成海报图片，请在手机微信中操作');
        canvas.width = A4.width;
        canvas.height = A4.height;
        const image = canvas.createImage();
        await new Promise<void>((resolve, reject) => {
          image.onload = () => resolve();
          image.onerror = () => reject(new Error('code image did not load'));
          void codeFile(poster.image, `poster-code-${poster.scene.replace(/\W/g, '')}.png`).then((path) => (image.src = path), reject);
        });
        paintPoster(canvas.getContext('2d'), poster, image);
        const file = await new Promise<string>((resolve, reject) =>
          wx.canvasToTempFilePath({
            canvas: canvas as unknown as WechatMiniprogram.Canvas,
            width: A4.width,
            height: A4.height,
            destWidth: A4.width,
            destHeight: A4.height,
            fileType: 'png',
            success: (r) => resolve(r.tempFilePath),
            fail: reject,
          }),
        );
        wx.saveImageToPhotosAlbum({
          filePath: file,
          success: () => toast('海报已保存到相册，可直接打印'),
          fail: () => toast('没有保存，请允许访问相册后再试'),
        });
      } catch {
        toast('海报生成失败，请稍后再试');
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
