// --digits arab and arabext: numbers in Arabic text, from the data as well as from helpers, take
// the digits and the Arabic decimal separator, thousands separator and percent sign; references,
// URLs and e-mail addresses keep their Western form. Read back from the PDF by pdf.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/data/load.js';
import { arabicText, digitsInText, formatNumber, toDigits } from '../../src/digits.js';
import { renderValidBrief } from '../../src/index.js';
import { fixturePath } from '../helpers/corpus.js';
import { documentLines, pdfjsText } from '../helpers/fixtures.js';

describe('Arabic numbers in running text', () => {
  it('writes decimals, thousands and percent with the Arabic separators', () => {
    expect(arabicText('نمو 0.9 وتضخم 18% ومشتركون 1,250,000', 'arab')).toBe('نمو ٠٫٩ وتضخم ١٨٪ ومشتركون ١٬٢٥٠٬٠٠٠');
    expect(arabicText('نمو 0.9 وتضخم 18% ومشتركون 1,250,000', 'arabext')).toBe('نمو ۰٫۹ وتضخم ۱۸٪ ومشتركون ۱٬۲۵۰٬۰۰۰');
  });

  it('leaves a full stop or comma that is not inside a number alone', () => {
    expect(arabicText('بلغ 18. ثم 7, و1,5', 'arab')).toBe('بلغ ١٨. ثم ٧, و١,٥');
  });

  it('gives separators to digits a helper already converted', () => {
    expect(arabicText('٣.٥% و٢,٠٠٠', 'arab')).toBe('٣٫٥٪ و٢٬٠٠٠');
  });

  it('keeps references, URLs and e-mail addresses as written', () => {
    const text = 'المرجع MJZ-2025-08-015 والموقع https://example.org/a-2.5 والبريد data2025@example.org';
    expect(arabicText(text, 'arab')).toBe(text);
  });

  it('leaves text marked as another language alone, and does nothing for latn', () => {
    expect(digitsInText('arab')!('12.5%', 'en')).toBe('12.5%');
    expect(digitsInText('latn')).toBeUndefined();
  });

  it('formats helper numbers and converts between the three digit systems', () => {
    expect(formatNumber(1234567.5, 'arabext')).toBe('۱٬۲۳۴٬۵۶۷٫۵');
    expect(toDigits('۱۲ ٣٤ 56', 'latn')).toBe('۱۲ 34 56');
    expect(toDigits('12', 'arabext')).toBe('۱۲');
  });
});

describe('a brief with --digits arab and arabext', () => {
  const texts: Record<string, string> = {};
  beforeAll(async () => {
    const brief = loadBrief(fixturePath('access', 'numbers.json'));
    for (const digits of ['arab', 'arabext'] as const)
      texts[digits] = documentLines(await pdfjsText(await renderValidBrief(brief, { digits })))
        .join('\n')
        .normalize('NFC');
  });

  it('arab: data text gets Arabic-Indic digits, ٫ ٬ and ٪', () => {
    for (const n of ['٠٫٩', '١٨٪', '٣٫٧٥٪', '١٬٢٥٠٬٠٠٠', '١٢٫٥٪', '٤٬٣٠٠', '١٫٢', '٢٫٥٪']) expect(texts.arab).toContain(n);
    expect(texts.arab).not.toMatch(/[\u0660-\u0669][.,%]|[.,%][\u0660-\u0669]/u);
  });

  it('arabext: data text gets Extended Arabic-Indic digits, ٫ ٬ and ٪', () => {
    for (const n of ['۰٫۹', '۱۸٪', '۳٫۷۵٪', '۱٬۲۵۰٬۰۰۰', '۱۲٫۵٪']) expect(texts.arabext).toContain(n);
  });

  for (const digits of ['arab', 'arabext']) {
    it(`${digits}: the reference, the URL and the e-mail address keep their Western form`, () => {
      const text = texts[digits];
      expect(text).toContain('MJZ-2025-08-015');
      expect(text).toContain('https://example.org/report-2025');
      expect(text).toContain('data2025@example.org');
    });
  }
});
