// Produces fonts/*.ttf from the @fontsource/amiri WOFF files (npm's `prepare`, which also runs
// before `npm pack`). The package ships these files prepared: an installed mowjaz never writes to
// its own folder (which may be read-only) and needs neither an install script nor @fontsource/amiri.
// HarfBuzz needs SFNT bytes and pdfkit must embed the very same bytes, so both read these files.
// The WOFF2 files are avoided on purpose: fontkit's subsetter mishandles their composite glyphs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff.js';
import { FONT_FILES, fontsDir } from './files.js';
import { isMainModule } from '../main-module.js';

const require = createRequire(import.meta.url);

/** The fonts' licence (SIL OFL 1.1), which must travel with the converted files. */
export const FONT_LICENSE = 'OFL.txt';

export function prepareFonts(outDir = fontsDir()): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of FONT_FILES) {
    const src = fontSource(`files/${f.source}`);
    const out = path.join(outDir, f.file);
    const ttf = woffToSfnt(fs.readFileSync(src));
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, ttf);
    fs.renameSync(tmp, out);
    written.push(out);
  }
  fs.copyFileSync(fontSource('LICENSE'), path.join(outDir, FONT_LICENSE));
  return written;
}

/** A file of @fontsource/amiri, a development dependency: an installed package has its fonts prepared. */
function fontSource(file: string): string {
  try {
    return require.resolve(`@fontsource/amiri/${file}`);
  } catch {
    throw new Error('cannot prepare the fonts: @fontsource/amiri is not installed (an installed mowjaz comes with its fonts/ prepared: reinstall the package)');
  }
}

if (isMainModule(import.meta.url)) {
  const files = prepareFonts();
  console.log(`mowjaz: ${files.length} font files and their licence written to ${path.relative(process.cwd(), fontsDir()) || '.'}`);
}
