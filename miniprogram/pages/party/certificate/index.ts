import type { Certificate } from '../../../../typings/party';
import { dateRange } from '../../../behaviors/date-range';
import { elderPage } from '../../../behaviors/elder-page';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import { sendOnce } from '../../../services/retry';
import * as party from '../../../services/party';
import { a4File, saveToAlbum } from '../../../services/files';
import { tell, toast } from '../../../utils/dialog';
import { CERTIFICATE_QR_PREFIX, figureLines } from '../../../utils/party-view';
import { qrModules } from '../../../utils/qr';
import { paintCertificate } from './draw';

/**
 * 志愿服务证明: a volunteer picks a period; the community issues the certificate from its records,
 * and the phone draws it on an A4 image with a QR that staff scan to check it, saved to the album.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed, dateRange],

  data: {
    busy: false,
    certificate: null as Certificate | null,
    lines: [] as ReturnType<typeof figureLines>,
  },

  methods: {
    onLoad() {
      this.thisYear();
      void this.start();
    },

    async reload() {
      this.setData({ state: 'ready' });
    },

    rangeChanged() {
      this.setData({ certificate: null });
    },

    /** 开具证明: the period's figures, issued once however often the tap is repeated. */
    async onIssue() {
      if (this.data.busy) return;
      const period = { from: this.data.from, to: this.data.to };
      this.setData({ busy: true });
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.certificate({ ...period, requestId: requestId(period) }));
      this.setData({ busy: false });
      if (!res) return;
      if (!res.ok) return tell('没有开具', res.message);
      const c = res.data.certificate;
      this.setData({ certificate: c, lines: figureLines(c.figures).filter((l) => l.key !== 'points' && l.key !== 'ratings') });
    },

    /** 保存证明图片: the certificate on A4 with its QR, to the album, then shown. */
    async onSave() {
      const c = this.data.certificate;
      if (!c || this.data.busy) return;
      this.setData({ busy: true });
      try {
        const file = await a4File(this, '#certificate-canvas', (canvas) => paintCertificate(canvas.getContext('2d'), c, qrModules(`${CERTIFICATE_QR_PREFIX}${c.id}`)));
        if (!file) return toast('此设备无法生成证明图片，请在手机微信中操作');
        toast((await saveToAlbum(file)) ? '证明图片已保存到相册' : '没有保存到相册，可在预览中长按保存');
        wx.previewImage({ urls: [file], current: file });
      } catch {
        toast('证明图片生成失败，请稍后再试');
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
