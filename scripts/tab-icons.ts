/**
 * Draws the tab bar icons (81×81 PNG, grey and party red) into miniprogram/images/tab/.
 *
 *   npx tsx scripts/tab-icons.ts
 *
 * Simple filled shapes, anti-aliased by supersampling, encoded with zlib: nothing to download or license.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

const SIZE = 81;
const SAMPLES = 4;
const COLORS = { normal: [0x4d, 0x4d, 0x4d], active: [0xc8, 0x16, 0x1d] } as const;

/** Is the point (x, y) in [0, 1]² inside the shape? */
export type Shape = (x: number, y: number) => boolean;

export const disc = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
export const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
export const union = (...s: Shape[]): Shape => (x, y) => s.some((f) => f(x, y));
export const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);
/** Triangle with apex (ax, ay) and a horizontal base at y = by (above or below the apex). */
export const triangle = (ax: number, ay: number, bx0: number, bx1: number, by: number): Shape => (x, y) => {
  const t = (y - ay) / (by - ay);
  if (t < 0 || t > 1) return false;
  const [l, r] = [ax + (bx0 - ax) * t, ax + (bx1 - ax) * t].sort((a, b) => a - b);
  return x >= l && x <= r;
};

const SHAPES: Record<string, Shape> = {
  // A house with a door.
  home: minus(union(triangle(0.5, 0.12, 0.1, 0.9, 0.48), rect(0.2, 0.46, 0.8, 0.86)), rect(0.42, 0.62, 0.58, 0.87)),
  // A heart: two discs over a triangle.
  wish: union(disc(0.32, 0.36, 0.2), disc(0.68, 0.36, 0.2), triangle(0.5, 0.88, 0.13, 0.87, 0.44)),
  // A location pin with a hole.
  map: minus(union(disc(0.5, 0.38, 0.27), triangle(0.5, 0.92, 0.26, 0.74, 0.5)), disc(0.5, 0.38, 0.1)),
  // A person: head and shoulders.
  me: union(disc(0.5, 0.3, 0.17), minus(disc(0.5, 0.95, 0.38), rect(0, 0.88, 1, 1))),
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** An RGBA PNG: each scanline prefixed with filter type 0. */
export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(shape: Shape, rgb: readonly number[]): Buffer {
  const data = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      const i = (py * SIZE + px) * 4;
      data[i] = rgb[0];
      data[i + 1] = rgb[1];
      data[i + 2] = rgb[2];
      data[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(data, SIZE, SIZE);
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  const dir = path.resolve(__dirname, '../miniprogram/images/tab');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, shape] of Object.entries(SHAPES)) {
    fs.writeFileSync(path.join(dir, `${name}.png`), draw(shape, COLORS.normal));
    fs.writeFileSync(path.join(dir, `${name}-active.png`), draw(shape, COLORS.active));
  }
  console.log(`tab icons written to ${path.relative(process.cwd(), dir)}`);
}
