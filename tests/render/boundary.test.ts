// pdfkit, fontkit and svg-to-pdfkit are reached through one module, the PDF writer: no other source file imports them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const sources = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('the pdfkit adapter', () => {
  it('is the only module of src/ and bench/ that imports pdfkit, fontkit or svg-to-pdfkit', () => {
    const importers = [...sources(path.join(repoRoot, 'src')), ...sources(path.join(repoRoot, 'bench'))]
      .filter(f => /from '(pdfkit|fontkit|svg-to-pdfkit)(\/[^']*)?'/.test(fs.readFileSync(f, 'utf8')))
      .map(f => path.relative(repoRoot, f));
    expect(importers).toEqual(['src/render/pdf-writer.ts']);
  });
});
