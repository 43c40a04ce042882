// Note markers side by side, read back from the PDF: the glyphs drawn at the markers' size, from
// left to right, with their ToUnicode text (mupdf), so that notes 1, 2 and 3 of one paragraph
// never read as the number 123 and keep their order for a right-to-left reader.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { renderBrief } from '../../src/index.js';
import { themeDefaults } from '../../src/theme.js';
import { readGlyphs } from '../helpers/visual.js';

const brief = (notes: string[]): Brief =>
  ({
    title: 'اختبار الحواشي',
    cover: false,
    blocks: [{ type: 'section', title: 'قسم', paragraphs: [{ text: 'فقرة فيها حواش متتالية.', notes }] }],
  }) as Brief;

/** What the markers show, left to right: the glyphs drawn smaller than the body text on the first page. */
async function markersShown(notes: string[], digits: 'latn' | 'arab' = 'latn'): Promise<string> {
  const bytes = await renderBrief(brief(notes), { digits });
  const markerSize = themeDefaults.styles.body.size * themeDefaults.notes.markerScale;
  return readGlyphs(bytes)
    .filter(g => g.page === 0 && Math.abs(g.size - markerSize) < 0.01)
    .sort((a, b) => a.x - b.x)
    .map(g => g.text)
    .join('');
}

describe('note markers side by side in right-to-left text', () => {
  it('one marker is its number alone', async () => {
    expect(await markersShown(['الحاشية الأولى.'])).toBe('1');
  });

  it('several are separated by Arabic commas, the first at the right (next to the text it follows)', async () => {
    expect(await markersShown(['الأولى.', 'الثانية.', 'الثالثة.'])).toBe('3،2،1');
  });

  it('in Arabic-Indic digits too', async () => {
    expect(await markersShown(['الأولى.', 'الثانية.'], 'arab')).toBe('٢،١');
  });
});
