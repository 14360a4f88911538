/**
 * Draws the map marker icons (a pin in the category's colour with a white sign, 72×90 PNG) into
 * miniprogram/images/map/, one per place category, named as utils/map.ts names them.
 *
 *   npx tsx scripts/map-icons.ts
 */
import fs from 'fs';
import path from 'path';
import { CATEGORY_STYLES } from '../miniprogram/utils/map-view';
import { type Shape, disc, encodePng, minus, rect, triangle, union } from './tab-icons';

const W = 72;
const H = 90;
const SAMPLES = 4;

// Coordinates are in [0, 1] of the width and [0, 1.25] of the height (the pin is taller than wide).
const PIN: Shape = union(disc(0.5, 0.46, 0.44), triangle(0.5, 1.22, 0.2, 0.8, 0.78));
const HEAD = { cx: 0.5, cy: 0.46 };

const star: Shape = (x, y) => {
  // A five-pointed star: inside if within the radius that varies with the angle.
  const dx = x - HEAD.cx;
  const dy = y - HEAD.cy;
  const a = Math.atan2(dy, dx) + Math.PI / 2;
  const k = (((a / (2 * Math.PI)) * 5) % 1 + 1) % 1;
  const r = 0.12 + 0.16 * Math.abs(1 - 2 * k) ** 1.5;
  return Math.hypot(dx, dy) <= r;
};

/** The white sign on each pin, by icon key. */
const SIGNS: Record<string, Shape> = {
  party: star,
  // A bowl with steam.
  canteen: union(minus(disc(0.5, 0.44, 0.24), rect(0, 0, 1, 0.44)), rect(0.4, 0.22, 0.45, 0.38), rect(0.55, 0.22, 0.6, 0.38)),
  // A heart.
  station: union(disc(0.41, 0.4, 0.11), disc(0.59, 0.4, 0.11), triangle(0.5, 0.7, 0.3, 0.7, 0.44)),
  // A cross.
  clinic: union(rect(0.43, 0.24, 0.57, 0.68), rect(0.28, 0.39, 0.72, 0.53)),
  // Scales: a post, a beam and two pans.
  legal: union(rect(0.47, 0.24, 0.53, 0.66), rect(0.26, 0.3, 0.74, 0.35), disc(0.3, 0.5, 0.07), disc(0.7, 0.5, 0.07), rect(0.36, 0.62, 0.64, 0.67)),
  // A raised hand: palm and fingers.
  volunteer: union(rect(0.36, 0.42, 0.64, 0.66), rect(0.36, 0.26, 0.41, 0.44), rect(0.44, 0.22, 0.49, 0.44), rect(0.52, 0.24, 0.57, 0.44), rect(0.6, 0.3, 0.65, 0.46)),
  // An open book.
  study: union(rect(0.25, 0.3, 0.48, 0.62), rect(0.52, 0.3, 0.75, 0.62)),
  // A lightning bolt.
  charging: union(triangle(0.56, 0.2, 0.34, 0.56, 0.5), triangle(0.44, 0.72, 0.44, 0.66, 0.42)),
  // A house.
  elderly: union(triangle(0.5, 0.22, 0.24, 0.76, 0.46), rect(0.32, 0.45, 0.68, 0.68)),
  // A shop awning over a counter.
  convenience: union(rect(0.26, 0.26, 0.74, 0.38), rect(0.3, 0.42, 0.7, 0.66)),
};

function hex(color: string): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function draw(sign: Shape, color: string): Buffer {
  const rgb = hex(color);
  const data = Buffer.alloc(W * H * 4);
  for (let py = 0; py < H; py++) {
    for (let px = 0; px < W; px++) {
      let pin = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / W;
          const y = (py + (sy + 0.5) / SAMPLES) / W;
          if (!PIN(x, y)) continue;
          if (sign(x, y)) white++;
          else pin++;
        }
      }
      const covered = pin + white;
      const i = (py * W + px) * 4;
      if (!covered) continue;
      for (let c = 0; c < 3; c++) data[i + c] = Math.round((rgb[c] * pin + 255 * white) / covered);
      data[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(data, W, H);
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  const dir = path.resolve(__dirname, '../miniprogram/images/map');
  fs.mkdirSync(dir, { recursive: true });
  for (const style of Object.values(CATEGORY_STYLES)) {
    const sign = SIGNS[style.key];
    if (!sign) throw new Error(`no sign drawn for ${style.key}`);
    fs.writeFileSync(path.join(dir, `${style.key}.png`), draw(sign, style.color));
  }
  console.log(`map icons written to ${path.relative(process.cwd(), dir)}`);
}
