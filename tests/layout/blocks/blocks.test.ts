// Callout boxes, notes, contents and direction, read back from the PDF by readers that are not
// the code under test: mupdf for the structure tree, pdf.js for text, link annotations and their
// destinations. The document is the summit data through tests/layout/blocks/fixtures/blocks.hbs.
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValidBrief } from '../../../src/index.js';
import { loadBrief } from '../../../src/data/load.js';
import { blocksOf, type Brief } from '../../../src/data/brief.js';
import { elements, isElem, normalize, openPdf, pdfjsText, root, structText, structTree, type PdfjsText, type StructElem } from '../../pdf/support.js';

const TEMPLATE = path.join(root, 'tests/layout/blocks/fixtures/blocks.hbs');
const CONTACT = 'هاتف +971 2 000 0000، بريد info@example.org، موقع https://example.org/brief.';

function blocksBrief(): Brief {
  const brief = loadBrief(path.join(root, 'data/summit.json'));
  const summary = blocksOf(brief, 'summary')
    .flatMap(b => b.paragraphs)
    .join(' ');
  const keyPoint = blocksOf(brief, 'key-points')[0].items[0];
  const sections = blocksOf(brief, 'section').flatMap(b => b.sections ?? []);
  return { ...brief, custom: { summary, keyPoint, sections, contact: CONTACT } };
}

let bytes: Uint8Array;
let tree: StructElem[];
let text: PdfjsText;
let links: { page: number; dest: string; target: number; rect: number[]; contents: string }[];

/** Every link annotation of the document with the page its named destination opens. */
async function readLinks(data: Uint8Array) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  try {
    const out: typeof links = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of await (await doc.getPage(p)).getAnnotations()) {
        if (a.subtype !== 'Link') continue;
        expect(typeof a.dest).toBe('string');
        const dest = await doc.getDestination(a.dest);
        expect(dest).not.toBeNull();
        out.push({ page: p - 1, dest: a.dest, target: await doc.getPageIndex(dest![0]), rect: a.rect, contents: a.contentsObj?.str ?? '' });
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

beforeAll(async () => {
  bytes = await renderValidBrief(blocksBrief(), { template: TEMPLATE });
  tree = structTree(openPdf(bytes));
  text = await pdfjsText(bytes);
  links = await readLinks(bytes);
});

const all = () => [...elements(tree)].map(e => e.elem);
const ofType = (type: string) => all().filter(e => e.type === type);
const kidTypes = (e: StructElem) => e.kids.filter(isElem).map(k => k.type);

describe('structure', () => {
  it('puts the contents first, then the blocks in reading order, callouts as Aside', () => {
    const doc = tree[0];
    expect(doc.type).toBe('Document');
    const kinds = kidTypes(doc);
    expect(kinds.slice(0, 7)).toEqual(['TOC', 'H1', 'Aside', 'Aside', 'Aside', 'Aside', 'P']);
  });

  it('tags each contents entry as TOCI > Link, one per body h1 and h2', () => {
    const [toc] = ofType('TOC');
    const items = toc.kids.filter(isElem);
    expect(items.length).toBe(ofType('H1').length + ofType('H2').length);
    for (const i of items) expect(kidTypes(i)).toEqual(['Link']);
  });

  it('tags the summary box as Aside > H3, P; the key figure as two P; the pull quote as BlockQuote and its attribution', () => {
    const asides = ofType('Aside');
    expect(asides.map(kidTypes)).toEqual([['H3', 'P'], ['P'], ['P', 'P'], ['BlockQuote', 'P']]);
    expect(kidTypes(asides[3].kids.filter(isElem)[0])).toEqual(['P']);
  });

  it('tags each marker Reference > Link inside its paragraph, and each note Note with an ID, Link to the marker first', () => {
    const refs = ofType('Reference');
    const notes = ofType('Note');
    expect(refs.length).toBe(notes.length);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(kidTypes(r)).toEqual(['Link']);
    for (const n of notes) expect(kidTypes(n)[0]).toBe('Link');
    const paragraphsWithNotes = all().filter(e => e.type === 'P' && kidTypes(e).includes('Reference'));
    for (const p of paragraphsWithNotes) expect(kidTypes(p)).toEqual(expect.arrayContaining(['Reference', 'Note']));
  });
});

describe('text read back by pdf.js', () => {
  it('reads the English box and the English paragraph as English, in order, full stop last', () => {
    const byType = structText(tree, text);
    const english = byType.filter(t => /^[A-Z]/.test(t.text));
    expect(english.map(t => t.text)).toEqual([
      'The summit in Alaska centres on easing sanctions and restoring diplomatic missions.',
      'An English paragraph, set left to right, with its full stop at the end.',
    ]);
  });

  it("sets English text from the left edge: each of its lines starts at the column's left", () => {
    const byType = structText(tree, text);
    const para = byType.find(t => t.text.startsWith('An English paragraph'))!;
    const left = Math.min(...para.fragments.flatMap(f => f.runs.map(r => r.x0)));
    expect(left).toBeCloseTo((22 * 72) / 25.4, 0);
  });

  it('reads the phone number, e-mail and URL of the data whole and draws the phone number in its own order', () => {
    const contact = structText(tree, text).find(t => t.text.includes('info@example.org'))!;
    expect(contact.text).toContain('+971 2 000 0000');
    expect(contact.text).toContain('https://example.org/brief');
    // mupdf's characters on the page, left to right: the phone number's must read as written.
    const page = openPdf(bytes).loadPage(contact.pages[0]);
    const chars: { c: string; x: number; y: number }[] = [];
    page.toStructuredText('preserve-whitespace').walk({
      onChar: (c: string, origin: number[]) => {
        chars.push({ c, x: origin[0], y: origin[1] });
      },
    });
    const at = chars.find(ch => ch.c === '@')!;
    const line = chars.filter(ch => Math.abs(ch.y - at.y) < 1 && /[+0-9]/.test(ch.c)).sort((a, b) => a.x - b.x);
    expect(line.map(ch => ch.c).join('')).toBe('+97120000000');
  });

  it('copies the quotation marks back as typed', () => {
    const quote = structText(tree, text).find(t => t.type === 'P' && t.elem && t.text.includes('مناقشة ملف العقوبات'))!;
    expect(quote.text.startsWith('\u201C')).toBe(true);
    expect(quote.text.endsWith('\u201D')).toBe(true);
  });

  it('reads each marker as the number after the word it is glued to, and each note after its label', () => {
    const refs = structText(tree, text).filter(t => t.type === 'Link' && /^\d+$/.test(t.text));
    expect(refs.length).toBeGreaterThan(0);
    const notes = structText(tree, text).filter(t => t.type === 'Note');
    notes.forEach(n => expect(n.text).toMatch(/^مصدر الفقرة \d: وكالة “تاس”\.$/));
  });
});

describe('links', () => {
  const markerLinks = () => links.filter(l => /^note-\d+$/.test(l.dest));
  const backLinks = () => links.filter(l => /^note-ref-\d+$/.test(l.dest));

  it('links every marker to its note on the same page, and every note back to its marker', () => {
    expect(markerLinks().length).toBe(ofType('Note').length);
    for (const l of markerLinks()) expect(l.target).toBe(l.page);
    expect(backLinks().map(l => l.dest.replace('note-ref-', ''))).toEqual(markerLinks().map(l => l.dest.replace('note-', '')));
    for (const l of backLinks()) expect(l.target).toBe(l.page);
    // The note is at the foot: below the marker.
    markerLinks().forEach((m, i) => expect(backLinks()[i].rect[1]).toBeLessThan(m.rect[1]));
  });

  it('links each contents entry to the page its heading is on, and prints that page number', () => {
    const tocLinks = links.filter(l => l.dest.startsWith('heading-'));
    expect(tocLinks.length).toBe(ofType('TOCI').length);
    const headings = structText(tree, text).filter(t => t.type === 'H1' || t.type === 'H2');
    const entries = structText(tree, text).filter(t => t.type === 'Link' && t.elem && t.text.includes(' '));
    expect(entries.length).toBe(headings.length);
    headings.forEach((h, i) => {
      expect(tocLinks[i].target).toBe(h.pages[0]);
      expect(normalize(entries[i].text)).toBe(`${h.text} ${h.pages[0] + 1}`);
    });
    expect(new Set(headings.map(h => h.pages[0])).size).toBeGreaterThan(1);
  });
});
