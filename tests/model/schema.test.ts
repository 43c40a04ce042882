// data/brief.schema.json and the Brief types describe the same shape. The key lists below are
// checked against the types by the compiler (`satisfies`: a missing, extra or wrongly optional key
// is a type error) and against the schema at run time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Author, Brief, Fact, Issuer, Person, Subsection } from '../../src/data/brief.js';
import { schemaPath } from '../../src/data/load.js';
import { packageRoot } from '../../src/package-root.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Keys<T> = { [K in keyof T]-?: K extends RequiredKeys<T> ? 'required' : 'optional' };

interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  minLength?: number;
  format?: string;
  oneOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
}

const schema = JSON.parse(fs.readFileSync(schemaPath(), 'utf8')) as SchemaNode & { $schema: string };
const defs = schema.definitions!;
const branch = (type: string): SchemaNode => defs.block.oneOf!.find(b => b.properties!.type.const === type)!;

const shapes: [string, SchemaNode, Record<string, string>][] = [
  [
    'brief',
    schema,
    {
      $schema: 'optional',
      title: 'required',
      subtitle: 'optional',
      shortTitle: 'optional',
      series: 'optional',
      issuer: 'optional',
      classification: 'optional',
      reference: 'optional',
      issued: 'optional',
      language: 'optional',
      direction: 'optional',
      authors: 'optional',
      keywords: 'optional',
      cover: 'optional',
      labels: 'optional',
      custom: 'optional',
      mail: 'optional',
      backPage: 'optional',
      theme: 'optional',
      blocks: 'required',
    } satisfies Keys<Brief>,
  ],
  [
    'issuer',
    schema.properties!.issuer,
    {
      name: 'required',
      department: 'optional',
      logo: 'optional',
      address: 'optional',
      contact: 'optional',
      phone: 'optional',
      email: 'optional',
      url: 'optional',
    } satisfies Keys<Issuer>,
  ],
  ['author', schema.properties!.authors.items!, { name: 'required', role: 'optional' } satisfies Keys<Author>],
  ['fact', branch('facts').properties!.items.items!, { label: 'required', value: 'required', unit: 'optional' } satisfies Keys<Fact>],
  [
    'person',
    branch('roster').properties!.groups.items!.properties!.members.items!,
    { name: 'required', latin: 'optional', role: 'optional' } satisfies Keys<Person>,
  ],
  ['subsection', defs.subsection, { title: 'required', paragraphs: 'optional', sections: 'optional' } satisfies Keys<Subsection>],
];

const BLOCK_TYPES = [
  'summary',
  'facts',
  'table',
  'roster',
  'key-points',
  'recommendations',
  'quotation',
  'programme',
  'timeline',
  'section',
  'sources',
  'figure',
  'callout',
  'contents',
];

/** Every node of the schema with its path. */
function* nodes(node: SchemaNode, p: string): Generator<[string, SchemaNode]> {
  yield [p, node];
  for (const [k, child] of Object.entries(node.properties ?? {})) yield* nodes(child, `${p}/${k}`);
  if (node.items) yield* nodes(node.items, `${p}[]`);
  for (const [i, child] of (node.oneOf ?? []).entries()) yield* nodes(child, `${p}<${i}>`);
  for (const [k, child] of Object.entries(node.definitions ?? {})) yield* nodes(child, `#${k}`);
}

describe('data/brief.schema.json', () => {
  it('is draft-07, in the package data folder', () => {
    expect(schemaPath()).toBe(path.join(packageRoot(), 'data', 'brief.schema.json'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(shapes)('%s has the properties and required list of its type', (_, node, shape) => {
    expect(node.additionalProperties).toBe(false);
    expect(Object.keys(node.properties ?? {}).sort()).toEqual(Object.keys(shape).sort());
    expect([...(node.required ?? [])].sort()).toEqual(
      Object.entries(shape)
        .filter(([, r]) => r === 'required')
        .map(([k]) => k)
        .sort(),
    );
  });

  it('requires only the title and one block', () => {
    expect(schema.required).toEqual(['title', 'blocks']);
    expect(schema.properties!.blocks).toMatchObject({ type: 'array', minItems: 1 });
  });

  it("has one branch per block type, each with an optional title (the section's is its heading)", () => {
    expect(defs.block.oneOf!.map(b => b.properties!.type.const)).toEqual(BLOCK_TYPES);
    for (const b of defs.block.oneOf!) {
      expect(b.required).toContain('type');
      expect(b.properties!.title, String(b.properties!.type.const)).toMatchObject({ type: 'string', minLength: 1 });
      expect(b.required!.includes('title')).toBe(b.properties!.type.const === 'section');
    }
  });

  it('describes every node, forbids unknown properties (but in "custom", a template folder\'s own), and allows no empty strings', () => {
    for (const [p, node] of nodes(schema, '')) {
      if (node.$ref) continue;
      expect(node.description, p).toMatch(/\S/);
      const types = [node.type ?? []].flat();
      if (types.includes('object') && p !== '/custom' && p !== '#block') expect(node.additionalProperties, p).toBe(false);
      if (types.includes('string') && !node.enum && node.const === undefined) expect(node.minLength === 1 || node.format === 'date', p).toBe(true);
    }
  });
});
