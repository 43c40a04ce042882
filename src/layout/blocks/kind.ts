// What a block kind does in layout, in three steps: prepare (measure at the column's width,
// independent of where the block lands), minStart (how much of it must fit for a heading before
// it to stay on the page) and place (put it on pages from the cursor on, splitting where allowed).
import type { EngineContext } from '../../context.js';
import type { Digits } from '../../digits.js';
import type { Block } from '../../markup/tree.js';
import type { Theme } from '../../theme.js';
import type { Cursor } from '../cursor.js';
import type { StructNode } from '../page.js';

export interface Measure {
  readonly context: EngineContext;
  /** Width of the column. */
  readonly width: number;
  /** Blocks of the cover and of the back page take the cover's styles, draw no table rules and make no bookmarks. */
  readonly region: 'cover' | 'back' | 'body';
  /** Digits of list labels. */
  readonly digits: Digits;
  /** Page number of each destination (heading anchors), from an earlier pass of layout: for the contents. */
  readonly pages?: ReadonlyMap<string, number>;
}

/** The `minStart` of the block after this one (0 at the end), computed only if asked for. */
export type Next = () => number;

export interface BlockKind<B extends Block, P> {
  prepare(block: B, at: Measure): P;
  minStart(prepared: P, theme: Theme, next: Next): number;
  place(prepared: P, cursor: Cursor, root: StructNode, next: Next): void;
}

/** A block measured and bound to its kind's functions: what the page flow places. */
export interface PreparedBlock {
  minStart(next: Next): number;
  place(cursor: Cursor, root: StructNode, next: Next): void;
}
