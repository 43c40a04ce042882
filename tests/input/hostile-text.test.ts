// Data that looks like markup or carries bidi controls: printed literally, never changing the
// document's structure, never reordering anything outside its own value. Checked in the PDF
// (pdf.js text) and in the layout (glyph order of the laid-out cells).
import { afterAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { parseBrief } from '../../src/data/load.js';
import { layoutDocument } from '../../src/layout/flow.js';
import type { StructNode } from '../../src/layout/page.js';
import { layoutInlines } from '../../src/layout/text.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { DocumentTree } from '../../src/markup/tree.js';
import { isolate } from '../../src/template/isolate.js';
import { defaultTemplate, renderTemplate } from '../../src/template/render.js';
import { createContext } from '../../src/context.js';
import { defaultTheme as theme, templateValues } from '../../src/theme.js';
import { cleanup, expectSuccess, pdfText, reads, squeeze, summit } from './cli.js';
import { createTextEngine } from '../../src/text/engine.js';

const _engine = createTextEngine();

afterAll(cleanup);

function tree(data: unknown): DocumentTree {
  const brief = parseBrief(JSON.stringify(data), 'test.json');
  return parseMarkup(renderTemplate(brief, { template: defaultTemplate(), digits: 'latn', extras: templateValues(theme) }), { source: 'brief.hbs' });
}

/** The shape of a document tree: its blocks, rows and cells, without their text. */
function shape(t: DocumentTree): unknown {
  const block = (b: DocumentTree['body'][number]): unknown => {
    switch (b.kind) {
      case 'table':
        return { table: [...b.head, ...b.body].map(r => r.cells.map(c => (c.header ? 'th' : 'td') + c.colspan)), caption: !!b.caption };
      case 'list':
        return { list: b.items.length };
      default:
        return b.kind;
    }
  };
  return { cover: t.cover.map(block), body: t.body.map(block), header: !!t.header, footer: !!t.footer };
}

const MARKUP = {
  title: '<b>عنوان</b> & {{title}} </table></document>',
  name: '</td></tr><tr><td>حقن',
  role: '<page-break/>&amp;&lt; <hr/>',
  keyPoint: '</li></ul><h1>ليس عنواناً</h1><ul><li>',
  summary: '{{#each delegations}}{{side}}{{/each}} <p class="cover-title">فقرة</p> <!-- تعليق --> <![CDATA[x]]>',
};

/** Logical text of laid-out lines: the glyphs' characters in the order of their source offsets. */
function logical(lines: readonly { glyphs: readonly { text: string; cluster: number }[] }[]): string {
  return lines
    .map(l =>
      [...l.glyphs]
        .sort((a, b) => a.cluster - b.cluster)
        .map(g => g.text)
        .join(''),
    )
    .join('');
}

describe('markup-like data is printed literally', () => {
  const hostile = summit();
  hostile.title = MARKUP.title;
  const block = (type: string) => hostile.blocks.find((b: { type: string }) => b.type === type);
  block('roster').groups[0].members[0].name = MARKUP.name;
  block('roster').groups[0].members[0].role = MARKUP.role;
  block('key-points').items[0] = MARKUP.keyPoint;
  block('summary').paragraphs[0] = MARKUP.summary;

  it('the document tree has the same shape as with plain data', () => {
    expect(shape(tree(hostile))).toEqual(shape(tree(summit())));
  });

  it('the laid-out text holds each value character for character', () => {
    const laid = layoutDocument(createContext(), tree(hostile), { digits: 'latn' });
    const items = laid.pages.flatMap(p => p.items.flatMap(i => (i.kind === 'text' ? [squeeze(logical(i.lines))] : [])));
    for (const value of Object.values(MARKUP))
      expect(
        items.some(t => t.includes(squeeze(value))),
        value,
      ).toBe(true);
    const cover = laid.pages[0].items.find(i => i.kind === 'text' && i.struct?.type === 'H1');
    expect(cover && cover.kind === 'text' && squeeze(logical(cover.lines))).toBe(squeeze(MARKUP.title));
  });

  it('the PDF text holds the markup characters and words, {{title}} not expanded', async () => {
    const { pdf } = expectSuccess(hostile);
    const lines = (await pdfText(pdf)).flat();
    const text = lines.join('\n');
    // pdf.js orders the neutral characters of a word that mixes directions by its own rules, so
    // the PDF is checked for every word of the values and for the count of each markup character;
    // the exact order is checked on the layout above.
    const shown = [MARKUP.title, MARKUP.name, MARKUP.role, MARKUP.keyPoint, MARKUP.summary].join(''); // the name shows in the roster only
    for (const word of [...shown.match(/[A-Za-z0-9-]{2,}/g)!, '&amp;&lt;', '{{title}}', '</table></document>']) expect(text).toContain(word);
    for (const ch of '<>&{}/') expect([...text].filter(c => c === ch).length, ch).toBe([...shown].filter(c => c === ch).length);
    expect(reads(lines, 'قمة ألاسكا تتجه نحو')).toBe(false); // the real title: data's {{title}} was not expanded
  });
});

// ---- bidi controls --------------------------------------------------------------------------

describe('isolate()', () => {
  const FSI = '\u2068',
    PDI = '\u2069',
    PDF = '\u202C';
  it('leaves a value without controls as it is', () => {
    expect(isolate('سيرغي لافروف (Lavrov)')).toBe('سيرغي لافروف (Lavrov)');
  });
  it('wraps a value with controls in FSI … PDI and closes what it leaves open', () => {
    expect(isolate('a\u202Eb')).toBe(`${FSI}a\u202Eb${PDF}${PDI}`);
    expect(isolate('\u202A\u202Bx')).toBe(`${FSI}\u202A\u202Bx${PDF}${PDF}${PDI}`);
    expect(isolate('\u2067x')).toBe(`${FSI}\u2067x${PDI}${PDI}`);
    expect(isolate('x\u200F')).toBe(`${FSI}x\u200F${PDI}`);
    expect(isolate('x\u061C')).toBe(`${FSI}x\u061C${PDI}`);
  });
  it('drops a PDF or PDI that closes nothing inside the value (it would close the wrapper)', () => {
    expect(isolate(`${PDI}x${PDF}`)).toBe(`${FSI}x${PDI}`);
    expect(isolate(`\u2066a${PDI}${PDI}b`)).toBe(`${FSI}\u2066a${PDI}b${PDI}`);
  });
});

/** Visual text of laid-out lines: each glyph's characters, left to right. */
function visual(lines: readonly { glyphs: readonly { text: string }[] }[]): string {
  return lines.map(l => l.glyphs.map(g => g.text).join('')).join('\n');
}

/** The laid-out cells (TD/TH) of the document, in drawing order, as visual text. */
function cells(data: unknown): string[] {
  const laid = layoutDocument(createContext(), tree(data), { digits: 'latn' });
  const out: string[] = [];
  for (const page of laid.pages) {
    for (const item of page.items) {
      const type = (item.kind === 'text' && (item.struct as StructNode | undefined)?.type) || '';
      if (item.kind === 'text' && !item.artifact && (type === 'TD' || type === 'TH')) out.push(visual(item.lines));
    }
  }
  return out;
}

const CONTROLS: Record<string, string> = {
  RLO: '\u202E',
  LRO: '\u202D',
  LRE: '\u202A',
  RLE: '\u202B',
  PDF: '\u202C',
  LRI: '\u2066',
  RLI: '\u2067',
  FSI: '\u2068',
  PDI: '\u2069',
  LRM: '\u200E',
  RLM: '\u200F',
  ALM: '\u061C',
};

describe('bidi controls in a value reorder nothing outside it', () => {
  /** A roster whose first name carries `control`; the other names and roles are mixed Arabic and Latin. */
  function roster(control: string): Brief {
    const data = summit() as Brief;
    const members = [
      { name: `سيرغي ${control}لافروف Sergey`, latin: 'Sergey Lavrov', role: 'وزير الخارجية (Foreign Minister)' },
      { name: 'Yuri Ushakov', role: 'مساعد الرئيس Aide' },
      { name: 'أنطون سيلوانوف', latin: 'Anton Siluanov', role: 'وزير المالية 2024' },
    ];
    for (const b of data.blocks) {
      if (b.type === 'roster') b.groups = [{ name: 'الجانب الروسي', members }];
      // The names also as one fact, all in one cell: a control there must not reorder the names after it.
      if (b.type === 'facts') b.items.push({ label: 'الجانب الروسي', value: members.map(m => m.name) });
    }
    return data;
  }

  const clean = cells(roster(''));

  it.each(Object.keys(CONTROLS))('%s in a roster name', name => {
    const hostile = cells(roster(CONTROLS[name]));
    expect(hostile).toHaveLength(clean.length);
    const differs = hostile.map((c, i) => (c === clean[i] ? -1 : i)).filter(i => i >= 0);
    // Only the cells holding the first name itself may change: in the facts table (all names in one
    // cell) and in the roster. Its role, its Latin line and the following rows are as without the control.
    for (const i of differs) expect(hostile[i]).toMatch(/فورفال|لافروف/); // the name, drawn right to left, or left to right under LRO
    expect(differs.length).toBeLessThanOrEqual(2);
    const facts = hostile.find(c => /فورفال|لافروف/.test(c) && /Ushakov|vokahsU/.test(c))!;
    expect(facts).toContain('Yuri Ushakov'); // still left to right, after the overridden name
    const own = hostile.find(c => /فورفال|لافروف/.test(c) && /Lavrov|vorvaL/.test(c))!;
    expect(own.split('\n')[1]).toBe('Sergey Lavrov'); // the line after the name, in the same cell
  });

  it('without isolation, the same RLO would reverse the names after it (the check above can fail)', () => {
    const style = theme.styles.cell;
    const raw = layoutInlines(createContext(), [{ text: `سيرغي \u202Eلافروف Sergey، Yuri Ushakov`, bold: false }], style, 300);
    expect(visual(raw.lines)).not.toContain('Yuri Ushakov');
    const isolated = layoutInlines(createContext(), [{ text: `${isolate('سيرغي \u202Eلافروف Sergey')}، Yuri Ushakov`, bold: false }], style, 300);
    expect(visual(isolated.lines)).toContain('Yuri Ushakov');
  });

  it('in the PDF, the rows after the name read as without it', async () => {
    const { pdf } = expectSuccess(roster(CONTROLS.RLO));
    const lines = (await pdfText(pdf)).flat();
    for (const after of [
      'وزير الخارجية (Foreign Minister)',
      'Sergey Lavrov',
      'Yuri Ushakov',
      'مساعد الرئيس Aide',
      'أنطون سيلوانوف',
      'Anton Siluanov',
      'وزير المالية 2024',
    ]) {
      expect(reads(lines, after), after).toBe(true);
    }
  });
});
