// Every helper a template may call: the formatting helpers (dates, digits, numbers, lists) and
// those of the brief model (labels from the locale, facts and cells). One table, so the renderer
// registers and checks the same names the tests list.
import { formattingHelpers } from './helpers.js';
import { labelHelpers } from './labels.js';

export const helpers = { ...formattingHelpers, ...labelHelpers() };
