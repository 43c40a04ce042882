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
 * Words of the access fixtures (tests/fixtures/access) that pdf.js does not give back whole, set
 * ragged and justified alike: each ends in a harakah, which pdf.js gives as an item of its own
 * before the word (see CORPUS_READER_LIMITS), so the word comes back without it. poppler gives
 * every word back whole.
 */
export const ACCESS_WORDS_NOT_WHOLE: Readonly<Record<Reader, { ligatures: readonly string[]; unseen: readonly string[] }>> = {
  'pdf.js': {
    ligatures: ['كُلُّ', 'عَلَّمَ', 'إِنَّ', 'مَقْعَداً', 'لَكِنَّ', 'بِالْكِتَابِ', 'هُجِّرَ', 'السَّلَامُ', 'عَلَيْكُمْ'],
    unseen: ['تراعَ', 'عاماً', 'بحثاً', 'قروضاً', 'محدوداً', 'إلهاماً', 'بعيداً', 'دوراً'],
  },
  pdftotext: { ligatures: [], unseen: [] },
};

/**
 * Words of the summit brief that pdf.js gives back differently, as [written, read]: the fathatan of
 * واقعياً is the leftmost glyph of the word, returned as an item of its own before it.
 */
export const BRIEF_READER_LIMITS: Readonly<Record<'pdf.js', readonly (readonly [written: string, read: string])[]>> = {
  'pdf.js': [['واقعياً', 'ً واقعيا']],
};

const PUNCT = 'ARABIC COMMA, full stop or colon (weak or neutral) written in an LRE block of its own, the space after it put before it';
const DIGITS =
  'numbers and the punctuation and brackets next to them written in visual order inside LRE…PDF, the space before each block moved inside it and the space after it lost';
const LTR = "a left-to-right line written inside LRE…PDF within the right-to-left line's RLE…PDF";
const MARKER = 'list marker and item drawn on one baseline, read as one line, the marker first';
const NUMBER = 'list number and item drawn on one baseline, read as one line; the number written in visual order inside LRE…PDF';
const BRACKET = 'list marker and item read as one line; the bracket between Arabic text and a Latin word put inside the LRE block, on the wrong side';

/**
 * pdftotext (poppler 24) on the summit brief: the lines it writes otherwise than as a laid-out line's
 * logical text inside RLE…PDF. `written` is the laid-out line (or the lines drawn on one baseline)
 * it stands for, `output` the line exactly as pdftotext writes it. Reviewed against the drawn pages
 * (the drawing is right in each case: see the page baselines) and against the corpus limits above,
 * which show the same behaviours on single lines.
 */
export const BRIEF_POPPLER_LINES: readonly { page: number; written: readonly string[]; output: string; why: string }[] = [
  {
    page: 1,
    written: ['قمة أمريكا وروسيا في ألاسكا: خفض العقوبات وعودة النشاط الدبلوماسي بين واشنطن وموسكو'],
    output: '\u202Bقمة أمريكا وروسيا في ألاسكا\u202A :\u202Cخفض العقوبات وعودة النشاط الدبلوماسي بين واشنطن وموسكو\u202C',
    why: PUNCT,
  },
  {
    page: 1,
    written: ['14 أغسطس 2025 (20 صفر 1447 هـ)'],
    output: '\u202B\u202A 14\u202Cأغسطس \u202A 20( 2025\u202Cصفر \u202A 1447\u202Cهـ)\u202C',
    why: DIGITS,
  },
  { page: 1, written: ['MJZ-2025-08-015'], output: '\u202B\u202AMJZ-2025-08-015\u202C\u202C', why: LTR },
  {
    page: 2,
    written: ['مساره الطبيعي، حيث يعد ملف العقوبات من القضايا الرئيسية التي ستُناقش خلال اللقاء المرتقب بين الطرفين.'],
    output: '\u202Bمساره الطبيعي\u202A ،\u202Cحيث يعد ملف العقوبات من القضايا الرئيسية التي ستُناقش خلال اللقاء المرتقب بين الطرفين\u202A.\u202C\u202C',
    why: PUNCT,
  },
  {
    page: 2,
    written: ['تأتي هذه القمة في ظل أجواء إيجابية، مع توقعات بخطوات مهمة لاستعادة العلاقات الدبلوماسية بين البلدين بعد'],
    output: '\u202Bتأتي هذه القمة في ظل أجواء إيجابية\u202A ،\u202Cمع توقعات بخطوات مهمة لاستعادة العلاقات الدبلوماسية بين البلدين بعد\u202C',
    why: PUNCT,
  },
  { page: 2, written: ['فترة توتر.'], output: '\u202Bفترة توتر\u202A.\u202C\u202C', why: PUNCT },
  {
    page: 2,
    written: ['15 أغسطس 2025 (21 صفر 1447 هـ)'],
    output: '\u202B\u202A 15\u202Cأغسطس \u202A 21( 2025\u202Cصفر \u202A 1447\u202Cهـ)\u202C',
    why: DIGITS,
  },
  { page: 2, written: ['قاعدة إلمندورف – ريتشاردسون، ألاسكا'], output: '\u202Bقاعدة إلمندورف – ريتشاردسون\u202A ،\u202Cألاسكا\u202C', why: PUNCT },
  {
    page: 2,
    written: ['خفض العقوبات، استعادة النشاط الدبلوماسي، تسوية الأزمة الأوكرانية'],
    output: '\u202Bخفض العقوبات\u202A ،\u202Cاستعادة النشاط الدبلوماسي\u202A ،\u202Cتسوية الأزمة الأوكرانية\u202C',
    why: PUNCT,
  },
  {
    page: 2,
    written: ['•', 'مناقشة ملف العقوبات وتداعياتها الاقتصادية والسياسية'],
    output: '\u202B• مناقشة ملف العقوبات وتداعياتها الاقتصادية والسياسية\u202C',
    why: MARKER,
  },
  {
    page: 2,
    written: ['•', 'تمهيد الطريق لاستعادة العمل الدبلوماسي المعتاد'],
    output: '\u202B• تمهيد الطريق لاستعادة العمل الدبلوماسي المعتاد\u202C',
    why: MARKER,
  },
  {
    page: 2,
    written: ['•', 'بحث سبل تسوية الأزمة الأوكرانية بمراحل متعددة'],
    output: '\u202B• بحث سبل تسوية الأزمة الأوكرانية بمراحل متعددة\u202C',
    why: MARKER,
  },
  {
    page: 2,
    written: ['•', 'اجتماعات ثنائية وجلسات رسمية بمشاركة كبار المسؤولين'],
    output: '\u202B• اجتماعات ثنائية وجلسات رسمية بمشاركة كبار المسؤولين\u202C',
    why: MARKER,
  },
  { page: 2, written: ['•', 'تصريحات ومؤتمر صحفي مشترك للرؤساء عقب القمة'], output: '\u202B• تصريحات ومؤتمر صحفي مشترك للرؤساء عقب القمة\u202C', why: MARKER },
  {
    page: 2,
    written: ['1.', 'لقاء على انفراد بين الرئيسين فلاديمير بوتين ودونالد ترامب'],
    output: '\u202B\u202A .1\u202Cلقاء على انفراد بين الرئيسين فلاديمير بوتين ودونالد ترامب\u202C',
    why: NUMBER,
  },
  { page: 2, written: ['2.', 'مباحثات بحضور وفدي البلدين'], output: '\u202B\u202A .2\u202Cمباحثات بحضور وفدي البلدين\u202C', why: NUMBER },
  { page: 2, written: ['3.', 'تصريحات مقتضبة من الرئيسين'], output: '\u202B\u202A .3\u202Cتصريحات مقتضبة من الرئيسين\u202C', why: NUMBER },
  { page: 2, written: ['4.', 'مؤتمر صحفي مشترك يعكس نتائج القمة'], output: '\u202B\u202A .4\u202Cمؤتمر صحفي مشترك يعكس نتائج القمة\u202C', why: NUMBER },
  { page: 2, written: ['صفحة 2 من 4'], output: '\u202Bصفحة \u202A 2\u202Cمن \u202A4\u202C\u202C', why: DIGITS },
  { page: 3, written: ['Vladimir Putin'], output: '\u202B\u202AVladimir Putin\u202C\u202C', why: LTR },
  { page: 3, written: ['Sergey Lavrov'], output: '\u202B\u202ASergey Lavrov\u202C\u202C', why: LTR },
  { page: 3, written: ['Andrey Belousov'], output: '\u202B\u202AAndrey Belousov\u202C\u202C', why: LTR },
  { page: 3, written: ['Anton Siluanov'], output: '\u202B\u202AAnton Siluanov\u202C\u202C', why: LTR },
  { page: 3, written: ['Kirill Dmitriev'], output: '\u202B\u202AKirill Dmitriev\u202C\u202C', why: LTR },
  { page: 3, written: ['Yuri Ushakov'], output: '\u202B\u202AYuri Ushakov\u202C\u202C', why: LTR },
  { page: 3, written: ['Donald Trump'], output: '\u202B\u202ADonald Trump\u202C\u202C', why: LTR },
  {
    page: 3,
    written: ['السلبية، وفق ما نقلته وكالة “تاس” الروسية عن مصدر مطلع. الملف يعتبر جوهريًا في المباحثات التي تجمع واشنطن'],
    output: '\u202Bالسلبية\u202A ،\u202Cوفق ما نقلته وكالة “تاس” الروسية عن مصدر مطلع\u202A .\u202Cالملف يعتبر جوهريًا في المباحثات التي تجمع واشنطن\u202C',
    why: PUNCT,
  },
  {
    page: 3,
    written: ['وموسكو، ويهدف الطرفان من خلاله إلى تخفيف القيود الاقتصادية التي أثرت على العلاقات الثنائية. تنعقد هذه القمة في'],
    output:
      '\u202Bوموسكو\u202A ،\u202Cويهدف الطرفان من خلاله إلى تخفيف القيود الاقتصادية التي أثرت على العلاقات الثنائية\u202A .\u202Cتنعقد هذه القمة في\u202C',
    why: PUNCT,
  },
  {
    page: 3,
    written: ['وقت يشهد تزايدًا في الاتجاهات الدبلوماسية الإيجابية بين الطرفين، مع رغبة واضحة في معالجة الخلافات العالقة، وهو ما'],
    output:
      '\u202Bوقت يشهد تزايدًا في الاتجاهات الدبلوماسية الإيجابية بين الطرفين\u202A ،\u202Cمع رغبة واضحة في معالجة الخلافات العالقة\u202A ،\u202Cوهو ما\u202C',
    why: PUNCT,
  },
  {
    page: 3,
    written: ['سينعكس إيجابيًا على عودة النشاط الدبلوماسي.'],
    output: '\u202Bسينعكس إيجابيًا على عودة النشاط الدبلوماسي\u202A.\u202C\u202C',
    why: PUNCT,
  },
  { page: 3, written: ['صفحة 3 من 4'], output: '\u202Bصفحة \u202A 3\u202Cمن \u202A4\u202C\u202C', why: DIGITS },
  {
    page: 4,
    written: ['من أبرز أهداف قمة أمريكا وروسيا في ألاسكا هو تمهيد الطريق لاستعادة البعثات الدبلوماسية نشاطها المعتاد، والعودة إلى'],
    output: '\u202Bمن أبرز أهداف قمة أمريكا وروسيا في ألاسكا هو تمهيد الطريق لاستعادة البعثات الدبلوماسية نشاطها المعتاد\u202A ،\u202Cوالعودة إلى\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['مسار العلاقات الطبيعية بين واشنطن وموسكو. يكشف المصدر الروسي عن وجود “مزاج إيجابي” يعم جلسات المباحثات،'],
    output: '\u202Bمسار العلاقات الطبيعية بين واشنطن وموسكو\u202A .\u202Cيكشف المصدر الروسي عن وجود “مزاج إيجابي” يعم جلسات المباحثات\u202A،\u202C\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['مما يدعم احتمالية حدوث تطور ملموس في التواصل الدبلوماسي. هذه القمة ستعطي كلا الطرفين فرصة لتجاوز العقبات'],
    output: '\u202Bمما يدعم احتمالية حدوث تطور ملموس في التواصل الدبلوماسي\u202A .\u202Cهذه القمة ستعطي كلا الطرفين فرصة لتجاوز العقبات\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['السابقة، خاصة في ظل تعقيدات الأزمة الأوكرانية، التي يتبنى الرئيس الأمريكي موقفًا واقعياً تجاهها، مشيرًا إلى ضرورة'],
    output:
      '\u202Bالسابقة\u202A ،\u202Cخاصة في ظل تعقيدات الأزمة الأوكرانية\u202A ،\u202Cالتي يتبنى الرئيس الأمريكي موقفًا واقعياً تجاهها\u202A ،\u202Cمشيرًا إلى ضرورة\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['اعتماد خطة متعددة المراحل لحلها، وفقًا لتصريحات نقلتها شبكة “إن بي سي”.'],
    output: '\u202Bاعتماد خطة متعددة المراحل لحلها\u202A ،\u202Cوفقًا لتصريحات نقلتها شبكة “إن بي سي”\u202A.\u202C\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['تُعقد قمة أمريكا وروسيا في ألاسكا في 15 أغسطس بقاعدة “إلمندورف – ريتشاردسون” العسكرية، حيث يلتقي الرئيسان'],
    output: '\u202Bتُعقد قمة أمريكا وروسيا في ألاسكا في \u202A 15\u202Cأغسطس بقاعدة “إلمندورف – ريتشاردسون” العسكرية\u202A ،\u202Cحيث يلتقي الرئيسان\u202C',
    why: DIGITS,
  },
  {
    page: 4,
    written: ['فلاديمير بوتين ودونالد ترامب أولًا على انفراد، ثم يتابعان المباحثات بحضور وفدي البلدين. يمثل الجانب الروسي في القمة كل'],
    output:
      '\u202Bفلاديمير بوتين ودونالد ترامب أولًا على انفراد\u202A ،\u202Cثم يتابعان المباحثات بحضور وفدي البلدين\u202A .\u202Cيمثل الجانب الروسي في القمة كل\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['من وزير الخارجية سيرغي لافروف، ووزير الدفاع أندريه بيلاوسوف، ووزير المالية أنطون سيلوانوف، إلى جانب رئيس'],
    output:
      '\u202Bمن وزير الخارجية سيرغي لافروف\u202A ،\u202Cووزير الدفاع أندريه بيلاوسوف\u202A ،\u202Cووزير المالية أنطون سيلوانوف\u202A ،\u202Cإلى جانب رئيس\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['صندوق الاستثمارات المباشرة الروسي والمبعوث الخاص للتعاون الاستثماري والاقتصادي الدولي كيريل ديميترييف،'],
    output: '\u202Bصندوق الاستثمارات المباشرة الروسي والمبعوث الخاص للتعاون الاستثماري والاقتصادي الدولي كيريل ديميترييف\u202A،\u202C\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['بالإضافة إلى مساعد الرئيس يوري أوشاكوف. سينطلق اللقاء بتصريحات مقتضبة من الرئيسين، على أن يعقدا مؤتمرًا صحفيًا'],
    output: '\u202Bبالإضافة إلى مساعد الرئيس يوري أوشاكوف\u202A .\u202Cسينطلق اللقاء بتصريحات مقتضبة من الرئيسين\u202A ،\u202Cعلى أن يعقدا مؤتمرًا صحفيًا\u202C',
    why: PUNCT,
  },
  { page: 4, written: ['الدبلوماسي بين واشنطن وموسكو.'], output: '\u202Bالدبلوماسي بين واشنطن وموسكو\u202A.\u202C\u202C', why: PUNCT },
  { page: 4, written: ['•', 'وكالة تاس (TASS)'], output: '\u202B• وكالة تاس (\u202A)TASS\u202C\u202C', why: BRACKET },
  { page: 4, written: ['•', 'شبكة إن بي سي (NBC)'], output: '\u202B• شبكة إن بي سي (\u202A)NBC\u202C\u202C', why: BRACKET },
  {
    page: 4,
    written: ['ملاحظة المصدر: المحتوى مأخوذ حصرًا من مقال إخباري عربي عن قمة أمريكا وروسيا في ألاسكا، نقل فيه عن وكالة تاس الروسية عن مصدر مطلع وعن'],
    output:
      '\u202Bملاحظة المصدر\u202A :\u202Cالمحتوى مأخوذ حصرًا من مقال إخباري عربي عن قمة أمريكا وروسيا في ألاسكا\u202A ،\u202Cنقل فيه عن وكالة تاس الروسية عن مصدر مطلع وعن\u202C',
    why: PUNCT,
  },
  {
    page: 4,
    written: ['شبكة إن بي سي، ولم يُضف إليه شيء من خارجه. المقال يذكر يوم القمة وشهرها (15 أغسطس) دون السنة، والأسماء بالحروف اللاتينية نقحرة للتوثيق. أما'],
    output:
      '\u202Bشبكة إن بي سي\u202A ،\u202Cولم يُضف إليه شيء من خارجه\u202A .\u202Cالمقال يذكر يوم القمة وشهرها (\u202A 15\u202Cأغسطس) دون السنة\u202A ،\u202Cوالأسماء بالحروف اللاتينية نقحرة للتوثيق\u202A .\u202Cأما\u202C',
    why: DIGITS,
  },
  {
    page: 4,
    written: ['الجهة المصدرة والرقم المرجعي ودرجة التصنيف وتاريخ الإصدار فهي بيانات خاصة بهذا الموجز وليست معلومات عن القمة.'],
    output: '\u202Bالجهة المصدرة والرقم المرجعي ودرجة التصنيف وتاريخ الإصدار فهي بيانات خاصة بهذا الموجز وليست معلومات عن القمة\u202A.\u202C\u202C',
    why: PUNCT,
  },
  { page: 4, written: ['صفحة 4 من 4'], output: '\u202Bصفحة \u202A 4\u202Cمن \u202A4\u202C\u202C', why: DIGITS },
];

/**
 * The text a reader is expected to give back for `written`: each listed misreading applied to the
 * expectation (never to the reader's output). `used` collects the entries that applied, so a
 * test can check that every entry is still needed.
 */
export function asRead(written: string, reader: 'pdf.js', used?: Set<string>): string {
  let out = written;
  for (const [w, read] of BRIEF_READER_LIMITS[reader]) {
    if (out.includes(w)) {
      used?.add(w);
      out = out.split(w).join(read);
    }
  }
  return out;
}
