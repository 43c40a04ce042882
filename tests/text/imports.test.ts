// Modules depend on one another one way only: no import cycle in src/ (type imports included), so
// each stage can be read and tested without the ones after it; the text engine's stages in
// particular never reach back to the paragraph driver.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const dir = path.join(repoRoot, 'src/text');

function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const local = [...source.matchAll(/from '\.\/([\w-]+)\.js'/g)].map(m => `${m[1]}.ts`);
    out.set(file, [...new Set(local)]);
  }
  return out;
}

/** Every cycle found by depth-first search, as the files along it. */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of g.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return found;
}

/** Every module of src/ (path from src/) and the modules it imports, relative imports resolved. */
function sourceGraph(): Map<string, string[]> {
  const src = path.join(repoRoot, 'src');
  const out = new Map<string, string[]>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      const source = fs.readFileSync(file, 'utf8');
      const deps = [...source.matchAll(/(?:from|import\()\s*'(\.\.?\/[^']+)\.js'/g)].map(m => path.relative(src, path.join(path.dirname(file), `${m[1]}.ts`)));
      out.set(path.relative(src, file), [...new Set(deps)]);
    }
  };
  walk(src);
  return out;
}

describe('src imports', () => {
  it('has no cycle anywhere in src/', () => {
    const g = sourceGraph();
    expect(g.get('index.ts')).toEqual(expect.arrayContaining(['context.ts', 'layout/flow.ts', 'render/pdf.ts']));
    expect(cycles(g).map(c => c.join(' → '))).toEqual([]);
  });
});

describe('src/text imports', () => {
  it('has no cycle', () => {
    const g = graph();
    expect(g.get('paragraph.ts')).toEqual(expect.arrayContaining(['itemize.ts', 'shape.ts', 'break.ts', 'justify.ts', 'place.ts']));
    expect(cycles(g).map(c => c.join(' → '))).toEqual([]);
  });

  it('no stage imports the paragraph driver or the engine', () => {
    const g = graph();
    const offenders = [...g].filter(
      ([file, deps]) => file !== 'paragraph.ts' && (deps.includes('paragraph.ts') || (file !== 'engine.ts' && deps.includes('engine.ts'))),
    );
    expect(offenders.map(([file]) => file)).toEqual([]);
  });
});
