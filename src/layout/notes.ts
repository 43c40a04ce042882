// Notes: each marker is its own piece of the line it sits on (tagged Reference > Link, linked to
// its note), and each note is set in the note area at the foot of the page its marker lands on,
// whose height the page's text area loses, or after the body when the theme says so. Notes and
// markers link both ways through named destinations.
import type { EngineContext } from '../context.js';
import { formatCounter, type Digits } from '../digits.js';
import type { Note } from '../markup/tree.js';
import type { LineLayout, ParagraphLayout } from '../text/paragraph.js';
import type { Page, StructNode } from './page.js';
import { struct } from './page.js';
import { markersOn } from './note-markers.js';
import { layoutInlines } from './text.js';

/** The glyphs of `line` whose clusters are in [start, end), as a line with the same box; null when none. */
function slice(line: LineLayout, start: number, end: number): LineLayout | null {
  const glyphs = line.glyphs.filter(g => g.cluster >= start && g.cluster < end);
  return glyphs.length ? { ...line, glyphs } : null;
}

/** Horizontal extent of a line's glyphs. */
function extent(line: LineLayout): { x0: number; x1: number } {
  return { x0: Math.min(...line.glyphs.map(g => g.x)), x1: Math.max(...line.glyphs.map(g => g.x + g.advance)) };
}

export const noteDestination = (n: number): string => `note-${n}`;
export const markerDestination = (n: number): string => `note-ref-${n}`;

interface PreparedNote {
  note: Note;
  layout: ParagraphLayout;
  labelEnd: number;
  label: string;
}
interface Placed {
  prepared: PreparedNote;
  parent: StructNode;
}

export class NoteArea {
  private readonly prepared = new Map<Note, PreparedNote>();
  private readonly onPage = new Map<Page, Placed[]>();
  private readonly atEnd: Placed[] = [];
  private readonly gap: number;
  readonly placement: 'foot' | 'end';

  constructor(
    private readonly context: EngineContext,
    notes: readonly Note[],
    private readonly width: number,
    digits: Digits,
  ) {
    const { theme } = context;
    this.gap = theme.notes.separatorGap;
    this.placement = theme.notes.placement;
    for (const note of notes) {
      const label = formatCounter(note.number, digits);
      const inlines = [{ text: `${label}${theme.notes.labelSuffix}`, bold: true }, ...note.inlines];
      const layout = layoutInlines(context, inlines, theme.styles.footnote, width);
      this.prepared.set(note, { note, layout, labelEnd: label.length + theme.notes.labelSuffix.length, label });
    }
  }

  /** Height the page's text area loses at its foot. */
  reserved(page: Page): number {
    const placed = this.onPage.get(page);
    return placed?.length ? this.gap + placed.reduce((h, p) => h + p.prepared.layout.height, 0) : 0;
  }

  /** How much more the text area would lose if `line` were placed on `page`, after lines bringing `pending` of it already. */
  extraFor(page: Page, line: LineLayout, pending: number): number {
    if (this.placement === 'end') return 0;
    const h = markersOn(line).reduce((sum, m) => sum + (this.prepared.get(m.note)?.layout.height ?? 0), 0);
    return h && !this.onPage.get(page)?.length && !pending ? h + this.gap : h;
  }

  /** Lines placed with their top-left at (x, y): each marker a tagged, linked piece of its own; its note kept for the page. */
  text(page: Page, lines: readonly LineLayout[], x: number, y: number, node?: StructNode): void {
    let plain: LineLayout[] = [];
    const flush = () => {
      if (plain.length) page.items.push({ kind: 'text', lines: plain, x, y, struct: node });
      plain = [];
    };
    for (const line of lines) {
      const markers = node ? markersOn(line) : [];
      if (!markers.length) {
        plain.push(line);
        continue;
      }
      flush();
      let at = line.start;
      for (const m of markers) {
        const before = slice(line, at, m.start);
        if (before) page.items.push({ kind: 'text', lines: [before], x, y, struct: node });
        const own = slice(line, m.start, m.end);
        if (own) {
          const link = struct('Link', struct('Reference', node));
          page.items.push({ kind: 'text', lines: [own], x, y, struct: link });
          const { x0, x1 } = extent(own);
          page.items.push({
            kind: 'link',
            x: x + x0,
            y: y + line.top,
            w: x1 - x0,
            h: line.height,
            dest: noteDestination(m.note.number),
            label: `${this.context.theme.notes.linkLabel} ${this.prepared.get(m.note)?.label ?? ''}`,
            struct: link,
          });
          page.destinations.push({ name: markerDestination(m.note.number), y: y + line.top });
        }
        const prepared = this.prepared.get(m.note);
        if (prepared) {
          const placed = { prepared, parent: node! };
          if (this.placement === 'end') this.atEnd.push(placed);
          else this.onPage.set(page, [...(this.onPage.get(page) ?? []), placed]);
        }
        at = m.end;
      }
      const after = slice(line, at, line.end);
      if (after) page.items.push({ kind: 'text', lines: [after], x, y, struct: node });
    }
    flush();
  }

  /** Sets the page's notes at the foot of its text area (`left`, `bottom`: the area's edge), under a short rule. */
  finish(page: Page, left: number, bottom: number): void {
    const placed = this.onPage.get(page);
    if (!placed?.length) return;
    let y = bottom - this.reserved(page);
    const rule = this.width * this.context.theme.notes.ruleLength;
    const ruleY = y + this.gap / 2;
    page.items.push({
      kind: 'line',
      x1: left + this.width - rule,
      y1: ruleY,
      x2: left + this.width,
      y2: ruleY,
      color: this.context.theme.palette.rule,
      width: 0.5,
    });
    y += this.gap;
    for (const p of placed) y = this.draw(page, p, left, y);
  }

  /** Notes set after the body, for the theme's `end` placement: called with a function that gives room for each. */
  endNotes(): readonly Placed[] {
    return this.atEnd;
  }

  heightOf(p: Placed): number {
    return p.prepared.layout.height;
  }

  /** Draws a note with its top-left at (x, y): its label a link back to the marker. Returns the y below it. */
  draw(page: Page, { prepared, parent }: Placed, x: number, y: number): number {
    const { note, layout, labelEnd } = prepared;
    const noteNode = struct('Note', parent, { id: noteDestination(note.number) });
    const lines = layout.lines;
    const top = y - lines[0].top;
    page.destinations.push({ name: noteDestination(note.number), y });
    const label = slice(lines[0], 0, labelEnd);
    if (label) {
      const link = struct('Link', noteNode);
      page.items.push({ kind: 'text', lines: [label], x, y: top, struct: link });
      const { x0, x1 } = extent(label);
      page.items.push({
        kind: 'link',
        x: x + x0,
        y,
        w: x1 - x0,
        h: lines[0].height,
        dest: markerDestination(note.number),
        label: this.context.theme.notes.backLabel,
        struct: link,
      });
    }
    const rest = [slice(lines[0], labelEnd, lines[0].end), ...lines.slice(1)].filter((l): l is LineLayout => l !== null);
    if (rest.length) page.items.push({ kind: 'text', lines: rest, x, y: top, struct: noteNode });
    return y + layout.height;
  }
}
