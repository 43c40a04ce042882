// What the readers give back where they differ from the text written, as data: each entry is the
// exact output of one reader for one line, asserted exactly by the tests, so that a change in either
// direction (the reader or the PDF getting better or worse) is seen. Reviewed by reading each
// entry against the drawn page: the drawing is right in every case (see the page baselines).

export type Reader = 'pdf.js' | 'pdftotext';

export interface ReaderLimit {
  /** 1-based line of the specimen of tests/fixtures/corpus/shaping.txt followed by bidi.txt. */
  line: number;
  reader: Reader;
  /** What the reader gives back for the line, exactly (pdftotext: the raw line, its U+202A…U+202C wrappers included). */
  output: string;
  why: string;
}

/**
 * pdf.js 5.4 gives a harakah that ends a right-to-left word (the word's leftmost glyph, drawn at the
 * start of its TJ) as a zero-width item of its own, placed before the word: 11 harakat on 4 lines.
 * A shadda and the vowel on it are two glyphs, each with its own character, so pdf.js lists them in
 * drawing order (the vowel first), which is the canonical order of the pair.
 * pdftotext (poppler 24) writes each line inside RLE…PDF in logical order, except as listed.
 */
export const CORPUS_READER_LIMITS: readonly ReaderLimit[] = [
  {
    line: 6,
    reader: 'pdf.js',
    output: 'ِبِسْم ِ اللَّه ِالرَّحْمَٰن ِالرَّحِيم',
    why: 'a word-final harakah comes back as an item of its own before its word, glued to the neighbouring word',
  },
  {
    line: 8,
    reader: 'pdf.js',
    output: 'ُ وَزِير ِ الخَارِجِيَّة سيرغي لافروف',
    why: 'a word-final harakah comes back as an item of its own before its word, glued to the neighbouring word',
  },
  {
    line: 9,
    reader: 'pdf.js',
    output: 'ُيُمَثِّل َالجَانِب َّالرُّوسِي فِي ِ القِمَّة',
    why: 'a word-final harakah comes back as an item of its own before its word, glued to the neighbouring word',
  },
  {
    line: 32,
    reader: 'pdf.js',
    output: 'النسبة ٪٤٥ من إجمالي ١٢٠ ً مقعدا',
    why: 'a word-final harakah comes back as an item of its own before its word, glued to the neighbouring word',
  },
  {
    line: 10,
    reader: 'pdftotext',
    output: '\u202Bمساعد الرئيس يوري أوشاكوف\u202A ،\u202Cووزير المالية أنطون سيلوانوف؛ ووزير الدفاع أندريه بيلاوسوف؟\u202C',
    why: 'ARABIC COMMA (class CS) moved into an LRE block of its own, with the space after it put before it',
  },
  {
    line: 18,
    reader: 'pdftotext',
    output: '\u202Bپچژگڤڭیک\u202C',
    why: 'single-letter words joined: poppler drops the spaces between words of one letter each',
  },
  {
    line: 20,
    reader: 'pdftotext',
    output: '\u202B\u202A ٬ ٫ ٪ ٠١٢٣٤٥٦٧٨٩\u202C؛ ؟ \u202A ،\u202C۔\u202C',
    why: 'Arabic-Indic digits and the punctuation between them written as one LRE block in visual order',
  },
  {
    line: 21,
    reader: 'pdftotext',
    output: '\u202Bتُعقد القمة في \u202A 15\u202Cأغسطس \u202A2025\u202C\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 22,
    reader: 'pdftotext',
    output: '\u202Bانخفضت الصادرات بنسبة \u202A %12.5\u202Cخلال عام \u202A2024\u202C\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 23,
    reader: 'pdftotext',
    output: '\u202Bنقلت وكالة \u202A TASS\u202Cالروسية وشبكة \u202A NBC\u202Cالأمريكية التصريحات\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 24,
    reader: 'pdftotext',
    output: '\u202Bقاعدة \u202A Elmendorf-Richardson\u202Cالعسكرية في ولاية \u202AAlaska\u202C\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 25,
    reader: 'pdftotext',
    output: '\u202Bالرقم المرجعي\u202A( SR-2025/08-15 :\u202Cسري)\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 26,
    reader: 'pdftotext',
    output: '\u202Bاتصل على \u202A 67-45-123 495 7+\u202Cأو راسل \u202Apress@example.org\u202C\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 27,
    reader: 'pdftotext',
    output: '\u202Bالمبلغ\u202A 1,250,000 :\u202Cدولار (أي نحو \u202A 1.25\u202Cمليون)\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 28,
    reader: 'pdftotext',
    output: '\u202Bالفترة من \u202A 2022\u202Cإلى \u202A[ 2025\u202Cثلاث سنوات]\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 29,
    reader: 'pdftotext',
    output: '\u202Bقال المتحدث\u202A "We will see" :\u202Cثم غادر القاعة\u202A.\u202C\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 30,
    reader: 'pdftotext',
    output: '\u202Bالموقع \u202A https://example.org/briefs/alaska-2025\u202Cمتاح للجميع\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 31,
    reader: 'pdftotext',
    output: '\u202Bالمادة (\u202A )3\u202Cمن الاتفاقية {الملحق ب}\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
  {
    line: 32,
    reader: 'pdftotext',
    output: '\u202Bالنسبة \u202A ٤٥٪\u202Cمن إجمالي \u202A ١٢٠\u202Cمقعداً\u202C',
    why: 'LTR run written in visual order inside LRE…PDF, the space before it moved inside the block and the space after it lost',
  },
];

/**
 * Words of the summit brief that a reader gives back differently, as [written, read]. pdf.js: the
 * fathatan of واقعياً is the leftmost glyph of the word, returned as an item of its own before it.
 * pdftotext (white space removed): a bracket between a number or a Latin word and the Arabic text
 * around it is put on the wrong side.
 */
export const BRIEF_READER_LIMITS: Readonly<Record<Reader, readonly (readonly [written: string, read: string])[]>> = {
  'pdf.js': [['واقعياً', 'ً واقعيا']],
  pdftotext: [
    ['2025(20', '20(2025'],
    ['2025(21', '21(2025'],
    ['(TASS)', '()TASS'],
    ['(NBC)', '()NBC'],
  ],
};

/**
 * The text a reader is expected to give back for `written`: each listed misreading applied to the
 * expectation (never to the reader's output). `used` collects the entries that applied, so a
 * test can check that every entry is still needed.
 */
export function asRead(written: string, reader: Reader, used?: Set<string>): string {
  let out = written;
  for (const [w, read] of BRIEF_READER_LIMITS[reader]) {
    if (out.includes(w)) {
      used?.add(w);
      out = out.split(w).join(read);
    }
  }
  return out;
}
