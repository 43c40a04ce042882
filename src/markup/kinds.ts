// The block kinds of the document tree as the markup knows them: which elements make each kind,
// where they may stand and which inline texts a block holds. The type makes the table cover
// every kind of `Block`, so a new kind cannot be parsed, or skipped by a walk, by oversight.
import type { Block, Inline } from './tree.js';

export type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Where a block element may stand: the body, the cover, the back page or a callout box. */
export type BlockParent = 'document' | 'cover' | 'back-page' | 'aside';

export interface MarkupKind<B extends Block> {
  /** Elements that make a block of this kind. */
  readonly elements: readonly string[];
  readonly parents: readonly BlockParent[];
  /** Elements with no content (written `<hr/>`). */
  readonly empty: boolean;
  /** Every run of inline text the block holds, in reading order. */
  texts(block: B): readonly (readonly Inline[])[];
}

/** A table with an entry for every kind of block, each a function of that kind's block. */
export type MarkupKindTable = { [K in Block['kind']]: MarkupKind<BlockOf<K>> };

const anywhere: readonly BlockParent[] = ['document', 'cover', 'back-page'];
const inBoxes: readonly BlockParent[] = [...anywhere, 'aside'];
/** A run of text and the texts of the notes it holds. */
const withNotes = (texts: readonly (readonly Inline[])[]) => [...texts, ...texts.flatMap(t => t.flatMap(i => (i.note ? [i.note.inlines] : [])))];

export const markupKinds = {
  heading: { elements: ['h1', 'h2', 'h3'], parents: inBoxes, empty: false, texts: b => [b.inlines] },
  paragraph: { elements: ['p'], parents: inBoxes, empty: false, texts: b => withNotes([b.inlines]) },
  list: { elements: ['ul', 'ol'], parents: inBoxes, empty: false, texts: b => withNotes(b.items) },
  table: {
    elements: ['table'],
    parents: anywhere,
    empty: false,
    texts: b => [...(b.caption ? [b.caption] : []), ...[...b.head, ...b.body].flatMap(row => row.cells.map(cell => cell.inlines))],
  },
  // A page break in the cover would make it two pages, which it must never be.
  'page-break': { elements: ['page-break'], parents: ['document'], empty: true, texts: () => [] },
  rule: { elements: ['hr'], parents: anywhere, empty: true, texts: () => [] },
  aside: { elements: ['aside'], parents: ['document'], empty: false, texts: b => b.blocks.flatMap(blockTexts) },
  // The entries are the headings' own texts, checked with them.
  toc: { elements: ['toc'], parents: ['document'], empty: true, texts: b => (b.title ? [b.title] : []) },
  // A bare <img> standing as a block is a figure too (parse.ts makes it one); its alt is not drawn.
  figure: { elements: ['figure'], parents: anywhere, empty: false, texts: b => (b.caption ? [b.caption] : []) },
} satisfies MarkupKindTable;

/** The inline texts of any block, through its kind's entry. */
export function blockTexts(block: Block): readonly (readonly Inline[])[] {
  // The table pairs each kind with a function of that kind's block, which TypeScript cannot follow through an index.
  return (markupKinds[block.kind] as MarkupKind<Block>).texts(block);
}

/** Every block element, with where it may stand and whether it is empty. */
export const blockElements: ReadonlyMap<string, { parents: readonly BlockParent[]; empty: boolean }> = new Map(
  Object.values(markupKinds).flatMap((k: MarkupKind<never>) => k.elements.map(name => [name, { parents: k.parents, empty: k.empty }] as const)),
);
