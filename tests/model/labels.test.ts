// Headings and labels: the locale file is data, it names exactly the labels the schema lets a brief
// override, and a brief's own labels and block titles win over it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaPath } from '../../src/data/load.js';
import { localeDir, localeFor } from '../../src/template/locale.js';
import { pdfText, reads, render, root } from './support.js';

const schema = JSON.parse(fs.readFileSync(schemaPath(), 'utf8'));
const labelNames = Object.keys(schema.definitions.labels.properties).sort();
const brief = {
  title: 'تجربة التسميات',
  issuer: { name: 'جهة ما' },
  issued: '2025-12-01',
  blocks: [
    { type: 'summary', paragraphs: ['نص.'] },
    { type: 'key-points', items: ['نقطة.'] },
  ],
};

describe('locale', () => {
  it('templates/locale/ar.json names every label the schema knows, and nothing else, each a non-empty text', () => {
    expect(localeDir()).toBe(path.join(root, 'templates', 'locale'));
    const words = JSON.parse(fs.readFileSync(path.join(localeDir(), 'ar.json'), 'utf8'));
    expect(Object.keys(words).sort()).toEqual(labelNames);
    for (const [name, word] of Object.entries(words)) expect(typeof word === 'string' && word.length > 0, name).toBe(true);
  });

  it('a regional tag falls back to its language; an unknown language is an input error naming the file to add', () => {
    expect(localeFor('ar-EG')).toEqual(localeFor('ar'));
    expect(() => localeFor('fr')).toThrow(/no locale for the language "fr": add .*templates\/locale\/fr\.json/);
  });

  it('the default headings and labels come from the locale', async () => {
    const words = localeFor('ar');
    const { lines } = await pdfText(await render(brief));
    for (const name of ['summary', 'key-points', 'issuer', 'issued', 'page', 'of'] as const) expect(reads(lines, words[name]), name).toBe(true);
  });

  it("the brief's labels and a block's title replace the locale's words", async () => {
    const words = localeFor('ar');
    const own = { ...brief, labels: { summary: 'خلاصة القول', issuer: 'صادر عن' }, blocks: [brief.blocks[0], { ...brief.blocks[1], title: 'أهم ما جاء' }] };
    const { lines } = await pdfText(await render(own));
    for (const word of ['خلاصة القول', 'صادر عن', 'أهم ما جاء']) expect(reads(lines, word), word).toBe(true);
    for (const name of ['summary', 'issuer', 'key-points'] as const) expect(reads(lines, words[name]), name).toBe(false);
  });

  it('an unknown label in the data is a schema error with its path', async () => {
    await expect(render({ ...brief, labels: { summry: 'x' } }, { source: 'x.json' })).rejects.toThrow(
      /^x\.json:\d+: \/labels\/summry: unexpected property "summry" \(did you mean "summary"\?\)$/,
    );
  });
});
