import jsQR from 'jsqr';
import { type Painter, paintQr, qrModules } from '../../../miniprogram/utils/qr';

/** A canvas stand-in that paints into RGBA pixels, as the phone's canvas would. */
function raster(size: number): Painter & { pixels: Uint8ClampedArray } {
  const pixels = new Uint8ClampedArray(size * size * 4);
  const ctx = {
    pixels,
    fillStyle: '#000000' as unknown,
    fillRect(x: number, y: number, w: number, h: number) {
      const v = ctx.fillStyle === '#FFFFFF' ? 255 : 0;
      for (let r = Math.max(0, y); r < Math.min(size, y + h); r++) {
        for (let c = Math.max(0, x); c < Math.min(size, x + w); c++) {
          const i = (r * size + c) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
          pixels[i + 3] = 255;
        }
      }
    },
  };
  return ctx;
}

function scan(text: string, size: number): string | undefined {
  const ctx = raster(size);
  paintQr(ctx, qrModules(text), size);
  return jsQR(ctx.pixels, size, size)?.data;
}

test('a pickup code drawn on the canvas scans back to its text', () => {
  for (const text of ['honglin://pickup/00000000', 'honglin://pickup/48203917', 'honglin://pickup/99999999']) {
    expect(scan(text, 400)).toBe(text);
  }
});

test('it still scans when the canvas size is not a multiple of the module count (odd pixel ratios)', () => {
  for (const size of [231, 343, 600]) expect(scan('honglin://pickup/13572468', size)).toBe('honglin://pickup/13572468');
});

test('a member code with a long user id scans back too', () => {
  const text = 'honglin://member/u_0123456789abcdef0123';
  expect(scan(text, 480)).toBe(text);
});

test('the code is square with finder patterns in three corners, and the quiet zone stays white', () => {
  const m = qrModules('honglin://pickup/12345678');
  const n = m.length;
  expect(n).toBeGreaterThanOrEqual(21);
  expect(m.every((row) => row.length === n)).toBe(true);
  for (const [r, c] of [[0, 0], [0, n - 7], [n - 7, 0]]) {
    expect(m[r][c] && m[r + 6][c + 6] && m[r + 3][c + 3]).toBe(true); // outer ring and centre dark
    expect(m[r + 1][c + 1]).toBe(false); // white ring
  }
  const ctx = raster(300);
  paintQr(ctx, m, 300);
  expect(ctx.pixels[0]).toBe(255);
  expect(ctx.pixels[(300 * 300 - 1) * 4]).toBe(255);
});
