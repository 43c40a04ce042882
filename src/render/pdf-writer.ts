// The one module that talks to pdfkit, fontkit and svg-to-pdfkit. It owns a PDF document: pages,
// glyph runs (drawn through pdfkit's embedded-font machinery, not its text layout), images (PNG and
// JPEG embedded once per document, SVG drawn as vectors), filled boxes and rules,
// tagging (structure elements, marked content, artifacts), metadata and XMP, the outline, and
// the bytes at the end. Everything private to pdfkit or fontkit that mowjaz relies on is named
// in PRIVATES below and reached only here (pdfkit and fontkit are pinned; a test checks them).
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Direction } from '../print/direction.js';
import type { PageBoxes } from '../print/page-boxes.js';
import type { LoadedFace } from '../text/fonts.js';
import type { LineLayout } from '../text/records.js';
import { glyphRunOps, type GlyphFont } from './glyph-run.js';

/** One private member the adapter relies on: where it is, and what it must be. */
export interface PrivateMember {
  /** The object it lives on (see tests/render/pdfkit-privates.test.ts for how each is made). */
  on: 'document' | 'embeddedFont' | 'subset' | 'subsetWhileEncoding' | 'fontkitFont' | 'fontkitGlyph' | 'structElement' | 'outline';
  name: string;
  type: 'function' | 'object' | 'number' | 'string';
  /** For a function: its declared parameter count (Function#length). */
  arity?: number;
}

/** Every pdfkit 0.20 / fontkit 2.0 member used here that is not public API (or not in @types/pdfkit). */
/** A member's kind as the table writes it: a type, or "function/N" for a function of N declared parameters. */
type MemberSpec = Exclude<PrivateMember['type'], 'function'> | `function/${number}`;

/** The members of one object, in the table's order. */
function membersOf(on: PrivateMember['on'], members: Record<string, MemberSpec>): PrivateMember[] {
  return Object.entries(members).map(([name, spec]) => {
    const [type, arity] = spec.split('/');
    return arity === undefined ? { on, name, type: type as PrivateMember['type'] } : { on, name, type: 'function', arity: Number(arity) };
  });
}

export const PRIVATES: readonly PrivateMember[] = [
  ...membersOf('document', {
    _addInfo: 'function/0',
    appendXML: 'function/1',
    _font: 'object',
    struct: 'function/1',
    _root: 'object',
    openImage: 'function/1',
  }),
  ...membersOf('embeddedFont', { id: 'string', font: 'object', scale: 'number', subset: 'object', widths: 'object', unicode: 'object', ref: 'function/0' }),
  ...membersOf('subset', { glyphs: 'object', includeGlyph: 'function/1', _addGlyph: 'function/1' }),
  ...membersOf('subsetWhileEncoding', { glyf: 'object', loca: 'object', hmtx: 'object', offset: 'number' }),
  ...membersOf('fontkitFont', { layout: 'function/5', getGlyph: 'function/1', loca: 'object', _getTableStream: 'function/1' }),
  ...membersOf('fontkitGlyph', { advanceWidth: 'number', _decode: 'function/0', _getMetrics: 'function/0' }),
  ...membersOf('structElement', { dictionary: 'object' }),
  ...membersOf('outline', { addItem: 'function/1' }),
];

// ---- the private shapes, as this module uses them ------------------------------------------

/** fontkit's TTFSubset as pdfkit 0.20 uses it: glyphs[i] is the source glyph of subset glyph i. */
interface TTFSubset {
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

/** The parts of a fontkit TrueType font the subset writer reads. */
interface FontkitFont {
  layout(...args: unknown[]): unknown;
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
}

/** pdfkit's EmbeddedFont (the object a registered font becomes in a document). */
interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  scale: number;
  subset: TTFSubset;
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

type KitDoc = PDFKit.PDFDocument;
/** pdfkit's structure element: options it accepts beyond @types/pdfkit's (Scope), and its dictionary. */
interface KitStructElement extends PDFKit.PDFStructureElement {
  dictionary: { data: { A?: Record<string, unknown> } };
}
/** pdfkit's outline item; `top` and `left` place the destination (see PdfWriter#bookmark). */
interface KitOutline {
  addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number }): KitOutline;
}
/** A dictionary object of pdfkit's (a PDFReference): its entries, written when it is ended. */
interface KitRef {
  data: Record<string, unknown>;
}
/** The document's members that @types/pdfkit leaves out or types too narrowly. */
interface KitPrivate {
  /** The catalog; pdfkit ends its ViewerPreferences dictionary, when there is one, with the document. */
  _root: { data: { ViewerPreferences?: KitRef } };
  ref(data: Record<string, unknown>): KitRef;
  /** pdfkit takes a parsed font for anything with a `layout` method (a fontkit Font). */
  registerFont(name: string, font: FontkitFont): void;
  _font: EmbeddedFont;
  _addInfo(): void;
  appendXML(xml: string): void;
  info: DocumentInfo;
  struct(type: string, options?: Record<string, unknown>): KitStructElement;
  outline: KitOutline;
  /** pdfkit's image decoding without drawing: the image is embedded (once) when first drawn. */
  openImage(src: Buffer): PDFKit.Mixins.PDFImage;
}

/** The private view of a document, after checking that what PRIVATES says of it holds. */
function privateView(doc: KitDoc): KitPrivate {
  for (const p of PRIVATES) {
    if (p.on !== 'document' || p.name === '_font') continue; // _font exists once a font is chosen
    if (typeof (doc as unknown as Record<string, unknown>)[p.name] !== p.type)
      throw new Error(`pdfkit changed: PDFDocument#${p.name} is not a ${p.type} (mowjaz relies on pdfkit 0.20.2)`);
  }
  return doc as unknown as KitPrivate;
}

function asFontkitFont(font: unknown): FontkitFont {
  const f = font as Partial<FontkitFont> | null;
  if (!f || typeof f.layout !== 'function' || typeof f.getGlyph !== 'function' || typeof f._getTableStream !== 'function' || !Array.isArray(f.loca?.offsets)) {
    throw new Error('fontkit changed: a TrueType font no longer has layout, getGlyph, _getTableStream and loca.offsets (mowjaz relies on fontkit 2.0.4)');
  }
  return f as FontkitFont;
}

// ---- fonts parsed once, shared by documents -------------------------------------------------

/**
 * What the subset writer needs of a source glyph: its glyf record, the positions of its
 * components' glyph ids (composite glyphs), and its metrics.
 */
interface GlyphRecord {
  data: Uint8Array;
  components: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

/**
 * Fonts parsed by fontkit, and their glyphs decoded, once for every document written with this
 * cache: pdfkit accepts a parsed font, and each document still makes its own subset of it, while
 * fontkit would decode every glyph again for every document. Bounded by the fonts themselves
 * (six faces, a few thousand glyphs each), so it has no eviction.
 */
export class PdfFontCache {
  private readonly parsed = new Map<string, FontkitFont>();
  private readonly records = new Map<FontkitFont, Map<number, GlyphRecord>>();

  font(face: LoadedFace): FontkitFont {
    let font = this.parsed.get(face.key);
    if (!font) {
      font = asFontkitFont(fontkit.create(face.bytes));
      this.parsed.set(face.key, font);
    }
    return font;
  }

  glyph(font: FontkitFont, gid: number): GlyphRecord {
    let records = this.records.get(font);
    if (!records) this.records.set(font, (records = new Map()));
    let record = records.get(gid);
    if (!record) {
      const glyph = font.getGlyph(gid);
      const decoded = glyph._decode();
      const stream = font._getTableStream('glyf');
      stream.pos += font.loca.offsets[gid];
      const data = stream.readBuffer(font.loca.offsets[gid + 1] - font.loca.offsets[gid]);
      record = {
        data: new Uint8Array(data),
        components: decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []) : [],
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      records.set(gid, record);
    }
    return record;
  }
}

export const createPdfFontCache = (): PdfFontCache => new PdfFontCache();

/**
 * Writes the subset's glyphs from cached records, as fontkit's TTFSubset would (composite glyphs
 * pull their components into the subset). A glyph used with another /W width gets a code, and a
 * copy in the subset, of its own; PDF/A (ISO 19005-2, 6.2.11.5) wants each code's /W width to
 * equal its advance in the embedded font, so each copy's advance is its /W width.
 */
function writeGlyphsFromRecords(font: EmbeddedFont, cache: PdfFontCache): void {
  const subset = font.subset;
  subset._addGlyph = (gid: number): number => {
    const record = cache.glyph(font.font, gid);
    let data = record.data;
    if (record.components.length) {
      data = new Uint8Array(record.data);
      const view = new DataView(data.buffer);
      for (const c of record.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
    }
    subset.glyf.push(data);
    subset.loca.offsets.push(subset.offset);
    const index = subset.glyf.length - 1;
    const width = font.widths[index];
    subset.hmtx.metrics.push({ advance: width !== undefined ? Math.round(width / font.scale) : record.advance, bearing: record.bearing });
    subset.offset += data.length;
    return index;
  };
}

/** A face as embedded in one document: pdfkit's font, and the codes given out so far. */
class DocumentFont implements GlyphFont {
  /** Codes given out, by glyph, /W width and ToUnicode text (maps, not a joined string key: asked once per glyph drawn). */
  private readonly codes = new Map<number, Map<number, Map<string, number>>>();

  constructor(
    private readonly font: EmbeddedFont,
    private readonly cache: PdfFontCache,
  ) {}

  get id(): string {
    return this.font.id;
  }

  ref(): unknown {
    return this.font.ref();
  }

  naturalWidth(gid: number): number {
    return Math.round(this.font.font.getGlyph(gid).advanceWidth * this.font.scale);
  }

  blank(gid: number): boolean {
    return this.cache.glyph(this.font.font, gid).data.length === 0;
  }

  code(gid: number, text: string, width: number): number {
    let byWidth = this.codes.get(gid);
    if (!byWidth) this.codes.set(gid, (byWidth = new Map()));
    let byText = byWidth.get(width);
    if (!byText) byWidth.set(width, (byText = new Map()));
    let cid = byText.get(text);
    if (cid === undefined) {
      const f = this.font;
      f.subset.glyphs.push(gid);
      cid = f.subset.glyphs.length - 1;
      f.widths[cid] = width;
      f.unicode[cid] = [...text].map(ch => ch.codePointAt(0)!);
      byText.set(text, cid);
    }
    return cid;
  }
}

// ---- the document ---------------------------------------------------------------------------

export interface DocumentInfo {
  Title: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  /** pdfkit writes "PDFKit" for Creator and Producer when they are not given. */
  Creator?: string;
  Producer?: string;
  CreationDate: Date;
  ModDate?: Date;
}

export interface PdfWriterOptions {
  /** Parsed fonts shared with other documents (createPdfFontCache()). */
  fonts: PdfFontCache;
  info: DocumentInfo;
  /** The PDF version in the header; pdfkit's 1.3 when not given (1.3 has no XMP metadata). */
  pdfVersion?: '1.7';
  /** A tagged PDF in this language, its title shown in the window title. */
  tagged?: { lang: string };
  /** PDF/A-2b. */
  archival?: boolean;
  /** Page margins, in points: they matter only to pdfkit's own text layout (see pdfkitText). */
  margin?: number;
  /** Which way the pages turn, for two-page views and printers' n-up and booklet modes (default rtl). */
  direction?: Direction;
}

/** An element of the structure tree. */
export interface StructRef {
  readonly type: string;
}
/** An entry of the outline. */
export interface BookmarkRef {
  readonly title: string;
}

/** An image file to draw: its bytes and what they are (checked by src/images/decode.ts). */
export interface ImageSource {
  /** The same key is the same image: embedded once per document. */
  key: string;
  format: 'png' | 'jpeg' | 'svg';
  bytes: Uint8Array;
}

/**
 * svg-to-pdfkit draws text with pdfkit's standard fonts (not embedded: no PDF/A), reads the files
 * `<image>` names and would follow references to other files: none of that may happen. The check
 * (src/images/decode.ts) refuses such SVG first; these callbacks make sure of it.
 */
const SVG_REFUSALS = {
  fontCallback: (): string => {
    throw new Error('SVG text reached the renderer: src/images/decode.ts should have refused it');
  },
  imageCallback: (): string => {
    throw new Error('an SVG <image> reached the renderer: src/images/decode.ts should have refused it');
  },
  documentCallback: () => {
    throw new Error('an SVG reference to another file reached the renderer: src/images/decode.ts should have refused it');
  },
};

/**
 * What svg-to-pdfkit cannot draw of an SVG (its warnings), found by drawing it once in a scratch
 * document: an SVG it warns about would come out other than drawn.
 */
export function svgWarnings(svg: string, width: number, height: number): string[] {
  const warnings: string[] = [];
  const doc = new PDFDocument({ autoFirstPage: false, font: '' } as PDFKit.PDFDocumentOptions);
  doc.addPage({ size: [Math.max(1, width), Math.max(1, height)], margin: 0 });
  SVGtoPDF(doc, svg, 0, 0, { width, height, warningCallback: w => warnings.push(w), ...SVG_REFUSALS });
  return warnings;
}

/** Pagination: running heads; Layout: rules and fills; Page: production aids such as crop marks. */
export type ArtifactType = 'Pagination' | 'Layout' | 'Page';

export class PdfWriter {
  private readonly doc: KitDoc;
  private readonly kit: KitPrivate;
  private readonly cache: PdfFontCache;
  private readonly fonts = new Map<string, DocumentFont>();
  private readonly structs = new WeakMap<StructRef, KitStructElement>();
  private readonly bookmarks = new WeakMap<BookmarkRef, KitOutline>();
  private readonly roots: KitStructElement[] = [];
  /** Raster images opened in this document, by key: each is one image XObject however often it is drawn. */
  private readonly images = new Map<string, PDFKit.Mixins.PDFImage>();
  private readonly margin: number;
  /** Where the current page's trimmed corner lies in its media (bleed and marks around it). */
  private offset = 0;
  private readonly lang: string | undefined;

  constructor(options: PdfWriterOptions) {
    this.cache = options.fonts;
    this.lang = options.tagged?.lang;
    this.margin = options.margin ?? 0;
    const info = options.info;
    this.doc = new PDFDocument({
      margin: this.margin,
      autoFirstPage: false,
      // No default Helvetica: every glyph is Amiri, and loading its metrics costs a little per document.
      font: '',
      ...(options.pdfVersion ? { pdfVersion: options.pdfVersion } : {}),
      compress: true,
      ...(options.tagged ? { tagged: true, lang: options.tagged.lang, displayTitle: true } : {}),
      ...(options.archival ? { subset: 'PDF/A-2b' as const } : {}),
      // The cover alone, then spreads: with /Direction /R2L, page 2 stands right of page 3.
      pageLayout: 'twoPageRight',
      info,
    } as PDFKit.PDFDocumentOptions);
    this.kit = privateView(this.doc);
    const root = this.kit._root.data;
    root.ViewerPreferences ??= this.kit.ref({});
    root.ViewerPreferences.data.Direction = (options.direction ?? 'rtl') === 'rtl' ? 'R2L' : 'L2R';
    // pdfkit 0.20 copies the document information into the XMP packet without escaping it (a "&"
    // or "<" in a title made the packet malformed XML) and leaves out xmp:ModifyDate although the
    // Info dictionary has ModDate, which PDF/A requires to be mirrored. Its writer is replaced.
    // PDF/UA-1 (ISO 14289-1, 5) is declared by pdfuaid:part in the XMP; PDF/A-2 (6.6.2.3) wants
    // every schema outside its predefined ones described by a pdfaExtension:schemas entry.
    const kit = this.kit;
    const accessible = options.tagged ? `\n${XMP_PDFUA}` : '';
    kit._addInfo = () => kit.appendXML(xmpInfo(kit.info) + accessible);
  }

  /**
   * A page `width` × `height`; with `boxes`, on a larger media around it (bleed, crop marks) and
   * with its TrimBox and BleedBox. Coordinates given to the drawing methods stay those of the
   * trimmed page: its top-left corner is 0, 0, and the bleed lies at negative coordinates.
   */
  addPage(width: number, height: number, boxes?: PageBoxes): void {
    const media = boxes?.media ?? { width, height };
    this.doc.addPage({ size: [media.width, media.height], margin: this.margin });
    this.offset = boxes?.offset ?? 0;
    if (boxes) {
      const page = this.doc.page.dictionary as unknown as KitRef;
      page.data.TrimBox = boxes.trim;
      page.data.BleedBox = boxes.bleed;
      this.doc.translate(this.offset, this.offset);
    }
  }

  get pageWidth(): number {
    return this.doc.page.width;
  }
  get pageHeight(): number {
    return this.doc.page.height;
  }

  /** Draws laid-out lines with the paragraph's top-left corner at (x, y), top-down coordinates. */
  drawLines(lines: readonly LineLayout[], x: number, y: number): void {
    const page = this.doc.page;
    const ops = glyphRunOps(
      lines,
      x,
      y,
      page.height,
      face => {
        const font = this.font(face);
        page.fonts[font.id] = font.ref();
        return font;
      },
      this.lang,
    );
    // The operators are ASCII: as bytes they are what pdfkit would make of the string (one byte
    // per character, then a newline), made natively instead of character by character.
    this.doc.addContent(Buffer.from(`${ops}\n`, 'latin1'));
  }

  /** A box: filled (unless `color` is 'none'), and stroked when `stroke` is given. */
  fillRect(x: number, y: number, w: number, h: number, color: string, stroke?: { color: string; width: number }): void {
    if (color !== 'none') this.doc.rect(x, y, w, h).fill(color);
    if (stroke) this.doc.save().rect(x, y, w, h).lineWidth(stroke.width).strokeColor(stroke.color).stroke().restore();
  }

  /**
   * An image in the box (x, y, w, h), top-down coordinates. PNG and JPEG become one image XObject
   * per document, however many times they are drawn; SVG is drawn as vector graphics each time.
   */
  image(source: ImageSource, x: number, y: number, w: number, h: number): void {
    if (source.format === 'svg') {
      // The SVG's own preserveAspectRatio (by default centred, whole) fits it to a box of other proportions, as a browser would.
      SVGtoPDF(this.doc, Buffer.from(source.bytes).toString('utf8'), x, y, { width: w, height: h, ...SVG_REFUSALS });
      return;
    }
    let image = this.images.get(source.key);
    if (!image) {
      image = this.kit.openImage(Buffer.from(source.bytes));
      this.images.set(source.key, image);
    }
    // The box was measured from the pixels as stored; an EXIF orientation is not applied.
    this.doc.image(image as unknown as PDFKit.Mixins.ImageSrc, x, y, { width: w, height: h, ignoreOrientation: true } as PDFKit.Mixins.ImageOption);
  }

  /**
   * A Figure's layout attributes: its box on the current page (BBox, in PDF coordinates, as
   * PDF/UA asks of a Figure) and its placement as a block.
   */
  figureBox(ref: StructRef, x: number, y: number, w: number, h: number): void {
    const o = this.offset;
    const top = this.doc.page.height - (y + o);
    const data = this.element(ref).dictionary.data;
    data.A = { ...data.A, O: 'Layout', Placement: 'Block', BBox: [x + o, top - h, x + w + o, top].map(v => Math.round(v * 100) / 100) };
  }

  /** A named destination on the current page, `top` points below its top edge. */
  destination(name: string, top: number): void {
    // Zoom 0 (as null) keeps the reader's zoom; a number, because some readers stumble on null in arrays.
    this.doc.addNamedDestination(name, 'XYZ', 0, Math.max(0, top), 0);
  }

  /**
   * A link annotation to a named destination over a box of the current page, described by
   * `contents` (PDF/UA) and, when `element` is given, its object reference put in that Link element.
   */
  link(x: number, y: number, w: number, h: number, dest: string, contents: string, element?: StructRef): void {
    this.doc.annotate(x, y, w, h, {
      Subtype: 'Link',
      Dest: dest,
      Contents: new String(contents),
      ...(element ? { structParent: this.element(element) } : {}),
    } as unknown as PDFKit.Mixins.AnnotationOption);
  }

  strokeLine(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /** The root of the structure tree (a tagged document has one). */
  structureRoot(type: string): StructRef {
    const element = this.kit.struct(type);
    this.doc.addStructure(element);
    this.roots.push(element);
    return this.remember({ type }, element);
  }

  /** A new structure element (a table cell may carry its Scope and ColSpan), not yet in the tree: see `append`. */
  structure(type: string, options: { scope?: 'Row' | 'Column'; colSpan?: number; id?: string; alt?: string } = {}): StructRef {
    const element = this.kit.struct(type, { ...(options.scope ? { scope: options.scope } : {}), ...(options.alt ? { alt: options.alt } : {}) });
    if (options.id) (element.dictionary.data as Record<string, unknown>).ID = new String(options.id);
    // pdfkit's structure API knows Scope only; a cell's ColSpan goes in the same Table attributes.
    if (options.colSpan) {
      const data = element.dictionary.data;
      data.A = { ...data.A, O: 'Table', ColSpan: options.colSpan };
    }
    return this.remember({ type }, element);
  }

  /** Puts `child` in the tree, as the last child of `parent`. */
  append(parent: StructRef, child: StructRef): void {
    this.element(parent).add(this.element(child));
  }

  /** Content drawn by `draw`, marked as part of `element`. */
  tagged(element: StructRef, draw: () => void): void {
    const content = this.doc.markStructureContent(element.type);
    draw();
    this.doc.endMarkedContent();
    this.element(element).add(content);
  }

  /**
   * Content drawn by `draw`, marked as an artifact (page furniture, not part of the text);
   * `attached`: the page edge a pagination artifact belongs to (running heads, banners), which
   * PDF 1.7 says with /Attached (the /Subtype /Header of PDF 2.0 is not part of PDF 1.7).
   */
  artifact(type: ArtifactType, draw: () => void, attached?: 'Top' | 'Bottom'): void {
    this.doc.markContent('Artifact', attached ? { type, attached: [attached] } : { type });
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * An outline entry opening the current page `top` points below its top edge; under `parent`, or
   * at the top level. pdfkit writes `[page /XYZ width-left height-top 0]`, so `left` is given as
   * the page width to put the left edge at 0.
   */
  bookmark(title: string, top: number, options: { parent?: BookmarkRef; expanded?: boolean } = {}): BookmarkRef {
    const at = { top: top + this.offset, left: this.doc.page.width };
    const parent = options.parent ? this.bookmarks.get(options.parent)! : this.kit.outline;
    const item = parent.addItem(title, options.expanded ? { expanded: true, ...at } : at);
    const ref = { title };
    this.bookmarks.set(ref, item);
    return ref;
  }

  /**
   * pdfkit's own line layout and text drawing (no shaping, no bidi), in the font file given:
   * kept only as a baseline the engine's speed is measured against. Text runs on to new pages
   * (of the current page's size) within the margins. Returns the pages it added.
   */
  pdfkitText(
    paragraphs: readonly string[],
    options: { fontFile: string; size: number; x: number; y: number; width: number; align: 'right' | 'justify' },
  ): number {
    let pages = 0;
    const count = () => {
      pages++;
    };
    this.doc.on('pageAdded', count);
    this.doc.registerFont('pdfkit-baseline', options.fontFile);
    this.doc.font('pdfkit-baseline').fontSize(options.size).fillColor('#000000');
    this.doc.x = options.x;
    this.doc.y = options.y;
    for (const text of paragraphs) this.doc.text(text, { width: options.width, align: options.align });
    this.doc.off('pageAdded', count);
    return pages;
  }

  /** Ends the structure tree and the document, and gives its bytes. */
  async end(): Promise<Uint8Array> {
    for (const root of this.roots) root.end();
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  private font(face: LoadedFace): DocumentFont {
    let font = this.fonts.get(face.key);
    if (!font) {
      const name = `mowjaz-${face.name}-${face.key}`;
      this.kit.registerFont(name, this.cache.font(face));
      this.doc.font(name);
      const embedded = this.kit._font;
      writeGlyphsFromRecords(embedded, this.cache);
      font = new DocumentFont(embedded, this.cache);
      this.fonts.set(face.key, font);
    }
    return font;
  }

  private remember(ref: StructRef, element: KitStructElement): StructRef {
    this.structs.set(ref, element);
    return ref;
  }

  private element(ref: StructRef): KitStructElement {
    const element = this.structs.get(ref);
    if (!element) throw new Error(`structure element ${ref.type} belongs to another document`);
    return element;
  }
}

const xml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

/** The PDF/UA-1 identification and its PDF/A extension schema entry. */
const XMP_PDFUA = [
  '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
  '  <pdfuaid:part>1</pdfuaid:part>',
  '</rdf:Description>',
  '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '      <pdfaProperty:name>part</pdfaProperty:name>',
  '      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '      <pdfaProperty:category>internal</pdfaProperty:category>',
  '      <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>',
  '    </rdf:li></rdf:Seq></pdfaSchema:property>',
  '  </rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>',
].join('\n');

/** The XMP mirror of the Info dictionary (PDF/A-2 6.6.3): every entry it has, escaped. */
function xmpInfo(info: DocumentInfo): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `  <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    ...(info.ModDate ? [`  <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`] : []),
    `  <xmp:CreatorTool>${xml(info.Creator ?? '')}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <dc:format>application/pdf</dc:format>',
    `  <dc:title>${alt(info.Title)}</dc:title>`,
    ...(info.Author ? [`  <dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(info.Subject ? [`  <dc:description>${alt(info.Subject)}</dc:description>`] : []),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `  <pdf:Producer>${xml(info.Producer ?? '')}</pdf:Producer>`,
    ...(info.Keywords ? [`  <pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
  ].join('\n');
}
