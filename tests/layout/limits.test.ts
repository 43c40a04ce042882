// The page limit is enforced as pages are made: a document that would run past it stops with an
// input error naming the limit, before any more work is done.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Cursor } from '../../src/layout/cursor.js';
import { MAX_PAGES } from '../../src/limits.js';
import { defaultTheme } from '../../src/theme.js';

describe('page limit', () => {
  it(`allows ${MAX_PAGES} pages and refuses the next one`, () => {
    const cursor = new Cursor(defaultTheme, { width: 400, height: 400 });
    for (let i = 0; i < MAX_PAGES; i++) cursor.newPage();
    expect(cursor.pages).toHaveLength(MAX_PAGES);
    expect(() => cursor.newPage()).toThrow(InputError);
    expect(() => cursor.newPage()).toThrow(`the document runs past ${MAX_PAGES} pages`);
    expect(cursor.pages).toHaveLength(MAX_PAGES);
  });
});
