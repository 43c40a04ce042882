// A horizontal rule across the column, drawn and spaced as the theme's `rule` says.
import type { Rule } from '../../markup/tree.js';
import type { BlockKind } from './kind.js';

export const ruleKind: BlockKind<Rule, null> = {
  prepare: () => null,
  minStart: () => 0,
  place(_p, cursor) {
    const { rule } = cursor.theme;
    cursor.space(rule.spaceBefore);
    cursor.rule(cursor.y, rule.color, rule.width);
    cursor.y += rule.spaceAfter;
  },
};
