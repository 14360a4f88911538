/** image, cover-image and canvas: real <img> and <canvas> elements. */
import { assetUrl } from '../files';
import { componentByTag } from '../loader';
import { defineNative, ownerTag, type Native } from './define';

const FIT: Record<string, [string, string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  center: ['none', 'center'],
  top: ['none', 'top'],
  bottom: ['none', 'bottom'],
  left: ['none', 'left'],
  right: ['none', 'right'],
  'top left': ['none', 'left top'],
  'top right': ['none', 'right top'],
  'bottom left': ['none', 'left bottom'],
  'bottom right': ['none', 'right bottom'],
};

function ownerKey(self: Native): string {
  return componentByTag(ownerTag(self))?.key ?? '';
}

export function defineMedia(): void {
  for (const name of ['image', 'cover-image']) {
    defineNative({
      name,
      properties: { src: String, mode: { type: String, value: 'scaleToFill' }, lazyLoad: Boolean, fadeIn: Boolean, webp: Boolean, showMenuByLongpress: Boolean },
      mount(el) {
        const img = document.createElement('img');
        img.className = 'wx-image__img';
        img.draggable = false;
        img.alt = '';
        img.addEventListener('load', () => this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }));
        img.addEventListener('error', () => {
          if (img.getAttribute('src')) this.triggerEvent('error', { errMsg: `GET ${this.data.src} 404 (Not Found)` });
        });
        el.appendChild(img);
        this.img = img;
      },
      update(el) {
        const img = this.img as HTMLImageElement;
        const url = assetUrl(this.data.src ?? '', ownerKey(this));
        if (img.getAttribute('src') !== url) {
          if (url) img.setAttribute('src', url);
          else img.removeAttribute('src');
        }
        const mode = String(this.data.mode || 'scaleToFill');
        const [fit, position] = FIT[mode] ?? FIT.scaleToFill;
        img.style.objectFit = fit;
        img.style.objectPosition = position;
        el.setAttribute('hl-mode', mode);
      },
    });
  }

  defineNative({
    name: 'canvas',
    properties: { type: String, canvasId: String, disableScroll: Boolean },
    mount(el) {
      const canvas = document.createElement('canvas');
      canvas.className = 'wx-canvas__native';
      el.appendChild(canvas);
      // What a selector query's `fields({ node: true })` hands the page for `<canvas type="2d">`;
      // WeChat's canvas node also makes the images it draws.
      (canvas as HTMLCanvasElement & { createImage?: () => HTMLImageElement }).createImage = canvasImage;
      (el as any).__hlNode = canvas;
    },
  });
}

/** An image for a canvas to draw, whose `src` takes the mini-program's paths (wxfile://, cloud://). */
function canvasImage(): HTMLImageElement {
  const img = new Image();
  const native = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
  Object.defineProperty(img, 'src', {
    get: () => native.get!.call(img),
    set: (v: string) => native.set!.call(img, assetUrl(String(v))),
  });
  return img;
}
