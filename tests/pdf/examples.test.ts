// Every example brief in data/examples/ (the folder is read, so each new example is checked as it
// is added), a brief scaffolded by `mowjaz new` and the briefs of tests/fixtures/outside/ (written
// with only the README and the schema to hand) pass the checks the summit brief passes:
// PDF/A-2b, tagged structure with every piece of text tagged in reading order and page furniture
// as artifacts, text read back by pdf.js in logical order, and page images equal to reviewed
// baselines (tests/baselines/examples/<name>-page-N.png, compared exactly; UPDATE_BASELINES=1
// writes them, then look at every page before committing them). PDF/UA identification, language,
// title and tab order are checked for the same briefs in tests/access/pdfua.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/data/load.js';
import { exampleBriefs } from '../helpers/fixtures.js';
import { asRead } from '../helpers/known-limits.js';
import { expectMatchesBaseline, renderPagePng } from '../helpers/png.js';
import { archivalChecks, artifactProblems, expectedTagged, listProblems, readBack, tableProblems, taggedText, type ReadBack } from './checks.js';
import type { Unit } from './support.js';
import { bodyText, firstOutOfOrder, normalize, render, root } from './support.js';

const BASELINES = path.join(root, 'tests/baselines/examples');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-examples-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const briefs = exampleBriefs(scratch);

it('checks every example in data/examples/, a scaffolded brief and those written from outside', () => {
  const names = briefs.map(b => b.name);
  expect(names).toEqual(expect.arrayContaining(['opec-ministerial', 'situation-note', 'scaffolded', 'outside-budget-note']));
  const count = (dir: string) => fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.json')).length;
  expect(names.length).toBe(count('data/examples') + 1 + count('tests/fixtures/outside'));
});

for (const { name, file } of briefs) {
  describe(name, () => {
    let pdf: ReadBack;
    beforeAll(async () => {
      const brief = loadBrief(file);
      pdf = await readBack(await render(brief, { source: file }), brief, file);
    });

    describe('PDF/A-2b', () => archivalChecks(() => pdf));

    describe('tagged structure', () => {
      it('has one Document element, lists of LI with Lbl and LBody, tables of TR rows with scoped TH cells', () => {
        expect(pdf.tree.map(e => e.type)).toEqual(['Document']);
        expect(listProblems(pdf.tree, pdf.blocks)).toEqual([]);
        expect(tableProblems(pdf.tree, pdf.blocks)).toEqual([]);
      });

      it('tags every piece of text with its element, in logical reading order, with the text of the markup', () => {
        expect(pdf.expected.length).toBeGreaterThan(5);
        expect(taggedText(pdf.tree, pdf.text)).toEqual(expectedTagged(pdf.expected));
      });

      it('draws rules and bands as artifacts and every piece of text inside a tagged or artifact sequence', () => {
        const { painted, shown, problems } = artifactProblems(pdf.doc);
        expect(problems).toEqual([]);
        expect(painted).toBeGreaterThan(0);
        expect(shown).toBeGreaterThan(pdf.expected.length);
      });
    });

    it('pdf.js gives back every heading, paragraph, list item and table cell, in logical order, and nothing else', () => {
      const documentText = pdf.text.pages.map(bodyText).join(' ');
      // Notes at the foot of a page are read after the rest of that page, not after their
      // paragraph: the text around them is in order, and so are the notes themselves.
      const isNote = (u: Unit, i: number, all: readonly Unit[]) =>
        u.type === 'Note' || (u.type === 'Link' && !u.pageNumber && (all[i + 1]?.type === 'Note' || all[i - 1]?.type === 'Note'));
      const flow = pdf.expected.filter((u, i, all) => !isNote(u, i, all));
      const notes = pdf.expected.filter((u, i, all) => isNote(u, i, all) && u.type !== 'Link' && all[i - 1]?.type === 'Link');
      expect(
        firstOutOfOrder(
          documentText,
          flow.map(u => asRead(u.text, 'pdf.js')),
        ),
      ).toBeNull();
      expect(
        firstOutOfOrder(
          documentText,
          notes.map(u => asRead(u.text, 'pdf.js')),
        ),
      ).toBeNull();
      const wanted = asRead(normalize(pdf.expected.map(u => u.text).join(' ')), 'pdf.js');
      const tocEntries = pdf.expected.filter(u => u.pageNumber).length;
      if (notes.length === 0 && tocEntries === 0) {
        expect(documentText).toBe(wanted);
        return;
      }
      // Otherwise every word of the expectation, and nothing else but one page number for each
      // contents entry (the layout's), whatever the order.
      const extra = [...documentText.split(' ')];
      const missing: string[] = [];
      for (const w of wanted.split(' ')) {
        const at = extra.indexOf(w);
        if (at === -1) missing.push(w);
        else extra.splice(at, 1);
      }
      expect(missing).toEqual([]);
      expect(extra.filter(w => w !== '')).toEqual(Array(tocEntries).fill(expect.stringMatching(/^[0-9\u0660-\u0669]+$/)));
    });

    describe('page images', () => {
      const baseline = (page: number) => path.join(BASELINES, `${name}-page-${page}.png`);
      const ours = (f: string) => new RegExp(`^${name}-page-\\d+\\.png$`).test(f);
      let count = 0;
      beforeAll(() => {
        count = mupdf.Document.openDocument(pdf.bytes, 'application/pdf').countPages();
        if (process.env.UPDATE_BASELINES === '1' && fs.existsSync(BASELINES)) {
          for (const f of fs.readdirSync(BASELINES).filter(ours)) if (Number(/(\d+)\.png$/.exec(f)![1]) > count) fs.rmSync(path.join(BASELINES, f));
        }
      });

      it('matches the reviewed baseline of every page', () => {
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) expectMatchesBaseline(renderPagePng(pdf.bytes, i, 1.5), baseline(i + 1));
      });

      it('has no baseline for a page that does not exist', () => {
        const existing = fs.existsSync(BASELINES) ? fs.readdirSync(BASELINES).filter(ours).sort() : [];
        expect(existing).toEqual(Array.from({ length: count }, (_, i) => path.basename(baseline(i + 1))).sort());
      });
    });
  });
}
