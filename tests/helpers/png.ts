// Pages rendered by MuPDF (the pinned `mupdf` package), compared pixel for pixel with reviewed
// baseline images. UPDATE_BASELINES=1 writes the baseline instead of comparing (then look at every
// image before committing it); without it a missing baseline fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

/** One page of an open document as a PNG: RGB, no alpha, `scale` × 72 dpi. */
export function pagePng(doc: mupdf.Document, index: number, scale = 1.5): Buffer {
  return Buffer.from(doc.loadPage(index).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG());
}

/** One page of a PDF as a PNG (2× by default, as the specimen baselines are). */
export function renderPagePng(pdf: Uint8Array, page = 0, scale = 2): Buffer {
  return pagePng(mupdf.Document.openDocument(pdf, 'application/pdf'), page, scale);
}

/**
 * Pixels (of the same-sized images) whose colour differs in any channel at all. The same PDF
 * rendered by the same MuPDF build gives identical pixels, so there is no threshold: measured on
 * unchanged code, every baseline comparison finds 0, and the smallest break the suite must see (a
 * kashida 1 pt off its place, an unmirrored bracket) changes dozens to hundreds of pixels.
 */
export function differingPixels(a: PNG, b: PNG, diff?: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const same = a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2];
    if (!same) n++;
    if (diff) {
      const v = same ? 255 - ((255 - a.data[i]) >> 3) : 0;
      diff.data[i] = same ? v : 255;
      diff.data[i + 1] = same ? v : 0;
      diff.data[i + 2] = same ? v : 0;
      diff.data[i + 3] = 255;
    }
  }
  return n;
}

/**
 * The page must equal its baseline exactly. On a mismatch the rendered page and a diff image
 * (differing pixels red on a faded copy of the page) are kept in a temporary folder.
 */
export function expectMatchesBaseline(actualPng: Buffer, baseline: string): void {
  if (process.env.UPDATE_BASELINES === '1') {
    fs.mkdirSync(path.dirname(baseline), { recursive: true });
    fs.writeFileSync(baseline, actualPng);
    console.warn(`baseline written: ${baseline} (review it before committing)`);
  }
  expect(fs.existsSync(baseline), `missing baseline ${baseline}: run with UPDATE_BASELINES=1, then review the image`).toBe(true);
  const expected = PNG.sync.read(fs.readFileSync(baseline));
  const actual = PNG.sync.read(actualPng);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = differingPixels(actual, expected, diff);
  if (differing > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-picture-'));
    fs.writeFileSync(path.join(dir, 'diff.png'), PNG.sync.write(diff));
    fs.writeFileSync(path.join(dir, 'actual.png'), actualPng);
    expect.fail(`${path.basename(baseline)}: ${differing} pixels differ; actual and diff images in ${dir}`);
  }
}

/** Share of the page's pixels that are dark: a blank or black page is not a rendering. */
export function inkShare(png: Buffer): number {
  const img = PNG.sync.read(png);
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] + img.data[i + 1] + img.data[i + 2] < 3 * 128) dark++;
  return dark / (img.width * img.height);
}
