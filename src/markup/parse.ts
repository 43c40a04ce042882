// Markup text (what the templates produce) → document tree, through htmlparser2.
// The vocabulary is small and closed: anything else is an error that names the template line
// (templates carry `data-src="file:line"` on every tag, added when they are compiled).
import { Parser } from 'htmlparser2';
import { InputError } from '../errors.js';
import { IMAGE_ATTRIBUTES, readImage } from './image.js';
import { blockElements } from './kinds.js';
import { MAX_BLOCKS } from '../limits.js';
import type {
  Aside,
  Block,
  CalloutVariant,
  Cell,
  Classification,
  Dir,
  DocumentMeta,
  DocumentTree,
  Figure,
  Heading,
  Image,
  Inline,
  Note,
  Row,
  Table,
  Toc,
} from './tree.js';

type Attrs = Record<string, string>;

const INLINES = new Set(['span', 'b', 'br', 'page-number', 'page-count', 'note', 'bdi']);
const KNOWN = new Set([
  ...blockElements.keys(),
  ...INLINES,
  'document',
  'header',
  'footer',
  'classification',
  'cover',
  'back-page',
  'li',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'figcaption',
]);
const VOID = new Set(['br', 'page-number', 'page-count', 'img', ...[...blockElements].filter(([, e]) => e.empty).map(([name]) => name)]);

/** Where each element may appear. */
const PARENTS: Record<string, readonly string[]> = {
  document: [''],
  header: ['document'],
  footer: ['document'],
  classification: ['document'],
  cover: ['document'],
  'back-page': ['document'],
  ...Object.fromEntries([...blockElements].map(([name, e]) => [name, e.parents])),
  li: ['ul', 'ol'],
  caption: ['table'],
  thead: ['table'],
  tbody: ['table'],
  tr: ['table', 'thead', 'tbody'],
  th: ['tr'],
  td: ['tr'],
  // An image stands as a block (a figure without a caption), in a figure, or in the running header (a logo).
  img: ['document', 'cover', 'figure', 'header'],
  figcaption: ['figure'],
};
const INLINE_HOSTS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'li',
  'caption',
  'figcaption',
  'th',
  'td',
  'header',
  'footer',
  'classification',
  'span',
  'b',
  'note',
  'bdi',
]);
/** Elements that take `dir`: every block, and the inline isolates. */
const DIRECTED = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'table', 'aside', 'span', 'bdi']);
const DIRS: readonly string[] = ['ltr', 'rtl', 'auto'];
/** The isolate each `dir` opens (LRI, RLI, FSI); PDI closes it. */
const ISOLATES: Record<string, string> = { ltr: '\u2066', rtl: '\u2067', auto: '\u2068' };
const PDI = '\u2069';
const CALLOUTS: readonly CalloutVariant[] = ['summary', 'key-figure', 'quote'];
/** Glued to the word before a note's marker: no line starts with a marker (UAX #14 WJ). */
const WORD_JOINER = '\u2060';

/**
 * Between two note markers side by side, so that 1 and 2 never read as 12. In right-to-left text
 * the Arabic comma follows a right-to-left mark: a comma alone between two numbers would join them
 * into one number run (UAX #9 W4), set left to right with the second marker first for a
 * right-to-left reader; after the mark it is a neutral between right-to-left text and the markers
 * keep their order from the right.
 */
const markerSeparator = (ltr: boolean): string => (ltr ? ',' : '\u200F\u060C');
const ATTRIBUTES: Record<string, readonly string[]> = {
  document: ['title', 'author', 'subject', 'keywords', 'lang', 'short-title', 'date'],
  classification: ['level'],
  'back-page': [],
  table: ['class', 'columns'],
  th: ['class', 'colspan', 'scope'],
  td: ['class', 'colspan'],
  span: ['class', 'lang'],
  note: [],
  bdi: [],
  toc: ['title'],
  img: IMAGE_ATTRIBUTES,
};
const DEFAULT_ATTRIBUTES = ['class'];
/** More columns than this could not be read on a page (and a huge colspan would exhaust memory). */
const MAX_COLUMNS = 50;

interface Open {
  name: string;
  attrs: Attrs;
  src: string;
  inlines?: Inline[];
  rows?: Row[];
  block?: Block /** Opened a left-to-right isolate: its text keeps its digits. */;
  ltr?: boolean;
}

export interface ParseOptions {
  /** Name for messages when a tag carries no data-src. */
  source?: string;
  /** Text transform applied to Arabic text (e.g. digit shaping). */
  transformText?: (text: string, lang: string | undefined) => string;
}

export function parseMarkup(markup: string, options: ParseOptions = {}): DocumentTree {
  const source = options.source ?? 'markup';
  const transform = options.transformText ?? (t => t);
  const stack: Open[] = [];
  let meta: DocumentMeta | undefined;
  let header: Inline[] | undefined;
  let headerImage: Image | undefined;
  let footer: Inline[] | undefined;
  let classification: Classification | undefined;
  const cover: Block[] = [];
  let backPage: Block[] | undefined;
  const body: Block[] = [];
  let table: { table: Table; section: 'head' | 'body' } | undefined;
  let error: InputError | undefined;
  const notes: Note[] = [];
  const tocs: Toc[] = [];
  let anchors = 0;
  // Text inside a left-to-right isolate (an address, a URL, a phone number) keeps its digits;
  // htmlparser2 hands text over in pieces (split at entities), so the depth is kept across them.
  let ltrDepth = 0;
  const transformOutsideLtr = (text: string, lang: string | undefined): string => {
    let out = '',
      plain = '';
    for (const ch of text) {
      if (ltrDepth === 0 && ch !== ISOLATES.ltr) {
        plain += ch;
        continue;
      }
      out += transform(plain, lang) + ch;
      plain = '';
      if (ch === PDI) ltrDepth--;
      else if (/[\u2066-\u2068]/.test(ch)) ltrDepth++;
    }
    return out + transform(plain, lang);
  };

  const lineAt = (index: number) => markup.slice(0, index).split('\n').length;
  const fail = (src: string, message: string) => {
    if (!error) error = new InputError(`${src}: ${message}`);
  };
  const top = () => stack[stack.length - 1];
  const inlineTarget = (): Inline[] | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].inlines) return stack[i].inlines;
    return undefined;
  };
  const inlineStyle = () => {
    let bold = false,
      className: string | undefined,
      lang: string | undefined;
    for (const o of stack) {
      if (o.name === 'b' || o.name === 'th') bold = true;
      if (o.name === 'span') {
        className = o.attrs.class ?? className;
        lang = o.attrs.lang ?? lang;
      }
    }
    return { bold, className, lang };
  };
  const container = (): Block[] => {
    const aside = stack.find(o => o.block?.kind === 'aside')?.block as Aside | undefined;
    if (aside) return aside.blocks as Block[];
    if (stack.some(o => o.name === 'cover')) return cover;
    return stack.some(o => o.name === 'back-page') ? (backPage ??= []) : body;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (error) return;
        const { 'data-src': dataSrc, ...attrs } = attribs;
        const src = dataSrc ?? `${source}:${lineAt(parser.startIndex)}`;
        if (!KNOWN.has(name)) return fail(src, `unknown element <${name}>; allowed: ${[...KNOWN].sort().join(', ')}`);
        const parent = top()?.name ?? '';
        const allowedParents = PARENTS[name];
        if (allowedParents && !allowedParents.includes(parent)) {
          const where = parent ? `inside <${parent}>` : 'at the top level';
          return fail(
            src,
            `<${name}> is not allowed ${where}${name === 'tr' || name === 'td' || name === 'th' ? ' (table rows and cells belong in a <table>)' : ''}`,
          );
        }
        if (!allowedParents && !INLINE_HOSTS.has(parent))
          return fail(src, `<${name}> is inline and cannot stand directly inside <${parent || 'the top level'}>`);
        const allowedAttrs = ATTRIBUTES[name] ?? DEFAULT_ATTRIBUTES;
        const attrNames = DIRECTED.has(name) ? [...allowedAttrs, 'dir'] : allowedAttrs;
        for (const a of Object.keys(attrs))
          if (!attrNames.includes(a)) return fail(src, `<${name}> has no attribute "${a}"; allowed: ${attrNames.join(', ') || 'none'}`);
        if (attrs.dir !== undefined && !DIRS.includes(attrs.dir)) return fail(src, `<${name} dir="${attrs.dir}">: dir must be ltr, rtl or auto`);
        const dir = attrs.dir as Dir | undefined;
        const open: Open = { name, attrs, src };
        const cls = attrs.class || undefined;
        switch (name) {
          case 'document':
            if (meta) return fail(src, 'only one <document> is allowed');
            if (!attrs.title) return fail(src, '<document> needs a title attribute');
            meta = {
              title: attrs.title,
              author: attrs.author || undefined,
              subject: attrs.subject || undefined,
              keywords: attrs.keywords || undefined,
              lang: attrs.lang || 'ar',
              shortTitle: attrs['short-title'] || undefined,
              date: attrs.date || undefined,
            };
            break;
          case 'header':
          case 'footer':
            open.inlines = [];
            break;
          case 'classification':
            if (classification) return fail(src, 'only one <classification> is allowed');
            if (!/^[a-z][a-z0-9-]*$/.test(attrs.level ?? ''))
              return fail(src, '<classification> needs a level attribute naming a level of the theme, e.g. level="official"');
            open.inlines = [];
            break;
          case 'back-page':
            if (backPage) return fail(src, 'only one <back-page> is allowed');
            backPage = [];
            break;
          case 'h1':
          case 'h2':
          case 'h3':
            open.inlines = [];
            open.block = { kind: 'heading', level: Number(name[1]) as 1 | 2 | 3, inlines: open.inlines, className: cls, src, dir };
            if (name !== 'h3' && container() === body) (open.block as Heading).anchor = `heading-${++anchors}`;
            break;
          case 'p':
            open.inlines = [];
            open.block = { kind: 'paragraph', inlines: open.inlines, className: cls, src, dir };
            break;
          case 'ul':
          case 'ol':
            open.block = { kind: 'list', ordered: name === 'ol', items: [], className: cls, src, dir };
            break;
          case 'li':
            open.inlines = [];
            break;
          case 'table': {
            if (table) return fail(src, 'tables cannot be nested');
            const columns = attrs.columns
              ? attrs.columns
                  .split(/[\s,]+/)
                  .filter(Boolean)
                  .map(Number)
              : undefined;
            if (
              columns &&
              (columns.some(c => !(c > 0)) || !columns.length || !Number.isFinite(columns.reduce((a, b) => a + b, 0)) || columns.length > MAX_COLUMNS)
            ) {
              return fail(
                src,
                `<table columns="${attrs.columns}">: columns must be up to ${MAX_COLUMNS} positive numbers (relative widths, first column first)`,
              );
            }
            const t: Table = {
              kind: 'table',
              className: cls,
              src,
              dir,
              head: [],
              body: [],
              columns: columns?.map(c => c / columns.reduce((a, b) => a + b, 0)),
            };
            open.block = t;
            table = { table: t, section: 'body' };
            break;
          }
          case 'thead':
            table!.section = 'head';
            break;
          case 'tbody':
            table!.section = 'body';
            break;
          case 'caption':
            open.inlines = [];
            break;
          case 'tr':
            open.rows = [];
            (table!.section === 'head' ? table!.table.head : table!.table.body).push({ cells: [], className: cls });
            break;
          case 'th':
          case 'td': {
            const colspan = attrs.colspan ? Number(attrs.colspan) : 1;
            if (!Number.isInteger(colspan) || colspan < 1 || colspan > MAX_COLUMNS)
              return fail(src, `<${name} colspan="${attrs.colspan}">: colspan must be a whole number from 1 to ${MAX_COLUMNS}`);
            if (attrs.scope && !['row', 'col'].includes(attrs.scope)) return fail(src, `<th scope="${attrs.scope}">: scope must be row or col`);
            open.inlines = [];
            const t = table!.table;
            const rows = table!.section === 'head' ? t.head : t.body;
            const cell: Cell = {
              inlines: open.inlines,
              header: name === 'th',
              colspan,
              className: cls,
              scope: name === 'th' ? (attrs.scope === 'row' ? 'Row' : 'Column') : undefined,
            };
            const row = rows[rows.length - 1];
            if (row.cells.reduce((n, c) => n + c.colspan, colspan) > MAX_COLUMNS) return fail(src, `a table row may span at most ${MAX_COLUMNS} columns`);
            row.cells.push(cell);
            break;
          }
          case 'aside': {
            if (!CALLOUTS.includes(attrs.class as CalloutVariant))
              return fail(src, `<aside> needs class="${CALLOUTS.join('|')}"${attrs.class ? `, not "${attrs.class}"` : ''}`);
            open.block = { kind: 'aside', variant: attrs.class as CalloutVariant, blocks: [], src, dir };
            break;
          }
          case 'figure':
            open.block = { kind: 'figure', image: undefined as unknown as Image, className: cls, src };
            break;
          case 'figcaption': {
            const figure = top().block as Figure;
            if (figure.caption) return fail(src, 'a <figure> holds one <figcaption>');
            figure.caption = [];
            open.inlines = figure.caption;
            break;
          }
          case 'img': {
            const image = readImage(attrs, src, parent === 'header');
            if (typeof image === 'string') return fail(src, image);
            if (parent === 'header') {
              if (headerImage) return fail(src, 'the running header holds one <img>');
              headerImage = image;
            } else if (parent === 'figure') {
              const figure = top().block as Figure;
              if (figure.image) return fail(src, 'a <figure> holds one <img>');
              figure.image = image;
            } else container().push({ kind: 'figure', image, src });
            break;
          }
          case 'toc': {
            const toc: Toc = { kind: 'toc', entries: [], src, ...(attrs.title ? { title: [{ text: transform(attrs.title, undefined), bold: false }] } : {}) };
            tocs.push(toc);
            body.push(toc);
            break;
          }
          case 'span':
          case 'bdi':
            if (name === 'bdi' || dir) {
              inlineTarget()?.push({ text: ISOLATES[dir ?? 'auto'], bold: false });
              if (dir === 'ltr' || ltrDepth > 0) {
                ltrDepth++;
                open.ltr = true;
              }
            }
            break;
          case 'note': {
            if (!stack.some(o => o.name === 'p' || o.name === 'li') || stack.some(o => ['note', 'aside', 'cover', 'back-page'].includes(o.name))) {
              return fail(
                src,
                '<note> belongs in the text of a body paragraph or list item (not in a heading, table, callout, the cover, the back page or another note)',
              );
            }
            const note: Note = { number: notes.length + 1, inlines: [], src };
            notes.push(note);
            const target = inlineTarget();
            const number = transform(String(note.number), undefined);
            target?.push({
              text: WORD_JOINER + (target.at(-1)?.note ? markerSeparator(ltrDepth > 0 || stack.some(o => o.block?.dir === 'ltr')) : '') + number,
              bold: false,
              note,
            });
            open.inlines = note.inlines;
            break;
          }
          case 'br':
            inlineTarget()?.push({ text: '\n', bold: false });
            break;
          case 'page-number':
          case 'page-count': {
            if (!stack.some(o => o.name === 'header' || o.name === 'footer')) return fail(src, `<${name}/> belongs in <header> or <footer>`);
            inlineTarget()?.push({ text: '', bold: false, field: name === 'page-number' ? 'page' : 'pages' });
            break;
          }
        }
        if (!VOID.has(name)) stack.push(open);
        if (name === 'page-break') body.push({ kind: 'page-break', src });
        if (name === 'hr') container().push({ kind: 'rule', src });
      },
      ontext(text) {
        if (error) return;
        const target = inlineTarget();
        if (!target) {
          if (text.trim())
            fail(`${stack[stack.length - 1]?.src ?? source}`, `text "${text.trim().slice(0, 40)}" is outside any paragraph, heading, list item or cell`);
          return;
        }
        const style = inlineStyle();
        target.push({ text: transformOutsideLtr(text, style.lang), ...style });
      },
      onclosetag(name, implied) {
        if (error || VOID.has(name)) return;
        const open = stack.pop();
        if (!open || open.name !== name) return fail(open?.src ?? source, `</${name}> does not close <${open?.name ?? 'anything'}>`);
        if (implied && !['li', 'td', 'th', 'tr', 'p'].includes(name)) return fail(open.src, `<${name}> is not closed`);
        switch (name) {
          case 'header':
            header = open.inlines;
            break;
          case 'footer':
            footer = open.inlines;
            break;
          case 'classification': {
            const inlines = normalize(open.inlines!);
            if (!inlines.length) return fail(open.src, '<classification> is empty: it holds the wording of the level');
            classification = { level: open.attrs.level, inlines, src: open.src };
            break;
          }
          case 'back-page':
            if (!backPage?.length) return fail(open.src, '<back-page> is empty');
            break;
          case 'li': {
            const list = stack[stack.length - 1].block;
            if (list?.kind === 'list') list.items.push(normalize(open.inlines!));
            break;
          }
          case 'caption':
            if (table) table.table.caption = normalize(open.inlines!);
            break;
          case 'thead':
          case 'tbody':
            if (table) table.section = 'body';
            break;
          case 'table': {
            const t = table!.table;
            const widest = Math.max(0, ...[...t.head, ...t.body].map(r => r.cells.reduce((n, c) => n + c.colspan, 0)));
            if (t.columns && widest > t.columns.length)
              return fail(open.src, `<table columns="${open.attrs.columns}"> declares ${t.columns.length} columns, but a row spans ${widest}`);
            table = undefined;
            break;
          }
          case 'span':
          case 'bdi':
            if (name === 'bdi' || open.attrs.dir) inlineTarget()?.push({ text: PDI, bold: false });
            if (open.ltr) ltrDepth--;
            break;
          case 'note':
          case 'figcaption':
            open.inlines!.splice(0, Infinity, ...normalize(open.inlines!));
            break;
          case 'figure':
            if (!(open.block as Figure).image) return fail(open.src, '<figure> needs an <img> (and may hold a <figcaption>)');
            break;
          case 'aside': {
            const aside = open.block as Aside;
            if (!aside.blocks.length) return fail(open.src, `<aside class="${aside.variant}"> is empty`);
            if (aside.variant === 'key-figure' && (aside.blocks.length < 2 || aside.blocks.some(b => b.kind !== 'paragraph'))) {
              return fail(open.src, '<aside class="key-figure"> holds two or more <p>: the figure, then its label');
            }
            for (const b of aside.blocks) b.dir ??= aside.dir;
            break;
          }
        }
        if (open.block) {
          if (open.block.kind === 'heading' || open.block.kind === 'paragraph') open.block.inlines = normalize(open.block.inlines);
          container().push(open.block);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  if (error) throw error;
  if (stack.length) throw new InputError(`${stack[stack.length - 1].src}: <${stack[stack.length - 1].name}> is not closed`);
  if (!meta) throw new InputError(`${source}: the markup has no <document title="…"> root element`);
  const blocks = cover.length + body.length + (backPage?.length ?? 0);
  if (blocks > MAX_BLOCKS) throw new InputError(`${source}: the document has ${blocks} blocks; at most ${MAX_BLOCKS} are allowed`);
  const headings = body.filter((b): b is Heading & { anchor: string } => b.kind === 'heading' && b.anchor !== undefined);
  for (const toc of tocs) toc.entries = headings.map(h => ({ level: h.level as 1 | 2, inlines: h.inlines, anchor: h.anchor }));
  return {
    meta,
    header: header && normalize(header),
    ...(headerImage ? { headerImage } : {}),
    footer: footer && normalize(footer),
    ...(classification ? { classification } : {}),
    cover,
    body,
    ...(backPage ? { backPage } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** Collapses white space the way HTML does: runs of spaces become one, edges are trimmed. */
function normalize(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const text = i.text === '\n' ? '\n' : i.text.replace(/[ \t\r\n]+/g, ' ');
    const prev = out[out.length - 1];
    if (i.note && prev) prev.text = prev.text.replace(/ +$/, '');
    if (prev && !prev.field && !i.field && !prev.note && !i.note && prev.bold === i.bold && prev.className === i.className && prev.lang === i.lang)
      prev.text += text;
    else out.push({ ...i, text });
  }
  for (let k = 0; k < out.length; k++) {
    const prevText = k > 0 ? out[k - 1].text : '\n';
    if (/[ \n]$/.test(prevText)) out[k].text = out[k].text.replace(/^ /, '');
  }
  for (const i of out) i.text = i.text.replace(/ \n/g, '\n');
  while (out.length && !out[0].field && !out[0].text.trim()) out.shift();
  while (out.length && !out[out.length - 1].field && !out[out.length - 1].text.trim()) out.pop();
  if (out.length) {
    const last = out[out.length - 1];
    if (!last.field) last.text = last.text.replace(/\s+$/, '');
  }
  return out;
}
