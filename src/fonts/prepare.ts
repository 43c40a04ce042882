// Produces fonts/*.ttf from the @fontsource/amiri WOFF files at install time (npm's `prepare`).
// HarfBuzz needs SFNT bytes and pdfkit must embed the very same bytes, so both read these files.
// The WOFF2 files are avoided on purpose: fontkit's subsetter mishandles their composite glyphs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff.js';
import { FONT_FILES, fontsDir } from './files.js';
import { isMainModule } from '../main-module.js';

const require = createRequire(import.meta.url);

export function prepareFonts(outDir = fontsDir()): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of FONT_FILES) {
    const src = require.resolve(`@fontsource/amiri/files/${f.source}`);
    const out = path.join(outDir, f.file);
    const ttf = woffToSfnt(fs.readFileSync(src));
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, ttf);
    fs.renameSync(tmp, out);
    written.push(out);
  }
  return written;
}

if (isMainModule(import.meta.url)) {
  const files = prepareFonts();
  console.log(`mowjaz: ${files.length} font files written to ${path.relative(process.cwd(), fontsDir()) || '.'}`);
}
