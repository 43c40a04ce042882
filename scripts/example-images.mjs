// Makes the raster images of the example brief (data/examples/assets/): the issuer's emblem
// (emblem.png, with an alpha channel), a map drawn from a few smooth functions (map.png) and the
// same map as a JPEG encoded by mupdf (map.jpg). Run again to remake them: the output is the same
// every time (no randomness, no clock). Uses the test dependencies pngjs and mupdf.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import * as mupdf from 'mupdf';

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data', 'examples', 'assets');

/** An RGBA image of `w` × `h` whose pixel colours `paint(x, y)` gives (in 0–1 units), averaged over 4 × 4 samples. */
function draw(w, h, paint) {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const [r, g, b, a] = paint((x + (sx + 0.5) / 4) / w, (y + (sy + 0.5) / 4) / h);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      const i = (y * w + x) * 4;
      const alpha = sum[3] / 16;
      for (let c = 0; c < 3; c++) png.data[i + c] = alpha ? Math.round((sum[c] / sum[3]) * 255) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  return png;
}

const hex = s => [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16) / 255);
const green = [...hex('#1f5134'), 1];
const gold = [...hex('#b8913a'), 1];
const white = [1, 1, 1, 1];
const clear = [0, 0, 0, 0];

/** Inside the eight-pointed star of two squares, one turned 45°, of half-width r around the centre. */
function inStar(x, y, r) {
  const square = (u, v) => Math.max(Math.abs(u), Math.abs(v)) <= r;
  return square(x, y) || square((x + y) / Math.SQRT2, (x - y) / Math.SQRT2);
}

const emblem = draw(256, 256, (u, v) => {
  const x = u - 0.5,
    y = v - 0.5,
    d = Math.hypot(x, y);
  if (d > 0.48) return clear;
  if (d > 0.445) return gold;
  if (d > 0.425) return green;
  if (d < 0.07) return gold;
  if (inStar(x, y, 0.235)) return inStar(x, y, 0.2) ? white : gold;
  return green;
});
fs.writeFileSync(path.join(out, 'emblem.png'), PNG.sync.write(emblem));

// The map: land where a sum of smooth waves is above a level, shaded by "height"; the sea below it.
const height = (x, y) => 0.55 * Math.sin(3.1 * x + 0.4) + 0.45 * Math.cos(2.3 * y - 0.8) + 0.25 * Math.sin(7 * x * y + 1.3) - 0.9 * y + 0.35;
const cities = [
  [0.22, 0.3],
  [0.47, 0.22],
  [0.82, 0.1],
  [0.35, 0.52],
];
const map = draw(720, 420, (u, v) => {
  for (const [cx, cy] of cities) {
    const d = Math.hypot((u - cx) * 720, (v - cy) * 420);
    if (d < 6) return d < 4 ? [...hex('#8b1e1e'), 1] : white;
  }
  const h = height(u * 1.7, v * 1.2);
  if (h < 0) {
    const depth = Math.min(1, -h * 1.5);
    return [0.55 - 0.25 * depth, 0.72 - 0.22 * depth, 0.85 - 0.1 * depth, 1];
  }
  if (h < 0.02) return [...hex('#c9b98f'), 1];
  const t = Math.min(1, h / 0.9);
  const band = Math.floor(t * 5) / 5;
  return [0.55 + 0.3 * band, 0.7 - 0.2 * band, 0.45 - 0.15 * band, 1];
});
const mapPng = PNG.sync.write(map, { colorType: 2 });
fs.writeFileSync(path.join(out, 'map.png'), mapPng);
fs.writeFileSync(path.join(out, 'map.jpg'), new mupdf.Image(mapPng).toPixmap().asJPEG(85));
