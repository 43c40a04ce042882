// Every PDF declares the way its pages turn (/ViewerPreferences /Direction) and a two-page
// layout showing the cover alone, then spreads (/PageLayout /TwoPageRight).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf } from '../../src/print/direction.js';
import { render, root, summit } from '../pdf/support.js';
import { catalog, open } from './support.js';

const declared = (bytes: Uint8Array) => {
  const cat = catalog(open(bytes));
  return { direction: cat.get('ViewerPreferences').get('Direction').asName(), layout: cat.get('PageLayout').asName() };
};

describe('reading direction', () => {
  it('an Arabic brief reads right to left, cover alone then spreads', async () => {
    expect(declared(await render(summit()))).toEqual({ direction: 'R2L', layout: 'TwoPageRight' });
  });

  it('so does a plain (not archival) PDF', async () => {
    expect(declared(await render(summit(), { archival: false }))).toEqual({ direction: 'R2L', layout: 'TwoPageRight' });
  });

  it('an English document reads left to right', async () => {
    const bytes = await render({ title: 'Alaska summit' } as never, { template: path.join(root, 'tests/fixtures/print/ltr.hbs') });
    expect(declared(bytes)).toEqual({ direction: 'L2R', layout: 'TwoPageRight' });
  });

  it('comes from the language: its script, or an explicit dir', () => {
    expect(['ar', 'ar-EG', 'fa', 'he', 'ur-PK', 'ckb'].map(l => directionOf(l))).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'fr-FR', 'tr', 'ar-Latn'].map(l => directionOf(l))).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
    expect(directionOf('en', 'rtl')).toBe('rtl');
  });
});
