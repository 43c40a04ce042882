// An explicit page break: the next block starts a page (none is added at the top of one).
import type { PageBreak } from '../../markup/tree.js';
import type { BlockKind } from './kind.js';

export const pageBreakKind: BlockKind<PageBreak, null> = {
  prepare: () => null,
  minStart: () => 0,
  place: (_p, cursor) => {
    if (!cursor.atTop) cursor.newPage();
  },
};
