// The font-coverage check of a brief: data values and the templates' own text in one pass,
// everything reported in one message.
import { describe, expect, it } from 'vitest';
import { CoverageCheck, PLACEHOLDER, firstUncovered } from '../../src/coverage.js';
import { InputError } from '../../src/errors.js';
import { parseMarkup } from '../../src/markup/parse.js';
import { createTextEngine } from '../../src/text/engine.js';
import { summit } from '../pdf/support.js';

const fonts = createTextEngine().coverage;
const tree = (body: string) => parseMarkup(`<document title="t"><header>رأس</header>${body}</document>`, { source: 'main.hbs' });

function failure(run: () => void): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('font coverage', () => {
  it('finds the first character neither weight can draw, or one weight when asked', () => {
    expect(firstUncovered('نص عادي', fonts)).toBeNull();
    expect(firstUncovered('نص 😀 و中', fonts)).toEqual({ codePoint: 0x1f600, offset: 3 });
    expect(firstUncovered('\u{1EE00}', fonts, 'regular')).toBeNull();
    expect(firstUncovered('\u{1EE00}', fonts)).toEqual({ codePoint: 0x1ee00, offset: 0 });
  });

  it('reports data and template problems together, once', () => {
    const brief = { ...summit(), subtitle: 'ملخص 😀' };
    const check = new CoverageCheck(fonts, 'brief.json');
    const drawable = check.data(brief);
    expect(drawable.subtitle).toBe(`ملخص ${PLACEHOLDER}`);
    expect(brief.subtitle).toBe('ملخص 😀');
    check.template(
      tree(`<p data-src="main.hbs:3">${drawable.subtitle}</p><ul data-src="main.hbs:4"><li>中</li></ul><ul data-src="main.hbs:4"><li>中</li></ul>`),
      'main.hbs',
    );
    const lines = failure(() => check.report({})).split('\n');
    expect(lines).toEqual([
      'brief.json: /subtitle: character U+1F600 at position 6 cannot be drawn by any font',
      // One line for a template line, however often the template repeats it.
      "main.hbs:4: the template's text has the character U+4E2D, which no font can draw",
      '(use --missing-glyphs replace to print a placeholder instead)',
    ]);
  });

  it("with 'replace', data problems are warnings and the template's still an error", () => {
    const warnings: string[] = [];
    const clean = new CoverageCheck(fonts, 'brief.json');
    clean.data({ ...summit(), subtitle: 'أ😀ب' });
    clean.template(tree('<p>نص</p>'), 'main.hbs');
    clean.report({ missingGlyphs: 'replace', onWarning: w => warnings.push(w) });
    expect(warnings).toEqual(['brief.json: /subtitle: character U+1F600 at position 2 cannot be drawn by any font; replaced by "?"']);

    const bad = new CoverageCheck(fonts, 'brief.json');
    bad.data({ ...summit(), subtitle: 'أ😀ب' });
    bad.template(tree('<footer>中</footer>'), 'main.hbs');
    expect(failure(() => bad.report({ missingGlyphs: 'replace', onWarning: w => warnings.push(w) }))).toBe(
      "main.hbs: the template's text has the character U+4E2D, which no font can draw",
    );
  });
});
