// A long roster (60 members in one delegation): the table continues over pages, its header row
// (الاسم / الصفة) repeated at the top of each continuation page as an artifact, and no row split
// across a page break.
import { beforeAll, describe, expect, it } from 'vitest';
import { readLocale } from '../helpers/fixtures.js';
import type { Brief } from '../../src/data/brief.js';
import { renderBrief } from '../../src/index.js';
import { elements, isElem, normalize, openPdf, pdfjsText, refsOf, structText, structTree, summit, type PdfjsText, type StructElem } from '../pdf/support.js';

const ROWS = 60;

let brief: Brief;
let text: PdfjsText;
let tree: StructElem[];
let roster: StructElem;

beforeAll(async () => {
  brief = summit();
  const base = brief.blocks.find(b => b.type === 'roster')!;
  if (base.type !== 'roster') throw new Error('the summit brief has a roster');
  const group = base.groups[0];
  brief = {
    ...brief,
    blocks: brief.blocks.map(b =>
      b === base ? { ...base, groups: [{ ...group, members: Array.from({ length: ROWS }, (_, i) => group.members[i % group.members.length]) }] } : b,
    ),
  };
  // renderBrief validates the data against the schema first.
  const bytes = await renderBrief(brief);
  text = await pdfjsText(bytes);
  tree = structTree(openPdf(bytes));
  // The roster is the table whose first row holds column headers.
  roster = [...elements(tree)]
    .map(e => e.elem)
    .find(e => {
      const first = e.kids.filter(isElem)[0];
      const cells = first?.type === 'TR' ? first.kids.filter(isElem) : [];
      return e.type === 'Table' && cells.length > 0 && cells.every(c => c.type === 'TH' && (c.attributes as { Scope?: string } | null)?.Scope === 'Column');
    })!;
});

describe(`a roster of ${ROWS} members`, () => {
  it('is one table: a header row, the delegation row and a row per member', () => {
    expect(roster).toBeDefined();
    const rows = roster.kids.filter(isElem);
    expect(rows).toHaveLength(ROWS + 2);
    expect(rows[0].kids.filter(isElem).map(c => c.type)).toEqual(['TH', 'TH']);
    expect(
      rows.slice(2).every(
        r =>
          r.kids
            .filter(isElem)
            .map(c => c.type)
            .join() === 'TD,TD',
      ),
    ).toBe(true);
  });

  it('continues over several pages', () => {
    const pages = new Set(refsOf(roster).map(r => r.page));
    expect(pages.size).toBeGreaterThanOrEqual(3);
  });

  it('never splits a row: each member’s name and role are on the same page', () => {
    const read = new Map(structText(tree, text).map(t => [t.elem, t]));
    const block = brief.blocks.find(b => b.type === 'roster');
    const members = block?.type === 'roster' ? block.groups[0].members : [];
    roster.kids
      .filter(isElem)
      .slice(2)
      .forEach((row, i) => {
        const pages = new Set(refsOf(row).map(r => r.page));
        expect(pages.size, `row ${i + 1}`).toBe(1);
        const [name, role] = row.kids.filter(isElem).map(c => read.get(c)!.text);
        const m = members[i];
        expect(name).toBe(normalize(m.latin ? `${m.name} ${m.latin}` : m.name));
        expect(role).toBe(normalize(m.role!));
      });
  });

  it('repeats the header row at the top of each continuation page, as an artifact', () => {
    const headerRow = roster.kids.filter(isElem)[0];
    const firstPage = Math.min(...refsOf(headerRow).map(r => r.page));
    const pages = [...new Set(refsOf(roster).map(r => r.page))].sort((a, b) => a - b);
    expect(pages[0]).toBe(firstPage);
    const running = [normalize(brief.shortTitle!), normalize(readLocale('ar')['classification-official'])];
    for (const p of pages.slice(1)) {
      const fragments = text.pages[p].fragments.filter(f => !(f.tag === 'Artifact' && (running.includes(normalize(f.text)) || /^صفحة/.test(f.text))));
      // The first things on the page are the two header cells, drawn as artifacts, right to left…
      expect(
        fragments.slice(0, 2).map(f => [f.tag, f.text]),
        `page ${p + 1}`,
      ).toEqual([
        ['Artifact', 'الاسم'],
        ['Artifact', 'الصفة'],
      ]);
      expect(fragments[0].box[0]).toBeGreaterThan(fragments[1].box[2]);
      // …above every row of the page.
      const headTop = Math.min(fragments[0].box[1], fragments[1].box[1]);
      for (const f of fragments.slice(2)) expect(f.box[3], `${f.text} on page ${p + 1}`).toBeLessThan(headTop);
    }
    // The first page has the tagged header row, and no repeated one.
    const first = text.pages[firstPage].fragments;
    expect(first.filter(f => f.tag === 'TH').map(f => f.text)).toEqual(['الاسم', 'الصفة']);
    expect(first.filter(f => f.tag === 'Artifact' && (f.text === 'الاسم' || f.text === 'الصفة'))).toEqual([]);
  });
});
