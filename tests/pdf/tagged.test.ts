// The summit brief as a tagged PDF: the catalog says so, the structure tree mirrors the document
// (headings, paragraphs, lists, tables with header cells and their scope) in reading order, and
// page furniture (running header and footer, rules, bands) is artifact content outside the tree.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import type { Block } from '../../src/markup/tree.js';
import { elements, isElem, structText, summit, summitPdf, type PdfjsText, type StructElem, type Unit } from './support.js';
import { artifactProblems, expectedTagged, listProblems, readBack, tableProblems, taggedText } from './checks.js';
import type * as mupdf from 'mupdf';

let brief: Brief;
let bytes: Uint8Array;
let doc: mupdf.PDFDocument;
let tree: StructElem[];
let text: PdfjsText;
let expected: Unit[];
let blocks: Block[];

beforeAll(async () => {
  brief = summit();
  bytes = await summitPdf();
  ({ doc, tree, text, expected, blocks } = await readBack(bytes, brief));
});

describe('catalog', () => {
  it('is marked as tagged, in Arabic, and asks viewers to show the title', () => {
    const root = doc.getTrailer().get('Root');
    expect(root.get('MarkInfo', 'Marked').asBoolean()).toBe(true);
    expect(root.get('Lang').asString()).toBe('ar');
    expect(root.get('ViewerPreferences', 'DisplayDocTitle').asBoolean()).toBe(true);
    expect(root.get('StructTreeRoot', 'Type').asName()).toBe('StructTreeRoot');
    expect(root.get('StructTreeRoot', 'ParentTree').isNull()).toBe(false);
  });
});

describe('structure tree', () => {
  it('has one Document element whose children are the blocks of the document, in order', () => {
    expect(tree.map(e => e.type)).toEqual(['Document']);
    const kinds = blocks.flatMap(b => {
      switch (b.kind) {
        case 'heading':
          return [`H${b.level}`];
        case 'paragraph':
          return ['P'];
        case 'list':
          return ['L'];
        case 'table':
          return ['Table'];
        default:
          return [];
      }
    });
    expect(tree[0].kids.filter(isElem).map(e => e.type)).toEqual(kinds);
    expect(kinds).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'L', 'Table']));
  });

  it('builds lists from LI elements holding a Lbl and an LBody', () => {
    expect(listProblems(tree, blocks)).toEqual([]);
  });

  it('builds tables from TR rows of TH and TD cells; every TH has a Table attribute with its scope', () => {
    expect(tableProblems(tree, blocks)).toEqual([]);
    // The brief has both kinds of header cell: row labels (facts) and column heads (roster).
    const scopes = new Set([...elements(tree)].filter(({ elem }) => elem.type === 'TH').map(({ elem }) => (elem.attributes as { Scope: string }).Scope));
    expect([...scopes].sort()).toEqual(['Column', 'Row']);
  });

  it('tags every piece of text with its element, in logical reading order, with the text of the markup', () => {
    expect(taggedText(tree, text)).toEqual(expectedTagged(expected));
  });

  it('reads the cover first, then the pages in order', () => {
    const read = structText(tree, text);
    const coverCount = expected.filter(u => u.cover).length;
    expect(coverCount).toBeGreaterThan(3);
    expect(read.slice(0, coverCount).every(e => e.pages.length === 1 && e.pages[0] === 0)).toBe(true);
    expect(read.slice(coverCount).every(e => !e.pages.includes(0))).toBe(true);
    const firstPages = read.map(e => Math.min(...e.pages));
    expect(firstPages).toEqual([...firstPages].sort((a, b) => a - b));
  });

  it('reads each table row from the right: the first cell is the rightmost', () => {
    const read = structText(tree, text);
    const byElem = new Map(read.map(r => [r.elem, r]));
    let rows = 0;
    for (const { elem } of elements(tree)) {
      if (elem.type !== 'TR') continue;
      const cells = elem.kids
        .filter(isElem)
        .map(c => byElem.get(c)!)
        .filter(Boolean);
      if (cells.length < 2) continue;
      rows++;
      for (let k = 1; k < cells.length; k++) {
        const right = cells[k - 1].fragments[0].box;
        const left = cells[k].fragments[0].box;
        expect(right[0], `${cells[k - 1].text} | ${cells[k].text}`).toBeGreaterThan(left[2]);
      }
    }
    expect(rows).toBeGreaterThan(10);
  });
});

describe('artifacts', () => {
  it('draws every rule and band as an artifact, and every piece of text inside a tagged or artifact sequence', () => {
    const { painted, shown, problems } = artifactProblems(doc);
    expect(problems).toEqual([]);
    expect(painted).toBeGreaterThan(10);
    expect(shown).toBeGreaterThan(100);
  });

  it('marks the running header and footer as pagination artifacts, on every page but the cover', () => {
    const count = text.pages.length;
    expect(count).toBeGreaterThan(2);
    expect(text.pages.flatMap(p => p.fragments).filter(f => f.tag === '')).toEqual([]);
    // The cover has no running head: its only artifacts are drawings.
    expect(text.pages[0].fragments.filter(f => f.tag === 'Artifact')).toEqual([]);
    const header = `${brief.shortTitle} — ${brief.classification}`;
    for (let p = 1; p < count; p++) {
      const artifacts = text.pages[p].fragments.filter(f => f.tag === 'Artifact').map(f => f.text);
      expect(artifacts).toContain(header);
      expect(artifacts).toContain(`صفحة ${p + 1} من ${count}`);
    }
    for (let p = 0; p < doc.countPages(); p++) {
      const stream = doc.findPage(p).get('Contents').readStream().asString();
      if (p > 0) expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
      expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/);
    }
    // …and the structure tree holds no page furniture.
    const tagged = structText(tree, text)
      .map(e => e.text)
      .join('\n');
    expect(tagged).not.toContain('صفحة');
    expect(tagged).not.toContain(header);
  });
});
