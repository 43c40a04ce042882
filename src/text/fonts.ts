// Fonts are read and parsed once per text engine: HarfBuzz faces for shaping, and the same bytes
// for the PDF writer to embed, so what is measured is exactly what is drawn.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { FONT_FILES, fontsDir, SUBSETS, type Subset, type Weight } from '../fonts/files.js';
import { prepareFonts } from '../fonts/prepare.js';
import { openFace, type FaceOpener, type ShaperFace } from './shaper.js';

export type { Weight } from '../fonts/files.js';

export interface LoadedFace {
  /** Content hash: the identity used by caches and by the PDF writer. */
  readonly key: string;
  readonly name: string;
  readonly weight: Weight;
  readonly subset: Subset;
  readonly bytes: Buffer;
  readonly shaper: ShaperFace;
  readonly upem: number;
}

export interface FontSet {
  /** Faces of a weight in fallback order (arabic → latin → latin-ext). */
  chain(weight: Weight): readonly LoadedFace[];
}

/** Reads and parses the font files in `dir` (writing them first from the installed WOFF files if missing). */
export function loadFonts(dir: string = fontsDir(), open: FaceOpener = openFace): FontSet {
  if (FONT_FILES.some(f => !fs.existsSync(path.join(dir, f.file)))) prepareFonts(dir);
  const faces = FONT_FILES.map(f => {
    const bytes = fs.readFileSync(path.join(dir, f.file));
    const shaper = open(bytes);
    return {
      key: crypto.createHash('sha1').update(bytes).digest('hex').slice(0, 16),
      name: `amiri-${f.subset}-${f.weight}`,
      weight: f.weight,
      subset: f.subset,
      bytes,
      shaper,
      upem: shaper.upem,
    } satisfies LoadedFace;
  });
  const chains = new Map<Weight, LoadedFace[]>();
  for (const face of faces) {
    const list = chains.get(face.weight) ?? [];
    list.push(face);
    chains.set(face.weight, list);
  }
  for (const list of chains.values()) list.sort((a, b) => SUBSETS.indexOf(a.subset) - SUBSETS.indexOf(b.subset));
  return { chain: weight => chains.get(weight) ?? [] };
}
