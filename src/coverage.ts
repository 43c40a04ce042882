// Whether the fonts can draw a text: the one check for data values, the templates' own text and
// specimen lines, with the one wording for what it finds. A brief is checked in one pass over its
// data and its document tree, and everything found is reported together.
import type { Brief } from './data/brief.js';
import { textValues } from './data/load.js';
import { InputError, problemList } from './errors.js';
import { blockTexts } from './markup/kinds.js';
import type { DocumentTree, Inline } from './markup/tree.js';
import { codePointLabel } from './errors.js';
import type { Coverage } from './text/coverage.js';
import type { Weight } from './text/fonts.js';

export interface Uncovered {
  codePoint: number;
  offset: number;
}

/** Drawn in place of a character no font has, with `missingGlyphs: 'replace'`. */
export const PLACEHOLDER = '?';

/**
 * The first character the fonts cannot draw in `weight`; with no weight, in regular or bold,
 * since data and template text may be set in either (headings and table heads are bold).
 */
export function firstUncovered(text: string, coverage: Coverage, weight?: Weight): Uncovered | null {
  return weight ? coverage.findUncovered(text, weight) : coverage.findUncoveredInAnyWeight(text);
}

/** "where: character U+1F600 at position 6 cannot be drawn by any font" (positions count from 1). */
export const uncoveredMessage = (where: string, found: Uncovered): string =>
  `${where}: character ${codePointLabel(found.codePoint)} at position ${found.offset + 1} cannot be drawn by any font`;

/** For text the template wrote itself, where a position in the rendered element would mean nothing to its author. */
const templateMessage = (where: string, found: Uncovered): string =>
  `${where}: the template's text has the character ${codePointLabel(found.codePoint)}, which no font can draw`;

export interface CoverageOptions {
  /** 'error' (default) stops with every problem; 'replace' draws PLACEHOLDER and warns. */
  missingGlyphs?: 'error' | 'replace';
  onWarning?: (message: string) => void;
}

/** The check over one brief: `data` before the template runs, `template` on its tree, then `report`. */
export class CoverageCheck {
  private readonly inData: string[] = [];
  private readonly inTemplate = new Set<string>();

  constructor(
    private readonly coverage: Coverage,
    private readonly source: string,
  ) {}

  /** The brief with every character no font has replaced by PLACEHOLDER (itself when there is none). */
  data(brief: Brief): Brief {
    let copy: Brief | undefined;
    for (const { path, value } of textValues(brief)) {
      const found = firstUncovered(value, this.coverage);
      if (!found) continue;
      // Character by character from the first one missing: one pass, however many there are.
      let text = value.slice(0, found.offset);
      for (const ch of value.slice(found.offset)) {
        const missing = firstUncovered(ch, this.coverage);
        if (missing) this.inData.push(uncoveredMessage(`${this.source}: ${path}`, { codePoint: missing.codePoint, offset: text.length }));
        text += missing ? PLACEHOLDER : ch;
      }
      copy ??= structuredClone(brief);
      setAtPointer(copy, path, text);
    }
    return copy ?? brief;
  }

  /**
   * Characters no font has that are left in the tree come from the templates' own text (the
   * data's were replaced): noted with the template line of the element.
   */
  template(tree: DocumentTree, file: string): void {
    const check = (inlines: readonly Inline[] | undefined, where: string): void => {
      for (const inline of inlines ?? []) {
        const found = firstUncovered(inline.text, this.coverage);
        if (found) this.inTemplate.add(templateMessage(where, found));
      }
    };
    check(tree.header, file);
    check(tree.footer, file);
    check(tree.classification?.inlines, tree.classification?.src ?? file);
    for (const block of [...tree.cover, ...tree.body, ...(tree.backPage ?? [])]) for (const texts of blockTexts(block)) check(texts, block.src);
  }

  /** Throws one InputError for everything found, or (with 'replace') warns of each replacement. */
  report(options: CoverageOptions): void {
    const replace = options.missingGlyphs === 'replace';
    const errors = [...(replace ? [] : this.inData), ...this.inTemplate];
    if (errors.length) {
      const hint = !replace && this.inData.length ? '\n(use --missing-glyphs replace to print a placeholder instead)' : '';
      throw new InputError(`${problemList(errors, this.source, 'characters no font can draw')}${hint}`);
    }
    for (const p of this.inData) options.onWarning?.(`${p}; replaced by "${PLACEHOLDER}"`);
  }
}

function setAtPointer(root: unknown, pointer: string, value: string): void {
  const keys = pointer
    .split('/')
    .slice(1)
    .map(k => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}
