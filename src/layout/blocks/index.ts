// The table of block kinds: one entry per kind of `Block`, which the type checker holds to
// covering them all. A new kind is a module beside these and one line here.
import type { Block } from '../../markup/tree.js';
import type { BlockOf } from '../../markup/kinds.js';
import type { Theme } from '../../theme.js';
import type { Cursor } from '../cursor.js';
import type { StructNode } from '../page.js';
import type { BlockKind, Measure, PreparedBlock } from './kind.js';
import { asideKind } from './aside.js';
import { figureKind } from './figure.js';
import { listKind } from './list.js';
import { pageBreakKind } from './page-break.js';
import { ruleKind } from './rule.js';
import { tableKind } from './table.js';
import { headingKind, paragraphKind } from './text.js';
import { tocKind } from './toc.js';

/** A table that has an entry for every kind of block, each a function of that kind's block. */
// biome-ignore lint/suspicious/noExplicitAny: each kind's prepared record is its own; the table only pairs a kind with its block
export type BlockKindTable = { [K in Block['kind']]: BlockKind<BlockOf<K>, any> };

export const blockKinds = {
  heading: headingKind,
  paragraph: paragraphKind,
  list: listKind,
  table: tableKind,
  'page-break': pageBreakKind,
  rule: ruleKind,
  // A callout holds blocks of any kind: it is handed the dispatcher rather than importing it.
  aside: asideKind(prepareBlock),
  toc: tocKind,
  figure: figureKind,
} satisfies BlockKindTable;

/** A block measured and ready to place, whatever its kind. */
export type { PreparedBlock } from './kind.js';

export function prepareBlock(block: Block, at: Measure): PreparedBlock {
  // The table pairs each kind with functions of that kind's block and prepared record, a pairing
  // TypeScript cannot follow through an index by `block.kind`.
  const kind = blockKinds[block.kind] as BlockKind<Block, unknown>;
  return bindBlock(kind, kind.prepare(block, at), at.context.theme);
}

/** A kind's prepared record with the kind's functions bound to it. */
export function bindBlock<P>(kind: BlockKind<never, P>, prepared: P, theme: Theme): PreparedBlock {
  return {
    minStart: next => kind.minStart(prepared, theme, next),
    place: (cursor, root, next) => kind.place(prepared, cursor, root, next),
  };
}

/** Places prepared blocks in order; each learns, if it asks, what the next one needs to start. */
export function placeBlocks(cursor: Cursor, blocks: readonly PreparedBlock[], root: StructNode): void {
  const minStartAt = (i: number): number => blocks[i]?.minStart(() => minStartAt(i + 1)) ?? 0;
  blocks.forEach((block, i) => block.place(cursor, root, () => minStartAt(i + 1)));
}
