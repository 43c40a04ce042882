// Pages rendered by MuPDF, compared with reviewed baseline images.
// UPDATE_BASELINES=1 writes the baseline instead of comparing; without it a missing baseline fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

export function renderPagePng(pdf: Uint8Array, page = 0, scale = 2): Buffer {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Buffer.from(doc.loadPage(page).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG());
}

export interface Budget {
  /** Share of the page's pixels that may differ. */
  page: number;
  /** Differing pixels allowed in any 64×64 tile. */
  tile: number;
}

export function expectMatchesBaseline(actualPng: Buffer, baseline: string, budget: Budget = { page: 0.001, tile: 64 }): void {
  if (process.env.UPDATE_BASELINES === '1') {
    fs.mkdirSync(path.dirname(baseline), { recursive: true });
    fs.writeFileSync(baseline, actualPng);
    console.warn(`baseline written: ${baseline}`);
  }
  expect(fs.existsSync(baseline), `missing baseline ${baseline}: run with UPDATE_BASELINES=1, then review the image`).toBe(true);
  const expected = PNG.sync.read(fs.readFileSync(baseline));
  const actual = PNG.sync.read(actualPng);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  // Anti-aliased pixels count too: glyph strokes at this scale are mostly edge pixels, and
  // ignoring them would let whole words disappear under the page budget.
  const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1, includeAA: true, diffMask: true });
  const share = differing / (actual.width * actual.height);
  // A page budget alone is blind to small local damage (a line's harakat is ~0.02% of a page),
  // so each 64×64 tile has a budget of its own.
  const tiles = new Map<string, number>();
  for (let y = 0; y < actual.height; y++) {
    for (let x = 0; x < actual.width; x++) {
      if (diff.data[(y * actual.width + x) * 4 + 3] === 0) continue;
      const key = `${x >> 6},${y >> 6}`;
      tiles.set(key, (tiles.get(key) ?? 0) + 1);
    }
  }
  const worst = [...tiles].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  if (share > budget.page || worst[1] > budget.tile) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-picture-'));
    fs.writeFileSync(path.join(dir, 'diff.png'), PNG.sync.write(diff));
    fs.writeFileSync(path.join(dir, 'actual.png'), actualPng);
    expect.fail(`${path.basename(baseline)}: ${differing} pixels differ (${(share * 100).toFixed(3)}%), ${worst[1]} in tile ${worst[0]}; actual and diff images in ${dir}`);
  }
}

/** Share of the page's pixels that are dark: a blank or black page is not a rendering. */
export function inkShare(png: Buffer): number {
  const img = PNG.sync.read(png);
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] + img.data[i + 1] + img.data[i + 2] < 3 * 128) dark++;
  return dark / (img.width * img.height);
}
