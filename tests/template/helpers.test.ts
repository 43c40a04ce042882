// Template helpers: expectations checked by hand (month names of Egypt and the Arab East,
// Umm al-Qura dates against known Saudi calendar dates, Arabic separators U+066B and U+066C).
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { helpers } from '../../src/template/helper-registry.js';
import { formatDate, formatHijri, formatNumber, toDigits } from '../../src/template/helpers.js';

describe('formatDate', () => {
  it('writes day, month name and year, in Latin or Arabic-Indic digits', () => {
    expect(formatDate('2025-08-15', 'latn')).toBe('15 أغسطس 2025');
    expect(formatDate('2025-08-15', 'arab')).toBe('١٥ أغسطس ٢٠٢٥');
    expect(formatDate('2025-08-14', 'arab')).toBe('١٤ أغسطس ٢٠٢٥');
  });

  it('uses the Gregorian month names of Egypt and the Arab East', () => {
    const names = 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' ');
    names.forEach((name, i) => expect(formatDate(`2025-${String(i + 1).padStart(2, '0')}-01`, 'latn')).toBe(`1 ${name} 2025`));
  });

  it('reads the date as a calendar date: no day lost or gained in any time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Riyadh', 'America/Anchorage']) {
        process.env.TZ = tz;
        expect(formatDate('2025-08-15', 'latn'), tz).toBe('15 أغسطس 2025');
        expect(formatDate('2025-01-01', 'latn'), tz).toBe('1 يناير 2025');
        expect(formatHijri('2025-08-15', 'latn'), tz).toBe('21 صفر 1447 هـ');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('knows leap days and refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(formatDate('2024-02-29', 'latn')).toBe('29 فبراير 2024');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '15/08/2025', '2025-8-15', '2025-08-15T00:00:00Z', '']) {
      expect(() => formatDate(bad, 'latn'), bad).toThrow(InputError);
    }
  });
});

describe('formatHijri', () => {
  it('gives the Umm al-Qura date of 2025-08-15: 21 Safar 1447 AH', () => {
    // 1 Muharram 1447 fell on 2025-06-26; Muharram 1447 has 30 days in Umm al-Qura, so 1 Safar is
    // 2025-07-26, and 2025-08-15 is 20 days later: 21 Safar.
    expect(formatHijri('2025-06-26', 'latn')).toBe('1 محرم 1447 هـ');
    expect(formatHijri('2025-07-25', 'latn')).toBe('30 محرم 1447 هـ');
    expect(formatHijri('2025-07-26', 'latn')).toBe('1 صفر 1447 هـ');
    expect(formatHijri('2025-08-15', 'latn')).toBe('21 صفر 1447 هـ');
    expect(formatHijri('2025-08-15', 'arab')).toBe('٢١ صفر ١٤٤٧ هـ');
  });

  it('agrees with well-known dates: Ramadan and Eid al-Fitr 1446, Eid al-Adha 1445', () => {
    expect(formatHijri('2025-03-01', 'latn')).toBe('1 رمضان 1446 هـ');
    expect(formatHijri('2025-03-30', 'latn')).toBe('1 شوال 1446 هـ');
    expect(formatHijri('2024-06-16', 'arab')).toBe('١٠ ذو الحجة ١٤٤٥ هـ');
  });
});

describe('toDigits', () => {
  it('converts ASCII digits to Arabic-Indic ones and back, nothing else', () => {
    expect(toDigits('MJZ-2025-08-015', 'arab')).toBe('MJZ-٢٠٢٥-٠٨-٠١٥');
    expect(toDigits('في ١٥ أغسطس', 'latn')).toBe('في 15 أغسطس');
    expect(toDigits('0123456789', 'arab')).toBe('\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669');
    expect(toDigits('۱۲۳ ١٢٣ 123', 'latn')).toBe('۱۲۳ 123 123'); // Persian digits (U+06F0–U+06F9) are left alone
    expect(toDigits('۱۲۳ ١٢٣ 123', 'arab')).toBe('۱۲۳ ١٢٣ ١٢٣');
  });

  it('round-trips any text without Arabic-Indic digits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter(s => !/[\u0660-\u0669]/.test(s)),
        s => {
          const arab = toDigits(s, 'arab');
          expect(arab).not.toMatch(/[0-9]/);
          expect(arab.length).toBe(s.length);
          expect(toDigits(arab, 'latn')).toBe(s);
        },
      ),
    );
  });
});

describe('formatNumber', () => {
  it('groups thousands with "," and "." in Latin digits, with ٬ and ٫ in Arabic-Indic ones', () => {
    expect(formatNumber(1234567.5, 'latn')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'arab')).toBe('١٬٢٣٤٬٥٦٧٫٥');
    expect(formatNumber(1000, 'arab')).toBe('١\u066C٠٠٠');
    expect(formatNumber(999, 'arab')).toBe('٩٩٩');
    expect(formatNumber(0, 'arab')).toBe('٠');
    expect(formatNumber(0.25, 'arab')).toBe('٠\u066B٢٥');
    expect(formatNumber(-2500.25, 'latn')).toBe('-2,500.25');
    expect(formatNumber(-2500.25, 'arab')).toBe('-٢٬٥٠٠٫٢٥');
    expect(formatNumber(0.1, 'latn')).toBe('0.1');
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatNumber(NaN, 'latn')).toThrow(InputError);
    expect(() => formatNumber(Infinity, 'arab')).toThrow(InputError);
  });
});

describe('Handlebars helpers', () => {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);

  const data = {
    summit: { date: '2025-08-15' },
    reference: 'MJZ-2025-08-015',
    keyPoints: ['أولى', 'ثانية', 'ثالثة'],
    keywords: ['قمة ألاسكا', 'العقوبات'],
  };
  const render = (template: string, context: object = data): string => hbs.compile(template, { strict: false })(context);
  const arab = { ...data, __digits: 'arab' };

  it('are the six formatting helpers and those of the brief model', () => {
    expect(Object.keys(helpers).sort()).toEqual(['any', 'cell', 'date', 'digits', 'fact', 'hijri', 'inc', 'is', 'join', 'number', 'span', 'term', 'widths']);
  });

  it('follow the document digits in __digits, Latin by default, with an explicit override', () => {
    expect(render('{{date summit.date}}')).toBe('15 أغسطس 2025');
    expect(render('{{date summit.date}}', arab)).toBe('١٥ أغسطس ٢٠٢٥');
    expect(render('{{date summit.date "latn"}}', arab)).toBe('15 أغسطس 2025');
    expect(render('{{hijri summit.date}}', arab)).toBe('٢١ صفر ١٤٤٧ هـ');
    expect(render('{{digits reference}}', arab)).toBe('MJZ-٢٠٢٥-٠٨-٠١٥');
    expect(render('{{number 1234.5}}', arab)).toBe('١٬٢٣٤٫٥');
    expect(render('{{number 1234.5}}')).toBe('1,234.5');
  });

  it('write a fact with its unit: after a space, but a percent or per-mille sign against the number', () => {
    expect(render('{{fact 2.2 "مليون برميل"}}')).toBe('2.2 مليون برميل');
    expect(render('{{fact 71.5 "%"}}')).toBe('71.5%');
    expect(render('{{fact 71.5 "٪"}}', arab)).toBe('٧١٫٥٪');
    expect(render('{{fact 3 "‰"}}')).toBe('3‰');
    expect(render('{{fact 1240}}')).toBe('1,240');
  });

  it('number items inside #each, where the root is still the document', () => {
    expect(render('{{#each keyPoints}}{{inc @index}}. {{this}};{{/each}}', arab)).toBe('١. أولى;٢. ثانية;٣. ثالثة;');
    expect(render('{{#each keyPoints}}{{inc @index}}{{/each}}')).toBe('123');
    expect(render('{{number (inc 1233)}}', arab)).toBe('١٬٢٣٤');
  });

  it('join lists with the Arabic comma by default', () => {
    expect(render('{{join keywords}}')).toBe('قمة ألاسكا، العقوبات');
    expect(render('{{join keywords " | "}}')).toBe('قمة ألاسكا | العقوبات');
    expect(render('{{join missing}}')).toBe('');
  });

  it('return plain strings, which Handlebars escapes', () => {
    for (const [name, fn] of Object.entries(helpers)) {
      const args: Record<string, unknown[]> = {
        join: [['a']],
        date: ['2025-08-15'],
        hijri: ['2025-08-15'],
        term: ['summary'],
        is: ['a', 'a'],
        widths: [[{ width: 1 }]],
      };
      expect(typeof fn(...(args[name] ?? ['1']), { name, hash: {}, data: { root: {} } }), name).toBe('string');
    }
    expect(render('{{join items}}', { items: ['<b>', '&'] })).toBe('&lt;b&gt;، &amp;');
  });

  it('fail with an InputError naming the helper', () => {
    const cases: [string, object, RegExp][] = [
      ['{{date reference}}', data, /^date: not a calendar date written YYYY-MM-DD: "MJZ-2025-08-015"$/],
      ['{{date}}', data, /^date: expected a date and optionally "latn" or "arab", got 0 arguments$/],
      ['{{date summit.date "roman"}}', data, /^date: digits must be "latn", "arab" or "arabext", not "roman"$/],
      ['{{number reference}}', data, /^number: expected a number, got "MJZ-2025-08-015"$/],
      ['{{join reference}}', data, /^join: expected a list, got "MJZ-2025-08-015"$/],
      ['{{inc}}', data, /^inc: expected an index/],
      ['{{digits reference}}', { ...data, __digits: 'hindi' }, /^digits: digits must be "latn", "arab" or "arabext", not "hindi"$/],
    ];
    for (const [template, context, message] of cases) {
      let caught: unknown;
      try {
        render(template, context);
      } catch (e) {
        caught = e;
      }
      expect(caught, template).toBeInstanceOf(InputError);
      expect((caught as Error).message, template).toMatch(message);
    }
  });
});
