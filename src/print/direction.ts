// Which way a document reads, from its language: it decides the PDF's /Direction, the side of
// the binding margin and the order of a booklet's pages.
export type Direction = 'rtl' | 'ltr';

/** Scripts written right to left, for a runtime whose Intl.Locale has no text info. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

interface TextInfoLocale extends Intl.Locale {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
}

/** The direction of BCP 47 language `lang`; `dir` (an explicit "rtl" or "ltr") wins. */
export function directionOf(lang: string, dir?: string): Direction {
  if (dir === 'rtl' || dir === 'ltr') return dir;
  let locale: TextInfoLocale;
  try {
    locale = new Intl.Locale(lang) as TextInfoLocale;
  } catch {
    return 'rtl'; // not a language tag: mowjaz writes Arabic
  }
  // Node 20 has the `textInfo` getter; later versions replace it with getTextInfo().
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  const script = locale.maximize().script;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
