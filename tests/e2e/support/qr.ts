/** Reads a QR code off a <canvas> on the screen, as a phone's camera would. */
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

export async function scanCanvas(canvas: Locator): Promise<string> {
  const image = await canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return { width: c.width, height: c.height, data: Array.from(data) };
  });
  const found = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
  if (!found) throw new Error(`no QR code readable on the ${image.width}×${image.height} canvas`);
  return found.data;
}
