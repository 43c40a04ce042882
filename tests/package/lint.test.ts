// The lint configuration as `npm run lint` applies it, tried on small files in a temporary folder:
// the house format passes, and each rule the project relies on fails the check when broken.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The repository: two folders above this file. */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const biome = path.join(repo, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const dirs: string[] = [];

/** Runs `biome check` with the repository's configuration on one file holding `source`. */
function check(source: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-lint-'));
  dirs.push(dir);
  const { $schema: _schema, vcs: _vcs, ...config } = JSON.parse(fs.readFileSync(path.join(repo, 'biome.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'probe.ts'), source);
  const r = spawnSync(process.execPath, [biome, 'check', '--colors=off', 'src'], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const CLEAN = `import fs from 'node:fs';

type Kind = 'a' | 'b';

export function size(kind: Kind, file: string): number {
  switch (kind) {
    case 'a':
      return fs.statSync(file).size;
    case 'b':
      return 0;
  }
}
`;

describe('npm run lint', { timeout: 60_000 }, () => {
  it('passes code in the house format', () => {
    const r = check(CLEAN);
    expect(r.output).not.toMatch(/×/);
    expect(r.status).toBe(0);
  });

  it.each([
    ['a misformatted file', CLEAN.replace("import fs from 'node:fs';", 'import fs from "node:fs"'), /src\/probe\.ts format /],
    [
      'a floating promise',
      `${CLEAN}export async function later(): Promise<void> {}\nexport function now(): void {\n  later();\n}\n`,
      'lint/nursery/noFloatingPromises',
    ],
    ['an unused import', `import path from 'node:path';\n${CLEAN}`, /src\/probe\.ts:\d+:\d+ lint\/correctness\/noUnusedImports/],
    ['an unused variable', CLEAN.replace('  switch', '  const unused = 1;\n  switch'), /src\/probe\.ts:\d+:\d+ lint\/correctness\/noUnusedVariables/],
    ['an explicit any', `${CLEAN}export const loose = (x: any): number => x;\n`, /src\/probe\.ts:\d+:\d+ lint\/suspicious\/noExplicitAny/],
    [
      'a switch missing a case',
      CLEAN.replace("    case 'b':\n      return 0;\n", '').replace('  }\n}\n', '  }\n  return 0;\n}\n'),
      'lint/nursery/useExhaustiveSwitchCases',
    ],
  ])('fails on %s', (_what, source, rule) => {
    const r = check(source);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(rule);
  });
});
