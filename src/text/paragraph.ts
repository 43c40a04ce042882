// Paragraph layout, as a driver of named stages over one shared record (the Preparation):
//   itemize (levels, fonts, runs) ▸ shape (each run whole: the advances) ▸ break (line ranges)
//   ▸ place (each line's glyphs, fitted to the measure) ▸ justify (kashida, spaces) ▸ box and align.
// Lines are broken in logical order from shaped advances, and reordered visually only when placed.
import { embeddingLevels } from './bidi.js';
import { breakParagraph } from './break.js';
import type { TextEngine } from './engine.js';
import { fillSpans, itemize } from './itemize.js';
import { justifyParagraph } from './justify.js';
import { breakOpportunities } from './linebreak.js';
import { alignLine, boxLine, fitLine } from './place.js';
import type { LineLayout, ParagraphInput, ParagraphLayout, Preparation } from './records.js';
import { shapeRuns } from './shape.js';

export type { Align, LineLayout, ParagraphInput, ParagraphLayout, PlacedGlyph } from './records.js';

export function layoutParagraph(engine: TextEngine, input: ParagraphInput): ParagraphLayout {
  const direction = input.direction ?? 'rtl';
  if (!input.text.length) return { lines: [], width: input.width, height: 0, direction };
  const prep = prepare(engine, input);
  const align = input.align ?? 'start';
  const ranges = breakParagraph(prep, input.width, align === 'justify');
  const fitted: LineLayout[] = [];
  for (let i = 0; i < ranges.length; i++) fitted.push(fitLine(engine.shaper, prep, ranges, i, input.width));
  // Justified lines are stretched together: the paragraph shares its kashida among them.
  const placed = align === 'justify' ? justifyParagraph(engine.shaper, prep, fitted, ranges, input.width, input.justify ?? 'kashida-spaces') : fitted;
  const lines: LineLayout[] = [];
  let top = 0;
  for (const line of placed) {
    top = boxLine(line, top, input.style.size, input.lineHeight ?? 1.8);
    alignLine(line, align, direction, input.width);
    lines.push(line);
  }
  return { lines, width: input.width, height: top, direction };
}

/** Itemize and shape: the record every later stage reads. */
function prepare(engine: TextEngine, input: ParagraphInput): Preparation {
  const { text } = input;
  const language = input.language ?? 'ar';
  const levels = embeddingLevels(text, input.direction ?? 'rtl');
  const runs = itemize(text, levels, fillSpans(input.spans, input.style, text.length), engine.coverage);
  const opportunities = breakOpportunities(text);
  return {
    text,
    levels,
    runs,
    language,
    opportunities,
    breakable: new Set(opportunities.map(o => o.position)),
    ...shapeRuns(engine.shaper, text, runs, language),
  };
}
