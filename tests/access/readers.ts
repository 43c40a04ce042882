// Two independent readers of a PDF's text, as copy and search see it: pdf.js (always) and
// poppler's pdftotext (when it is installed). Each gives the text, and the words found in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Whether poppler's pdftotext can be run here. */
export const hasPdftotext = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** pdftotext's text (its U+202A–U+202E embedding marks around right-to-left lines removed). */
export function popplerText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-read-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'])
      .toString('utf8')
      .replace(/[\u202A-\u202E]/gu, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * pdf.js's text items, a line per baseline. Items that touch (within 0.02 em: the pieces of one
 * word cut by marked content) are joined; others are separate words. pdf.js gives a harakah that
 * ends a right-to-left word an item of its own, listed before the word and drawn inside its box:
 * like a viewer's text layer, which places items where they are drawn, it is put back on its word.
 */
export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const lines: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, size: Math.hypot(it.transform[0], it.transform[1]) });
      }
      for (let k = 0; k + 1 < items.length; k++) {
        const mark = items[k],
          word = items[k + 1];
        const inside = mark.x >= word.x - 0.3 * word.size && mark.x <= word.x + word.width + 0.1 * word.size;
        if (/^\p{M}+$/u.test(mark.str) && inside) {
          word.str += mark.str;
          items.splice(k--, 1);
        }
      }
      let text = '',
        lastY: number | null = null,
        left = 0,
        right = 0;
      for (const it of items) {
        if (lastY === null || Math.abs(it.y - lastY) > 0.5 * it.size) {
          if (lastY !== null) lines.push(text);
          text = it.str;
          lastY = it.y;
          left = it.x;
          right = it.x + it.width;
          continue;
        }
        const gap = Math.max(left - (it.x + it.width), it.x - right);
        text += /^\p{M}+$/u.test(it.str) || gap <= 0.02 * it.size ? it.str : ` ${it.str}`;
        left = Math.min(left, it.x);
        right = Math.max(right, it.x + it.width);
      }
      if (lastY !== null) lines.push(text);
    }
  } finally {
    await doc.destroy();
  }
  return lines.join('\n');
}

/**
 * The words of a text: maximal runs of letters and marks (NFC, so two harakat drawn as one glyph
 * compare equal in either order). Any other character, ZERO WIDTH JOINER included, ends a word.
 */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);

/** The share (0–1) of the distinct words of `source` that `read` gives back whole, and those it does not. */
export function survival(source: string, read: string): { share: number; missing: string[] } {
  const want = new Set(wordsOf(source).filter(w => /\p{Script=Arabic}/u.test(w)));
  const got = new Set(wordsOf(read));
  const missing = [...want].filter(w => !got.has(w));
  return { share: (want.size - missing.length) / want.size, missing };
}
