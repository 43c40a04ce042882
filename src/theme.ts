// The one place that decides how a brief looks: page geometry, type sizes, colours and spacing.
// Templates pick styles by class name; the layout reads them from here and nowhere else.
import type { Weight } from './text/fonts.js';
import type { Align } from './text/paragraph.js';
import type { JustifyMode } from './text/justify.js';

export type Paper = 'a4' | 'letter';

export interface TextStyle {
  size: number;
  weight: Weight;
  color: string;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
}

const MM = 72 / 25.4;

const palette = {
  ink: '#1a1d21',
  accent: '#0f3554',
  muted: '#55606b',
  rule: '#9aa7b4',
  band: '#e6ebf0',
  bandLight: '#f3f5f7',
};

const body: TextStyle = { size: 12, weight: 'regular', color: palette.ink, lineHeight: 1.9, align: 'justify', spaceBefore: 0, spaceAfter: 8 };

// Table cells are set at 1.45: poppler reads lines more than 1.5 em apart as separate blocks,
// and a cell's second line would then come out after the next row.
const styles = {
  body,
  summary: { ...body, size: 12.5, color: palette.ink, spaceAfter: 6 },
  h1: { ...body, size: 16.5, weight: 'bold', color: palette.accent, lineHeight: 1.7, align: 'start', spaceBefore: 18, spaceAfter: 8 },
  h2: { ...body, size: 13.5, weight: 'bold', color: palette.accent, lineHeight: 1.7, align: 'start', spaceBefore: 12, spaceAfter: 4 },
  h3: { ...body, size: 12, weight: 'bold', color: palette.ink, lineHeight: 1.7, align: 'start', spaceBefore: 8, spaceAfter: 2 },
  note: { ...body, size: 9.5, color: palette.muted, lineHeight: 1.7, align: 'start', spaceBefore: 6, spaceAfter: 4 },
  'list-item': { ...body, align: 'start', spaceAfter: 4 },
  cell: { ...body, size: 11, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-head': { ...body, size: 11, weight: 'bold', color: palette.accent, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-label': { ...body, size: 11, weight: 'bold', color: palette.ink, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-group': { ...body, size: 11, weight: 'bold', color: palette.accent, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  caption: { ...body, size: 10, color: palette.muted, lineHeight: 1.6, align: 'start', spaceBefore: 0, spaceAfter: 4 },
  'cover-kicker': { ...body, size: 11.5, weight: 'regular', color: palette.accent, lineHeight: 1.6, align: 'start', spaceAfter: 10 },
  'cover-title': { ...body, size: 25, weight: 'bold', color: palette.accent, lineHeight: 1.65, align: 'start', spaceAfter: 12 },
  'cover-subtitle': { ...body, size: 14.5, color: palette.muted, lineHeight: 1.7, align: 'start', spaceAfter: 18 },
  'cover-meta': { ...body, size: 11, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'cover-meta-label': { ...body, size: 11, weight: 'bold', color: palette.muted, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'cover-classification': { ...body, size: 10.5, weight: 'bold', color: palette.accent, lineHeight: 1.6, align: 'center', spaceAfter: 0 },
  latin: { ...body, size: 9.5, color: palette.muted, lineHeight: 1.6, align: 'start', spaceAfter: 0 },
  header: { ...body, size: 9, color: palette.muted, lineHeight: 1.5, align: 'start', spaceAfter: 0 },
  footer: { ...body, size: 9, color: palette.muted, lineHeight: 1.5, align: 'center', spaceAfter: 0 },
} satisfies Record<string, TextStyle>;

export type StyleName = keyof typeof styles;

export const theme = {
  paper: {
    a4: { width: 595.28, height: 841.89 },
    letter: { width: 612, height: 792 },
  } as Record<Paper, { width: number; height: number }>,
  /** Content box margins; nothing is drawn within `bleedSafe` of the page edge. */
  margin: { top: 30 * MM, bottom: 26 * MM, side: 22 * MM },
  bleedSafe: 12 * MM,
  header: { baselineFromTop: 16 * MM, ruleGap: 4 },
  footer: { baselineFromBottom: 14 * MM },
  palette,
  styles: styles as Record<StyleName, TextStyle>,
  /** How `justify` stretches lines. */
  justify: 'kashida-spaces' as JustifyMode,
  list: { indent: 16, bullet: '•', gap: 7 },
  table: { padX: 7, padY: 4, rule: 0.6, headRule: 1.2, spaceAfter: 14 },
  keepWithNextLines: 2,
  widowLines: 2,
  cover: { bandHeight: 7 * MM, titleTop: 86 * MM },
};

export function styleFor(name: string | undefined, fallback: StyleName): TextStyle {
  return name && Object.hasOwn(theme.styles, name) ? theme.styles[name as StyleName] : theme.styles[fallback];
}
