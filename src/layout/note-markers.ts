// Which note markers each laid-out line holds: recorded when a paragraph is laid out, read when
// its lines are placed (src/layout/notes.ts), so every block kind's lines carry their notes.
import type { Note } from '../markup/tree.js';
import type { LineLayout } from '../text/paragraph.js';

/** A marker's range in its paragraph's text. */
export interface NoteMarker {
  note: Note;
  start: number;
  end: number;
}

const markersOfLine = new WeakMap<LineLayout, NoteMarker[]>();

/** Remembers which markers each line holds: placing the line places their notes. */
export function attachMarkers(lines: readonly LineLayout[], markers: readonly NoteMarker[]): void {
  for (const line of lines) {
    const on = markers.filter(m => m.start >= line.start && m.start < line.end);
    if (on.length) markersOfLine.set(line, on);
  }
}

export const markersOn = (line: LineLayout): readonly NoteMarker[] => markersOfLine.get(line) ?? [];
