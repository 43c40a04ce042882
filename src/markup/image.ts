// The attributes of an `<img>`: which file, from which folder, how it is described, and the size
// asked for. Everything that can be wrong with them is found here, worded for the template line.
import { MM } from '../theme.js';
import type { Image, Length } from './tree.js';

export const IMAGE_ATTRIBUTES = ['src', 'alt', 'width', 'height', 'role', 'from'] as const;

/** Larger than any page mowjaz sets (A3 is 842 × 1191 pt): a size beyond it is a typing mistake. */
const MAX_LENGTH_PT = 5000;
const LENGTH = /^([0-9]+(?:\.[0-9]+)?)\s*(pt|mm|cm|%)?$/;
/** The isolates data values are wrapped in (src/template/isolate.ts): not part of a file name or a description. */
const ISOLATES = /[\u2066-\u2069]/g;

/** "120", "120pt", "40mm", "4cm", "50%" (of the column's width; width only) → a length, or why not. */
export function readLength(text: string, name: 'width' | 'height'): Length | string {
  const m = LENGTH.exec(text.trim());
  const wrong = `${name}="${text}": write points ("120" or "120pt"), millimetres ("40mm"), centimetres ("4cm")${name === 'width' ? ' or a percentage of the column ("50%")' : ''}, more than 0`;
  if (!m || !(Number(m[1]) > 0)) return wrong;
  const value = Number(m[1]);
  if (m[2] === '%') return name === 'width' && value <= 100 ? { fraction: value / 100 } : wrong;
  const pt = m[2] === 'mm' ? value * MM : m[2] === 'cm' ? value * 10 * MM : value;
  return pt <= MAX_LENGTH_PT ? { pt } : `${name}="${text}" is larger than any page (at most ${MAX_LENGTH_PT}pt)`;
}

/**
 * The image an `<img>` element describes, or the message for what is wrong with it. `furniture`:
 * the running header's image, which is page furniture and so must be marked decorative.
 */
export function readImage(attrs: Record<string, string>, at: string, furniture: boolean): Image | string {
  const src = (attrs.src ?? '').replace(ISOLATES, '').trim();
  if (!src) return '<img> needs src="…", the image file (PNG, JPEG or SVG)';
  if (attrs.alt === undefined)
    return `<img src="${src}"> needs alt="…": a description for readers who cannot see it (alt="" with role="presentation" marks a decorative image)`;
  const alt = attrs.alt.replace(ISOLATES, '').trim();
  if (attrs.role !== undefined && attrs.role !== 'presentation') return `<img role="${attrs.role}">: role may only be "presentation" (a decorative image)`;
  const decorative = attrs.role === 'presentation';
  if (decorative && alt) return `<img src="${src}"> has role="presentation" and an alt text: a decorative image has alt=""`;
  if (!decorative && !alt)
    return `<img src="${src}" alt="">: an empty alt needs role="presentation" to mark the image decorative; otherwise describe it in alt`;
  if (furniture && !decorative) return `<img src="${src}"> in the running header is page furniture: write alt="" role="presentation"`;
  if (attrs.from !== undefined && attrs.from !== 'data' && attrs.from !== 'template')
    return `<img from="${attrs.from}">: from is "template" (the default: src is in the template's folder) or "data" (in the data file's folder)`;
  const image: Image = { src, from: attrs.from === 'data' ? 'data' : 'template', alt, decorative, at };
  for (const name of ['width', 'height'] as const) {
    if (attrs[name] === undefined) continue;
    const length = readLength(attrs[name], name);
    if (typeof length === 'string') return `<img src="${src}"> ${length}`;
    image[name] = length;
  }
  return image;
}
