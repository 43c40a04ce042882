// Every page of the summit brief (the bytes `npm run brief` writes to dist/summit.pdf) rendered by
// mupdf at 1.5× and compared with tests/baselines/brief-page-N.png (pixelmatch threshold 0.1, at
// most 0.2% of pixels different). A missing baseline fails the test; UPDATE_BASELINES=1 writes
// the baselines instead (then look at every page before committing them). On a mismatch the
// rendered page and a diff image are written to $TMPDIR/mowjaz-visual/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagePng, render, root, summit } from '../pdf/support.js';

const UPDATE = process.env.UPDATE_BASELINES === '1';
const BASELINES = path.join(root, 'tests/baselines');
const OUT = path.join(os.tmpdir(), 'mowjaz-visual');
const MAX_DIFF = 0.002;
const baseline = (page: number) => path.join(BASELINES, `brief-page-${page}.png`);

let pages: Uint8Array[];

beforeAll(async () => {
  const doc = mupdf.Document.openDocument(await render(summit()), 'application/pdf');
  pages = Array.from({ length: doc.countPages() }, (_, i) => pagePng(doc, i));
  if (UPDATE) {
    fs.mkdirSync(BASELINES, { recursive: true });
    pages.forEach((png, i) => fs.writeFileSync(baseline(i + 1), png));
    for (const f of fs.readdirSync(BASELINES)) {
      const n = /^brief-page-(\d+)\.png$/.exec(f);
      if (n && Number(n[1]) > pages.length) fs.rmSync(path.join(BASELINES, f));
    }
  }
});

describe('page images of the summit brief', () => {
  it('has a baseline for every page, and none for pages that do not exist', () => {
    const existing = fs.existsSync(BASELINES) ? fs.readdirSync(BASELINES).filter(f => /^brief-page-\d+\.png$/.test(f)).sort() : [];
    const wanted = pages.map((_, i) => path.basename(baseline(i + 1))).sort();
    expect(existing, 'run UPDATE_BASELINES=1 npx vitest run tests/brief/visual.test.ts, then look at every page').toEqual(wanted);
  });

  it('matches the baselines', () => {
    const problems: string[] = [];
    pages.forEach((png, i) => {
      const file = baseline(i + 1);
      if (!fs.existsSync(file)) { problems.push(`page ${i + 1}: no baseline ${path.relative(root, file)}`); return; }
      const actual = PNG.sync.read(Buffer.from(png));
      const expected = PNG.sync.read(fs.readFileSync(file));
      if (actual.width !== expected.width || actual.height !== expected.height) {
        problems.push(`page ${i + 1}: ${actual.width}×${actual.height} px, baseline ${expected.width}×${expected.height}`);
        return;
      }
      const diff = new PNG({ width: actual.width, height: actual.height });
      const different = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
      const share = different / (actual.width * actual.height);
      if (share > MAX_DIFF) {
        fs.mkdirSync(OUT, { recursive: true });
        fs.writeFileSync(path.join(OUT, `brief-page-${i + 1}.png`), png);
        fs.writeFileSync(path.join(OUT, `brief-page-${i + 1}.diff.png`), PNG.sync.write(diff));
        problems.push(`page ${i + 1}: ${(share * 100).toFixed(3)}% of pixels differ (see ${OUT})`);
      }
    });
    expect(problems).toEqual([]);
  });
});
