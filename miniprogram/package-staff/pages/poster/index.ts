import type { Poster, PosterPage } from '../../../../typings/user';
import { PARTY_PAGES } from '../../../utils/routes';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { a4File, pngFile, saveToAlbum } from '../../../services/files';
import { paintPoster } from './draw';

/**
 * 社区海报: the printable A4 poster of the community or one grid, drawn on a canvas and saved to
 * the album for printing.
 */
Component({
  behaviors: [staffPage],
  data: {
    gridId: '',
    /** The 党员报到 poster (`?for=party`): its code opens the 报到 form. */
    party: false,
    poster: null as Poster | null,
    saving: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ gridId: query.grid ?? '', party: query.for === 'party' });
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const res = await user.poster({ ...(this.data.gridId ? { gridId: this.data.gridId } : {}), ...(this.data.party ? { page: PARTY_PAGES.register.slice(1) as PosterPage } : {}) });
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', poster: res.data.poster });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    async onSave() {
      const poster = this.data.poster;
      if (!poster || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const file = await a4File(this, '#poster-canvas', async (canvas) => {
          const image = canvas.createImage();
          await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('code image did not load'));
            void pngFile(poster.image, `poster-code-${poster.scene.replace(/\W/g, '')}.png`).then((path) => (image.src = path), reject);
          });
          paintPoster(canvas.getContext('2d'), poster, image);
        });
        if (!file) return toast('此设备无法生成海报图片，请在手机微信中操作');
        toast((await saveToAlbum(file)) ? '海报已保存到相册，可直接打印' : '没有保存，请允许访问相册后再试');
      } catch {
        toast('海报生成失败，请稍后再试');
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
