import { paintQr, qrModules, type Painter } from '../../utils/qr';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): Painter;
}

/** A QR code of `text`, drawn on the phone on a `<canvas type="2d">` (no network, no image file). */
Component({
  properties: {
    text: { type: String, value: '' },
    /** Read out by screen readers. */
    label: { type: String, value: '二维码' },
  },
  observers: {
    text() {
      this.draw();
    },
  },
  lifetimes: {
    ready() {
      this.draw();
    },
  },
  methods: {
    draw() {
      const text = this.data.text as string;
      if (!text) return;
      this.createSelectorQuery()
        .select('#qr')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number } | null>) => {
          const hit = res[0];
          if (!hit?.node || !hit.width) return; // not laid out yet, or a renderer without canvas
          const px = Math.round(hit.width * (wx.getWindowInfo().pixelRatio || 2));
          hit.node.width = px;
          hit.node.height = px;
          paintQr(hit.node.getContext('2d'), qrModules(text), px);
        });
    },
  },
});
