// End to end: the summit brief read back with pdf.js carries everything the data says, in logical
// order; the cover is a page of its own; the footer numbers the pages (Western or Arabic-Indic
// digits); US Letter paper gives Letter pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, paragraphText, type Brief, type DateValue } from '../../src/data/brief.js';
import { formatDate, formatHijri, toDigits } from '../../src/template/helpers.js';
import {
  MM,
  bodyText,
  documentTree,
  drawnOnPage,
  elements,
  firstOutOfOrder,
  isElem,
  normalize,
  openPdf,
  pdfjsText,
  render,
  structText,
  structTree,
  summit,
  summitPdf,
  type PdfjsText,
} from '../pdf/support.js';
import { readLocale } from '../helpers/fixtures.js';
import { asRead } from '../helpers/known-limits.js';

let brief: Brief;
let bytes: Uint8Array;
let text: PdfjsText;
let arab: PdfjsText;
let letter: Uint8Array;
/** The whole document's text (artifacts left out), exactly as pdf.js reads it. */
let all: string;

beforeAll(async () => {
  brief = summit();
  bytes = await summitPdf();
  text = await pdfjsText(bytes);
  arab = await pdfjsText(await render(brief, { digits: 'arab' }));
  letter = await render(brief, { paper: 'letter' });
  all = text.pages.map(bodyText).join(' ');
});

/** The data's text as pdf.js reads it: written text with the known pdf.js misreadings (known-limits.ts). */
const read = (written: string) => asRead(normalize(written), 'pdf.js');
const inOrder = (needles: readonly string[]) => firstOutOfOrder(all, needles.map(read));

/** The summit's blocks under the names the checks below use. */
const view = () => {
  const [roster] = blocksOf(brief, 'roster');
  const [facts] = blocksOf(brief, 'facts');
  const fact = (label: string) => facts.items.find(f => f.label === label)!.value;
  return {
    delegations: roster.groups.map(g => ({ side: g.name, members: g.members.map(m => ({ ...m, role: m.role! })) })),
    keyPoints: blocksOf(brief, 'key-points')[0].items,
    summit: {
      date: (fact('التاريخ') as DateValue).date,
      place: fact('المكان') as string,
      goals: fact('الأهداف') as string[],
      programme: blocksOf(brief, 'programme')[0].items.map(i => i.text),
    },
    summary: blocksOf(brief, 'summary')[0].paragraphs.join(' '),
    sections: (blocksOf(brief, 'section')[0].sections ?? []).map(x => ({ heading: x.title, paragraphs: (x.paragraphs ?? []).map(paragraphText) })),
  };
};

describe('the data, read back in logical order', () => {
  it('has every delegation member, names and roles in the order of the data', () => {
    const { delegations } = view();
    const members = delegations.flatMap(d => d.members);
    expect(members.length).toBeGreaterThan(5);
    // In the roster, row by row: side, then each member's name (and Latin name), then role.
    const roster = delegations.flatMap(d => [d.side, ...d.members.flatMap(m => [m.name, ...(m.latin ? [m.latin] : []), m.role])]);
    const start = all.indexOf('الوفود المشاركة');
    expect(start).toBeGreaterThan(0);
    expect(firstOutOfOrder(all.slice(start), roster.map(normalize))).toBeNull();
  });

  it('pairs each name with its role in one table row', () => {
    const tree = structTree(openPdf(bytes));
    const byElem = new Map(structText(tree, text).map(t => [t.elem, t.text]));
    const rows = [...elements(tree)].filter(({ elem }) => elem.type === 'TR').map(({ elem }) => elem.kids.filter(isElem).map(cell => byElem.get(cell) ?? ''));
    for (const m of view().delegations.flatMap(d => d.members)) {
      const name = normalize(m.latin ? `${m.name} ${m.latin}` : m.name);
      expect(rows, m.name).toContainEqual([name, normalize(m.role)]);
    }
  });

  it('has every key point and every programme item, in order', () => {
    const { keyPoints, summit } = view();
    expect(keyPoints.length).toBeGreaterThan(2);
    expect(inOrder(keyPoints)).toBeNull();
    expect(inOrder(summit.programme)).toBeNull();
  });

  it('has the date, the place and the three goals', () => {
    const { summit } = view();
    const date = formatDate(summit.date, 'latn');
    expect(date).toBe('15 أغسطس 2025');
    expect(inOrder([`${date} (${formatHijri(summit.date, 'latn')})`, summit.place])).toBeNull();
    expect(summit.goals).toHaveLength(3);
    expect(inOrder(summit.goals)).toBeNull();
    expect(all).toContain(normalize(summit.goals.join('، ')));
  });

  it('has the summary and every section, heading then paragraphs', () => {
    const { summary, sections } = view();
    expect(inOrder([summary, ...sections.flatMap(s => [s.heading, ...s.paragraphs])])).toBeNull();
  });
});

describe('the cover', () => {
  it('is page 1 alone: the title and no body heading, no running head and no page number', () => {
    const cover = text.pages[0];
    const coverText = bodyText(cover);
    expect(coverText).toContain(normalize(brief.title));
    expect(coverText).toContain(normalize(brief.subtitle!));
    const headings = documentTree(brief)
      .body.filter(b => b.kind === 'heading')
      .map(b => normalize(b.inlines.map(i => i.text).join('')));
    expect(headings).toContain('الملخص');
    for (const h of headings) expect(coverText, h).not.toContain(h);
    // Its only text artifact is the classification banner at its foot (the top one is its tagged first copy).
    expect(cover.fragments.filter(f => f.tag === 'Artifact').map(f => normalize(f.text))).toEqual([readLocale('ar')['classification-official']]);
    expect(coverText).not.toMatch(/صفحة/);
    // The body starts on page 2 with the summary.
    expect(bodyText(text.pages[1]).startsWith('الملخص')).toBe(true);
  });
});

describe('the footer', () => {
  const footers = (t: PdfjsText) => t.pages.map(p => p.fragments.filter(f => f.tag === 'Artifact' && /صفحة/.test(f.text)).map(f => f.text));

  it('numbers page k of N on every page but the cover', () => {
    const n = text.pages.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(footers(text)).toEqual(text.pages.map((_, i) => (i === 0 ? [] : [`صفحة ${i + 1} من ${n}`])));
  });

  it("numbers them in Arabic-Indic digits with digits: 'arab'", () => {
    const n = arab.pages.length;
    expect(footers(arab)).toEqual(arab.pages.map((_, i) => (i === 0 ? [] : [`صفحة ${toDigits(String(i + 1), 'arab')} من ${toDigits(String(n), 'arab')}`])));
    expect(footers(arab)[1][0]).toMatch(/^صفحة [٠-٩]+ من [٠-٩]+$/);
    // Dates follow the digits; the Latin reference number keeps its own.
    const arabText = arab.pages.map(bodyText).join(' ');
    expect(arabText).toContain(formatDate(view().summit.date, 'arab'));
    expect(arabText).toContain(brief.reference!);
  });
});

describe('paper', () => {
  it('gives 612 × 792 pt pages on US Letter, everything still inside the margins', () => {
    const doc = openPdf(letter);
    expect(doc.countPages()).toBeGreaterThanOrEqual(3);
    for (let p = 0; p < doc.countPages(); p++) {
      const page = drawnOnPage(doc, p);
      expect([page.width, page.height]).toEqual([612, 792]);
      for (const d of page.drawn) {
        expect(Math.min(d.bounds[0], d.bounds[1])).toBeGreaterThanOrEqual(10 * MM);
        expect(d.bounds[2]).toBeLessThanOrEqual(612 - 10 * MM);
        expect(d.bounds[3]).toBeLessThanOrEqual(792 - 10 * MM);
      }
    }
  });

  it('gives A4 pages by default', () => {
    const doc = openPdf(bytes);
    const box = doc.findPage(0).get('MediaBox').asJS() as number[];
    expect(box.map(v => Math.round(v * 100) / 100)).toEqual([0, 0, 595.28, 841.89]);
  });
});
