// The picture: page 1 of the shaping specimen, rendered by MuPDF, against a reviewed baseline.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { readCorpus, repoRoot } from '../helpers/corpus.js';
import { expectMatchesBaseline, inkShare, renderPagePng } from '../helpers/png.js';

const BASELINE = path.join(repoRoot, 'tests', 'baselines', 'specimen-shaping.png');

const renderPage1 = async () => renderPagePng(await renderSpecimen(readCorpus('shaping.txt')));

describe('specimen picture', () => {
  it('page 1 of the shaping specimen matches tests/baselines/specimen-shaping.png', async () => {
    expectMatchesBaseline(await renderPage1(), BASELINE);
  });

  it('the page is not blank: ink covers a plausible share of the text area', async () => {
    const share = inkShare(await renderPage1());
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.2);
  });
});
