// Every image of a document read and checked before layout: its file found in the folder it
// belongs to (the template's, or the data file's for a path the data gives) and never outside it,
// read as a regular file within the size limit, and decoded far enough to know it can be drawn.
// Each file is read once per brief, so an image placed on many pages is one image in the PDF.
import fs from 'node:fs';
import path from 'node:path';
import { InputError, entryKind, shownPath, systemReason } from '../errors.js';
import { readInputFile, realPathInside } from '../input-file.js';
import { MAX_IMAGE_BYTES, showSize } from '../limits.js';
import type { DocumentTree, Image, ImageAsset } from '../markup/tree.js';
import type { Brief } from '../data/brief.js';
import { textValues } from '../data/load.js';
import { describeImage } from './decode.js';

export interface ImageFolders {
  /** The template's folder: an `<img src>` written in a template is found there. */
  template: string;
  /** The data file's folder: an `<img from="data">` is found there. */
  data: string;
  /** The data file as messages name it, and its values: a data path is reported with its JSON path. */
  dataFile?: string;
  brief?: unknown;
}

/** Fills in the asset of every image of the tree, or stops at the first that cannot be drawn. */
export function loadImages(tree: DocumentTree, folders: ImageFolders): void {
  const images = [...tree.cover, ...tree.body].flatMap(b => (b.kind === 'figure' ? [b.image] : []));
  if (tree.headerImage) images.push(tree.headerImage);
  const assets = new Map<string, ImageAsset>();
  for (const image of images) image.asset = loadImage(image, folders, assets);
}

function loadImage(image: Image, folders: ImageFolders, assets: Map<string, ImageAsset>): ImageAsset {
  const folder = folders[image.from];
  const file = path.resolve(folder, image.src);
  const refuse = (why: string) => new InputError(`${where(image, folders)}: image ${image.src} ${why}`);
  const found = realPathInside(file, folder);
  if (found === 'missing')
    throw refuse(
      `cannot be read: ${fs.existsSync(path.dirname(file)) && isLink(file) ? 'it is a symbolic link to nothing' : 'no such file'} (looked in ${shownPath(folder)})`,
    );
  if (found === 'outside')
    throw refuse(
      `leads outside ${shownPath(folder)} (to ${realOrAsGiven(file)}); an image must lie inside the ${image.from === 'data' ? "data file's" : "template's"} folder`,
    );
  const cached = assets.get(found.real);
  if (cached) return cached;
  let stats: fs.Stats;
  try {
    stats = fs.statSync(found.real);
  } catch (e) {
    throw refuse(`cannot be read: ${systemReason(e, 'read')}`);
  }
  if (!stats.isFile()) throw refuse(`cannot be read: it is ${entryKind(stats)}, not a file`);
  if (stats.size > MAX_IMAGE_BYTES) throw refuse(`is ${showSize(stats.size)}; an image file may be at most ${showSize(MAX_IMAGE_BYTES)}`);
  let bytes: Buffer;
  try {
    bytes = readInputFile(found.real, { what: 'image', maxBytes: MAX_IMAGE_BYTES, shown: shownPath(file) });
  } catch (e) {
    throw e instanceof InputError ? new InputError(`${where(image, folders)}: ${e.message}`) : e;
  }
  const facts = describeImage(bytes);
  if (typeof facts === 'string') throw refuse(facts);
  const { drawn, ...size } = facts;
  const asset: ImageAsset = { key: found.real, ...size, bytes: drawn ?? bytes };
  assets.set(found.real, asset);
  return asset;
}

function realOrAsGiven(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where an image came from, for messages: the data file and JSON path of a path the data gives, else the template line. */
function where(image: Image, folders: ImageFolders): string {
  if (image.from === 'data' && folders.brief !== undefined) {
    const pointer = textValues(folders.brief as Brief).find(v => v.value.trim() === image.src)?.path;
    if (pointer !== undefined) return `${folders.dataFile ?? 'data'}: ${pointer}`;
  }
  return image.at;
}
