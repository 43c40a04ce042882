// data/brief.schema.json and the Brief types describe the same shape: same property names, same
// required ones. The key lists below are checked against the types by the compiler (`satisfies`:
// a missing, extra or wrongly optional key is a type error) and against the schema at run time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief, Delegation, Member, Section, Source, Summit } from '../../src/data/brief.js';
import { schemaPath } from '../../src/data/load.js';
import { packageRoot } from '../../src/package-root.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Keys<T> = { [K in keyof T]-?: K extends RequiredKeys<T> ? 'required' : 'optional' };

const shapes = {
  '': {
    $schema: 'optional', title: 'required', shortTitle: 'required', subtitle: 'optional', issuer: 'required',
    reference: 'optional', classification: 'optional', issued: 'required', keywords: 'optional', summit: 'required',
    sources: 'optional', summary: 'required', sections: 'required', delegations: 'required', keyPoints: 'required',
    source: 'required',
  } satisfies Keys<Brief>,
  '/summit': { date: 'required', place: 'required', goals: 'required', programme: 'optional' } satisfies Keys<Summit>,
  '/sources[]': { name: 'required', latin: 'optional' } satisfies Keys<Source>,
  '/sections[]': { heading: 'required', paragraphs: 'required' } satisfies Keys<Section>,
  '/delegations[]': { side: 'required', members: 'required' } satisfies Keys<Delegation>,
  '/delegations[]/members[]': { name: 'required', latin: 'optional', role: 'required' } satisfies Keys<Member>,
};

interface SchemaNode {
  type?: string; description?: string; properties?: Record<string, SchemaNode>; required?: string[];
  additionalProperties?: boolean; items?: SchemaNode; minLength?: number; format?: string;
}

const schema = JSON.parse(fs.readFileSync(schemaPath(), 'utf8')) as SchemaNode & { $schema: string };

/** The schema node of a path like "/delegations[]/members[]". */
function nodeAt(p: string): SchemaNode {
  let node: SchemaNode = schema;
  for (const part of p.split('/').slice(1)) {
    const array = part.endsWith('[]');
    node = node.properties![array ? part.slice(0, -2) : part];
    if (array) node = node.items!;
  }
  return node;
}

/** Every node of the schema with its path. */
function* nodes(node: SchemaNode, p = ''): Generator<[string, SchemaNode]> {
  yield [p, node];
  for (const [k, child] of Object.entries(node.properties ?? {})) yield* nodes(child, `${p}/${k}`);
  if (node.items) yield* nodes(node.items, `${p}[]`);
}

describe('data/brief.schema.json', () => {
  it('is found in the package data folder', () => {
    expect(schemaPath()).toBe(path.join(packageRoot(), 'data', 'brief.schema.json'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(Object.entries(shapes))('object %s has the properties and required list of its type', (p, shape) => {
    const node = nodeAt(p);
    expect(node.type).toBe('object');
    expect(node.additionalProperties).toBe(false);
    expect(Object.keys(node.properties ?? {}).sort()).toEqual(Object.keys(shape).sort());
    expect([...(node.required ?? [])].sort()).toEqual(Object.entries(shape).filter(([, r]) => r === 'required').map(([k]) => k).sort());
  });

  it('describes every property, forbids unknown ones everywhere, and allows no empty strings', () => {
    const objects: string[] = [];
    for (const [p, node] of nodes(schema)) {
      expect(node.description, p).toMatch(/\S/);
      if (node.type === 'object') { objects.push(p); expect(node.additionalProperties, p).toBe(false); }
      if (node.type === 'string') expect(node.minLength === 1 || node.format === 'date', p).toBe(true);
    }
    expect(objects.sort()).toEqual(Object.keys(shapes).sort());
  });

  it('takes dates as YYYY-MM-DD', () => {
    expect(nodeAt('/summit').properties!.date.format).toBe('date');
    expect(schema.properties!.issued.format).toBe('date');
  });
});
