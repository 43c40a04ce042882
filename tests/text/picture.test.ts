// The picture: page 1 of the shaping specimen, rendered by MuPDF, against a reviewed baseline.
// UPDATE_BASELINES=1 writes the baseline instead of comparing; without it a missing baseline fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { readCorpus, repoRoot } from '../helpers/corpus.js';

const BASELINE = path.join(repoRoot, 'tests', 'baselines', 'specimen-shaping.png');
const MAX_DIFFERING = 0.001; // share of the page's pixels
const MAX_TILE = 64; // differing pixels in any 64×64 tile

async function renderPage1(): Promise<Buffer> {
  const pdf = await renderSpecimen(readCorpus('shaping.txt'));
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const png = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
  return Buffer.from(png);
}

describe('specimen picture', () => {
  it('page 1 of the shaping specimen matches tests/baselines/specimen-shaping.png', async () => {
    const actualPng = await renderPage1();
    if (process.env.UPDATE_BASELINES === '1') {
      fs.mkdirSync(path.dirname(BASELINE), { recursive: true });
      fs.writeFileSync(BASELINE, actualPng);
      console.warn(`baseline written: ${BASELINE}`);
    }
    expect(fs.existsSync(BASELINE), `missing baseline ${BASELINE}: run with UPDATE_BASELINES=1, then review the image`).toBe(true);
    const expected = PNG.sync.read(fs.readFileSync(BASELINE));
    const actual = PNG.sync.read(actualPng);
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const diff = new PNG({ width: actual.width, height: actual.height });
    // Anti-aliased pixels count too: glyph strokes at this scale are mostly edge pixels, and
    // ignoring them would let whole words disappear under the 0.1% page budget.
    const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1, includeAA: true, diffMask: true });
    const share = differing / (actual.width * actual.height);
    // A page budget alone is blind to small local damage (a line's harakat is ~0.02% of the
    // page), so no 64×64 tile may differ in more than 64 pixels either.
    const tiles = new Map<string, number>();
    for (let y = 0; y < actual.height; y++) {
      for (let x = 0; x < actual.width; x++) {
        if (diff.data[(y * actual.width + x) * 4 + 3] === 0) continue;
        const key = `${x >> 6},${y >> 6}`;
        tiles.set(key, (tiles.get(key) ?? 0) + 1);
      }
    }
    const worst = [...tiles].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
    if (share > MAX_DIFFERING || worst[1] > MAX_TILE) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-picture-'));
      fs.writeFileSync(path.join(dir, 'diff.png'), PNG.sync.write(diff));
      fs.writeFileSync(path.join(dir, 'actual.png'), actualPng);
      expect.fail(`${differing} pixels differ (${(share * 100).toFixed(3)}%), ${worst[1]} in tile ${worst[0]}; actual and diff images in ${dir}`);
    }
    expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    expect(worst[1]).toBeLessThanOrEqual(MAX_TILE);
  });

  it('the page is not blank: ink covers a plausible share of the text area', async () => {
    const img = PNG.sync.read(await renderPage1());
    let dark = 0;
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i] + img.data[i + 1] + img.data[i + 2] < 3 * 128) dark++;
    const share = dark / (img.width * img.height);
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.2);
  });
});
