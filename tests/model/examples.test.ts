// Every example brief, the summit brief and a freshly scaffolded one render with the default
// template, and pdf.js reads their text back in data order; briefs that are not about a summit
// carry none of the summit's words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paragraphText, type Block, type Brief, type Subsection } from '../../src/data/brief.js';
import { loadBrief, textValues } from '../../src/data/load.js';
import { scaffold } from '../../src/scaffold.js';
import { OUTSIDE_DIR } from '../helpers/fixtures.js';
import { examples, outOfOrder, pdfText, reads, render, summit } from './support.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-model-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The texts a brief's blocks draw word for word, in reading order (numbers and dates are formatted, so left out). */
function drawnTexts(brief: Brief): string[] {
  const sub = (s: Subsection): string[] => [s.title, ...(s.paragraphs ?? []).map(paragraphText), ...(s.sections ?? []).flatMap(sub)];
  const cellText = (c: unknown): string[] =>
    typeof c === 'string' ? [c] : c && typeof c === 'object' && typeof (c as { value: unknown }).value === 'string' ? [(c as { value: string }).value] : [];
  const block = (b: Block): string[] => {
    const title = 'title' in b && b.title ? [b.title] : [];
    switch (b.type) {
      case 'summary':
        return [...title, ...b.paragraphs];
      case 'facts':
        return [
          ...title,
          ...(b.caption ? [b.caption] : []),
          ...b.items.flatMap(f => [f.label, ...(typeof f.value === 'string' ? [f.value] : Array.isArray(f.value) ? f.value : [])]),
        ];
      case 'table':
        return [
          ...title,
          ...(b.caption ? [b.caption] : []),
          ...(b.header ?? []).flat().flatMap(cellText),
          ...b.rows.flat().flatMap(cellText),
          ...(b.notes ?? []),
        ];
      case 'roster':
        return [...title, ...b.groups.flatMap(g => [g.name, ...g.members.flatMap(m => [m.name, ...(m.latin ? [m.latin] : []), ...(m.role ? [m.role] : [])])])];
      case 'key-points':
      case 'recommendations':
        return [...title, ...b.items];
      case 'quotation':
        return [...title, b.text, ...(b.speaker ? [b.speaker] : []), ...(b.role ? [b.role] : []), ...(b.source ? [b.source] : [])];
      case 'programme':
      case 'timeline':
        return [...title, ...b.items.flatMap(i => [...(i.time ? [i.time] : []), i.text])];
      case 'section':
        return sub(b);
      case 'sources':
        return [
          ...title,
          ...(b.items ?? []).flatMap(s => [s.name, ...(s.latin ? [s.latin] : []), ...(s.detail ? [s.detail] : [])]),
          ...(b.note ? [b.note] : []),
        ];
      case 'callout':
        return [...title, ...b.paragraphs, ...(b.attribution ? [b.attribution] : [])];
      case 'contents':
        return title;
      case 'figure':
        // The alt text is not drawn: it is the Figure's /Alt (tests/blocks/figure.test.ts).
        return [...title, ...(b.caption ? [b.caption] : [])];
    }
  };
  return [brief.title, ...(brief.subtitle ? [brief.subtitle] : []), ...brief.blocks.flatMap(block)];
}

const SUMMIT_WORDS = ['القمة', 'قمة', 'تاريخ القمة', 'برنامج القمة', 'موجز سياسي'];

const scaffolded = (): { name: string; brief: Brief } => {
  const file = path.join(tmp, scaffold('new-brief', tmp, '2025-12-01'));
  return { name: 'scaffolded new-brief.json', brief: loadBrief(file) };
};

const cases = [
  { name: 'data/summit.json', brief: summit(), summitBrief: true, source: undefined as string | undefined },
  // Rendered as from their file: the images an example names are found beside it.
  ...examples().map(e => ({ name: `data/examples/${e.name}`, brief: e.brief, summitBrief: false, source: e.file })),
  { ...scaffolded(), summitBrief: false, source: undefined },
  // Written with only the README and the schema to hand.
  ...fs
    .readdirSync(OUTSIDE_DIR)
    .filter(f => f.endsWith('.json'))
    .map(f => ({ name: `tests/fixtures/outside/${f}`, brief: loadBrief(path.join(OUTSIDE_DIR, f)), summitBrief: false, source: path.join(OUTSIDE_DIR, f) })),
];

describe('briefs render with the default template', () => {
  it('there are at least two example briefs besides the summit', () => {
    expect(examples().length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('$name: every text of its blocks is read back, in data order', async ({ brief, source }) => {
    const { lines } = await pdfText(await render(brief, { source }));
    expect(outOfOrder(lines, drawnTexts(brief))).toBeNull();
  });

  it.each(cases.filter(c => !c.summitBrief))('$name: no summit wording anywhere in the PDF', async ({ brief, source }) => {
    const data = textValues(brief)
      .map(v => v.value)
      .join(' ');
    const { lines } = await pdfText(await render(brief, { source }));
    for (const word of SUMMIT_WORDS) {
      expect(data.includes(word), `the data itself says ${word}`).toBe(false);
      expect(reads(lines, word), word).toBe(false);
    }
  });

  it('the summit brief says «قمة» because its data does (the words come from the data, not the template)', async () => {
    const { lines } = await pdfText(await render(summit()));
    expect(reads(lines, 'برنامج القمة')).toBe(true);
    expect(reads(lines, 'موجز سياسي')).toBe(true);
  });
});

describe('the example briefs are what they claim', () => {
  const byName = (n: string): Brief => examples().find(e => e.name === n)!.brief;

  it('the ministerial brief has a table of figures, three delegations and eight key points', () => {
    const b = byName('opec-ministerial.json');
    const table = b.blocks.find(x => x.type === 'table');
    expect(table?.type === 'table' && table.rows.some(r => r.some(c => typeof c === 'number'))).toBe(true);
    const roster = b.blocks.find(x => x.type === 'roster');
    expect(roster?.type === 'roster' && roster.groups.length).toBe(3);
    const points = b.blocks.find(x => x.type === 'key-points');
    expect(points?.type === 'key-points' && points.items.length).toBe(8);
  });

  it('the situation note fits on one page', async () => {
    const { pages } = await pdfText(await render(byName('situation-note.json')));
    expect(pages).toHaveLength(1);
  });

  it("the ministerial figures are read back in the document's digits, with separators", async () => {
    const b = byName('opec-ministerial.json');
    const { lines } = await pdfText(await render(b, { digits: 'arab' }));
    expect(reads(lines, '٩٬٠٠٠')).toBe(true); // 9000 in the first row
    expect(reads(lines, '٥٫٦')).toBe(true); // 5.6 %
  });
});
