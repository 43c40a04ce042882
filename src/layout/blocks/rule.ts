// A horizontal rule across the column, in the theme's rule colour.
import type { Rule } from '../../markup/tree.js';
import type { BlockKind } from './kind.js';

export const ruleKind: BlockKind<Rule, null> = {
  prepare: () => null,
  minStart: () => 0,
  place(_p, cursor) {
    cursor.space(6);
    cursor.rule(cursor.y, cursor.theme.palette.rule, 0.6);
    cursor.y += 8;
  },
};
