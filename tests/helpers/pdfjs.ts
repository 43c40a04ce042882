// The one pdf.js reader of the suites: the text items of each page in content order, grouped by
// marked-content sequence (a structure element's content on one page, or an artifact) and joined
// into lines. Nothing is moved or repaired: what pdf.js gives back is what the tests compare, and
// what it reads wrongly is listed in known-limits.ts.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextRun {
  str: string;
  x0: number;
  x1: number;
  y: number;
  em: number;
  eol: boolean;
}

/** Text of one marked-content sequence (a structure element's content on one page, or an artifact). */
export interface Fragment {
  page: number;
  /** The sequence's tag: a structure type (P, TD, …) or Artifact; '' for text outside any sequence. */
  tag: string;
  mcid?: number;
  runs: TextRun[];
  lines: string[];
  text: string;
  /** Extent of the text in page space, y up: [left, bottom, right, top] of the baselines. */
  box: [number, number, number, number];
}

export interface PdfjsPage {
  width: number;
  height: number;
  fragments: Fragment[];
  /** Every item of the page in content order, whatever sequence it is in (end-of-line markers included). */
  runs: TextRun[];
}

export interface PdfjsText {
  pages: PdfjsPage[];
}

/**
 * Gap (in em) above which two pdf.js items on a line are two words. Measured on the summit brief,
 * the gaps pdf.js leaves between items of one word are at most 0.001 em (or negative), those
 * between words at least 0.048 em: pdf.js sizes a word by the advances of its glyphs, and the
 * rightmost glyph of a word starting with kāf (كبار، كما، كل) has a /W advance reaching about
 * 2 pt into the space before it. 0.15 em, the usual rule, would glue those words together.
 */
export const WORD_GAP = 0.025;

/**
 * A new line starts where an item's baseline is this far (in em) from the previous item's: lines
 * are at least 1.2 em apart, and pdf.js places a raised harakah that it gives an item of its own
 * up to about 0.4 em above its line.
 */
const BASELINE_JUMP = 0.5;

/**
 * Lines of text from pdf.js items in drawing order. pdf.js gives one item per right-to-left word
 * and no spaces between them: items are joined with a space when the gap between them exceeds
 * WORD_GAP em, else concatenated; a new baseline (or pdf.js's end-of-line flag) starts a new line.
 */
export function joinRuns(runs: readonly TextRun[], options: { eol?: boolean } = {}): string[] {
  const eol = options.eol ?? true;
  const lines: string[] = [];
  let line = '';
  let prev: TextRun | undefined;
  for (const r of runs) {
    if (prev && ((eol && prev.eol) || Math.abs(r.y - prev.y) > BASELINE_JUMP * Math.max(prev.em, r.em))) {
      lines.push(line);
      line = '';
    } else if (prev) {
      const gap = Math.max(r.x0 - prev.x1, prev.x0 - r.x1);
      if (gap > WORD_GAP * Math.max(prev.em, r.em)) line += ' ';
    }
    line += r.str;
    prev = r;
  }
  if (line || prev) lines.push(line);
  return lines.map(l => l.replace(/\s+/g, ' ').trim()).filter(l => l !== '');
}

interface PdfjsTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}
interface PdfjsMarked {
  type: string;
  tag?: string;
  id?: string | null;
}

export async function pdfjsText(bytes: Uint8Array): Promise<PdfjsText> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: PdfjsText['pages'] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , width, height] = page.view;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const fragments: Fragment[] = [];
      const all: TextRun[] = [];
      const stack: { tag: string; mcid?: number; fragment?: Fragment }[] = [];
      let loose: Fragment | undefined;
      const newFragment = (tag: string, mcid?: number): Fragment => {
        const f: Fragment = {
          page: p - 1,
          tag,
          ...(mcid !== undefined ? { mcid } : {}),
          runs: [],
          lines: [],
          text: '',
          box: [Infinity, Infinity, -Infinity, -Infinity],
        };
        fragments.push(f);
        return f;
      };
      for (const raw of content.items as (PdfjsTextItem | PdfjsMarked)[]) {
        if ('type' in raw) {
          if (raw.type === 'beginMarkedContent' || raw.type === 'beginMarkedContentProps') {
            const mcid = raw.id ? Number(/mc(\d+)$/.exec(raw.id)?.[1]) : undefined;
            const outer = stack.length === 0;
            stack.push({ tag: raw.tag ?? '', mcid, fragment: outer ? newFragment(raw.tag ?? '', mcid) : undefined });
            loose = undefined;
          } else if (raw.type === 'endMarkedContent') {
            stack.pop();
          }
          continue;
        }
        const item = raw as PdfjsTextItem;
        const target = stack[0]?.fragment ?? (loose ??= newFragment(''));
        const t = item.transform;
        const em = Math.hypot(t[0], t[1]) || item.height;
        const run = { str: item.str, x0: t[4], x1: t[4] + item.width, y: t[5], em, eol: item.hasEOL };
        target.runs.push(run);
        all.push(run);
      }
      for (const f of fragments) {
        const runs = f.runs.filter(r => r.str !== '' || r.eol);
        f.runs = runs.filter(r => r.str !== '');
        f.lines = joinRuns(runs);
        f.text = f.lines.join(' ');
        for (const r of f.runs) {
          if (!r.str.trim()) continue;
          f.box = [Math.min(f.box[0], r.x0), Math.min(f.box[1], r.y), Math.max(f.box[2], r.x1), Math.max(f.box[3], r.y)];
        }
      }
      pages.push({ width, height, fragments: fragments.filter(f => f.runs.length > 0), runs: all.filter(r => r.str !== '' || r.eol) });
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

/** Each page's item strings joined with nothing between them (pdf.js puts no spaces between right-to-left words). */
export const pageStrings = (text: PdfjsText): string[] => text.pages.map(p => p.runs.map(r => r.str).join(''));

/**
 * The document's text lines in drawing order, page after page, marked-content sequences ignored.
 * Lines are told apart by baseline alone: pdf.js also flags an end of line after a harakah it gives
 * an item of its own (the pen jumps back to the right), which is not one.
 */
export const documentLines = (text: PdfjsText): string[] => text.pages.flatMap(p => joinRuns(p.runs, { eol: false }));

/** Each page's text lines, read as documentLines reads them. */
export const pageLines = (text: PdfjsText): string[][] => text.pages.map(p => joinRuns(p.runs, { eol: false }));

/**
 * A search for `expected` in `lines` as the reader gives them, nothing of them changed: the text of
 * `expected` exactly, except that each space of it may also be a line break (pdf.js gives a wrapped
 * paragraph back as its lines, the break where a space was). Lines are joined with "\n", which no
 * line contains.
 */
const readPattern = (expected: string): RegExp =>
  new RegExp(
    expected
      .split(' ')
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[ \\n]'),
    'gu',
  );

/** Where `expected` is first read in `lines` (joined with "\n") at or after `from`, or -1; and where it ends. */
export function findRead(lines: readonly string[], expected: string, from = 0): { at: number; end: number } {
  const re = readPattern(expected);
  re.lastIndex = from;
  const m = re.exec(lines.join('\n'));
  return m ? { at: m.index, end: m.index + m[0].length } : { at: -1, end: -1 };
}

/** Whether `expected` is read in `lines` exactly (a space of it may be a line break: see findRead). */
export const reads = (lines: readonly string[], expected: string): boolean => findRead(lines, expected).at >= 0;

/** How many times `expected` is read in `lines`, not overlapping (a space of it may be a line break: see findRead). */
export const countRead = (lines: readonly string[], expected: string): number => lines.join('\n').match(readPattern(expected))?.length ?? 0;
