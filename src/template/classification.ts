// The classification a brief's data names, checked against the theme's levels, with its wording:
// the theme level's own, else the brief's label `classification-<level>`, else the locale's.
// Templates read it as `marking` (`<classification level="{{marking.level}}">{{marking.label}}`).
import type { Brief } from '../data/brief.js';
import { InputError } from '../errors.js';
import type { Theme } from '../theme.js';
import { labelFor, localeFor, type BriefRoot } from './locale.js';

export interface Marking {
  level: string;
  label: string;
}

/** The brief's marking, or none; `source` names the data file in the message for a level the theme lacks. */
export function markingOf(brief: Brief, theme: Theme, source: string): Marking | undefined {
  const level = brief.classification;
  if (level === undefined) return undefined;
  const { levels } = theme.classification;
  if (!Object.hasOwn(levels, level)) {
    throw new InputError(`${source}: /classification: unknown classification level "${level}"; the theme's levels are ${Object.keys(levels).join(', ')}`);
  }
  return { level, label: levels[level].label ?? labelFor(`classification-${level}`, brief as BriefRoot) };
}

/**
 * The wording of the brief's level where no theme is at hand (the e-mail message): the brief's
 * label or the locale's, else the level's name (a level only a theme words).
 */
export function markingWords(brief: Brief): string | undefined {
  const level = brief.classification;
  if (level === undefined) return undefined;
  const name = `classification-${level}`;
  const root = brief as BriefRoot;
  const known = Object.hasOwn(root.labels ?? {}, name) || Object.hasOwn(localeFor(brief.language ?? 'ar'), name);
  return known ? labelFor(name, root) : level;
}
