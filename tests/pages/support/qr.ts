import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads the QR code in a PNG data URL, as a phone's camera would. */
export function scanDataUrl(url: string): string {
  const png = PNG.sync.read(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
}
