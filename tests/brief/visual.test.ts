// Every page of the summit brief (the bytes `npm run brief` writes to dist/summit.pdf) rendered by
// mupdf at 1.5× and compared pixel for pixel with tests/baselines/brief-page-N.png. A missing baseline fails the
// test; UPDATE_BASELINES=1 writes the baselines instead (then look at every page before
// committing them). On a mismatch the rendered page and a diff image are kept for inspection.
import fs from 'node:fs';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesBaseline, renderPagePng } from '../helpers/png.js';
import { root, summitPdf } from '../pdf/support.js';

const BASELINES = path.join(root, 'tests/baselines');
const baseline = (page: number) => path.join(BASELINES, `brief-page-${page}.png`);

let pages: Buffer[];

beforeAll(async () => {
  const pdf = await summitPdf();
  const count = mupdf.Document.openDocument(pdf, 'application/pdf').countPages();
  pages = Array.from({ length: count }, (_, i) => renderPagePng(pdf, i, 1.5));
  if (process.env.UPDATE_BASELINES === '1') {
    for (const f of fs.existsSync(BASELINES) ? fs.readdirSync(BASELINES) : []) {
      const n = /^brief-page-(\d+)\.png$/.exec(f);
      if (n && Number(n[1]) > pages.length) fs.rmSync(path.join(BASELINES, f));
    }
  }
});

describe('page images of the summit brief', () => {
  it('matches the baseline of every page', () => {
    pages.forEach((png, i) => expectMatchesBaseline(png, baseline(i + 1)));
  });

  it('has no baseline for a page that does not exist', () => {
    const existing = fs
      .readdirSync(BASELINES)
      .filter(f => /^brief-page-\d+\.png$/.test(f))
      .sort();
    expect(existing).toEqual(pages.map((_, i) => path.basename(baseline(i + 1))).sort());
  });
});
