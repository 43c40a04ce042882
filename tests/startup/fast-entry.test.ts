// The fast entry point of `npm run brief` (scripts/brief.sh starting the CLI from its V8 startup
// snapshot) against the plain build (node build/src/cli.js): the same PDF bytes, messages and exit
// codes; and the plain build taking over whenever the snapshot cannot serve a run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, cleanup, minimal, repoRoot, summit, tempDir, write, type Run } from '../input/cli.js';

const BLOB = path.join(repoRoot, 'build/fast/brief.blob');

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(env), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const fast = (args: string[], root = repoRoot, env: Record<string, string> = {}) => run('sh', [path.join(root, 'scripts/brief.sh'), ...args], root, env);
const plain = (args: string[], root = repoRoot, env: Record<string, string> = {}) =>
  run(process.execPath, [path.join(root, 'build/src/cli.js'), ...args], root, env);
/** The V8 flags the snapshot was built with, which it must be started with (scripts/node-flags). */
const snapshotFlags = (): string[] => fs.readFileSync(path.join(repoRoot, 'build/fast/brief.flags'), 'utf8').split(/\s+/).filter(Boolean);
const snapshot = (args: string[]) => run(process.execPath, [...snapshotFlags(), '--snapshot-blob', BLOB, '--', ...args], repoRoot);

afterAll(cleanup);

/** A copy of the package (node_modules linked) in a new folder, for runs that must not see the original. */
function copyOfPackage(): string {
  const dir = path.join(tempDir('mowjaz-moved-'), 'mowjaz');
  for (const f of ['package.json', 'build', 'data', 'templates', 'fonts', 'scripts']) fs.cpSync(path.join(repoRoot, f), path.join(dir, f), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

describe('fast entry point', () => {
  it('is built by the build for this Node', () => {
    expect(fs.existsSync(BLOB)).toBe(true);
    expect(fs.readFileSync(path.join(repoRoot, 'build/fast/brief.node'), 'utf8').trim()).toBe(process.version);
    // Built under the flags scripts/brief.sh gives the plain build too.
    expect(snapshotFlags()).toEqual(fs.readFileSync(path.join(repoRoot, 'scripts/node-flags'), 'utf8').split(/\s+/).filter(Boolean));
  });

  it('writes the summit brief byte for byte as the plain build, with the same output and exit code', () => {
    const dir = tempDir('mowjaz-fast-');
    const a = path.join(dir, 'fast', 'summit.pdf'),
      b = path.join(dir, 'plain', 'summit.pdf');
    const rf = fast(['--out', a]),
      rp = plain(['--out', b]),
      rs = snapshot(['--out', a]);
    for (const r of [rf, rp, rs]) expect(r.code, r.stderr).toBe(0);
    expect(rf.stderr).toBe(rp.stderr);
    expect(rf.stdout.replace(a, b)).toBe(rp.stdout);
    expect(rs.stdout).toBe(rf.stdout);
    const bytes = fs.readFileSync(a);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.equals(fs.readFileSync(b))).toBe(true);
  });

  it('gives the same messages and exit codes on bad input and bad options', () => {
    const dir = tempDir('mowjaz-fast-');
    const out = path.join(dir, 'out.pdf');
    const badJson = write(dir, 'bad.json', '{"title": "x",\n  "summary": }\n');
    const cases: string[][] = [
      [badJson, '--out', out],
      [path.join(repoRoot, 'tests/data/fixtures/role-not-string.json'), '--out', out],
      [write(dir, 'emoji.json', { ...summit(), title: 'قمة 😀' }), '--out', out],
      [path.join(dir, 'missing.json'), '--out', out],
      ['--papr', 'letter'],
      ['--paper', 'folio', '--out', out],
      ['--out', path.join(dir, 'brief.txt')],
      ['--version'],
      ['--help'],
    ];
    for (const args of cases) {
      const f = fast(args),
        p = plain(args);
      expect({ args, code: f.code, stdout: f.stdout, stderr: f.stderr }).toEqual({ args, code: p.code, stdout: p.stdout, stderr: p.stderr });
      if (!args.includes('--version') && !args.includes('--help')) expect(f.code, f.stderr).toBe(2);
      expect(fs.existsSync(out)).toBe(false);
    }
    // Options npm kept for itself reach the CLI only as npm_config_* variables.
    const env = { npm_lifecycle_event: 'brief', npm_config_paper: 'true' };
    const f = fast(['letter'], repoRoot, env),
      p = plain(['letter'], repoRoot, env);
    expect(f).toEqual(p);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(
      'mowjaz: npm took --paper letter as its own option and did not pass it on: put options for the brief after --, as in: npm run brief -- --paper letter\n',
    );
  });
});

describe('fallback to the plain build', () => {
  it('several data files (worker threads): the plain build renders the batch, same files and output', () => {
    const dir = tempDir('mowjaz-fast-');
    const files = ['one', 'two', 'three'].map(n => write(dir, `${n}.json`, minimal()));
    const f = fast([...files, '--out-dir', path.join(dir, 'fast'), '--jobs', '2']);
    const p = plain([...files, '--out-dir', path.join(dir, 'plain'), '--jobs', '2']);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stderr).toBe(p.stderr);
    expect(f.stdout.replaceAll(path.join(dir, 'fast'), path.join(dir, 'plain'))).toBe(p.stdout);
    for (const n of ['one', 'two', 'three']) {
      expect(fs.readFileSync(path.join(dir, 'fast', `${n}.pdf`)).equals(fs.readFileSync(path.join(dir, 'plain', `${n}.pdf`)))).toBe(true);
    }
  });

  it('a moved package folder: the snapshot hands the run to the plain build of the folder it is in', () => {
    const moved = copyOfPackage();
    // The copy's default data is another brief: only a run of the copy's own build renders it.
    fs.writeFileSync(path.join(moved, 'data/summit.json'), JSON.stringify(minimal()));
    const f = fast(['--out', 'a.pdf'], moved),
      p = plain(['--out', 'b.pdf'], moved);
    expect(f.code, f.stderr).toBe(0);
    expect(p.code, p.stderr).toBe(0);
    const bytes = fs.readFileSync(path.join(moved, 'a.pdf'));
    expect(bytes.equals(fs.readFileSync(path.join(moved, 'b.pdf')))).toBe(true);
    expect(f.stdout).toBe(`a.pdf: 2 pages, ${p.stdout.split(', ')[1]}`);
  });

  it('a snapshot built by another Node version, or none: the plain build, never the snapshot', () => {
    const moved = copyOfPackage();
    fs.writeFileSync(path.join(moved, 'build/fast/brief.node'), 'v0.0.0\n');
    fs.writeFileSync(path.join(moved, 'build/fast/brief.blob'), 'not a snapshot'); // would fail if it were used
    const other = fast(['--out', 'a.pdf'], moved);
    fs.rmSync(path.join(moved, 'build/fast'), { recursive: true });
    const none = fast(['--out', 'b.pdf'], moved);
    const p = plain(['--out', 'c.pdf'], moved);
    for (const r of [other, none, p]) expect(r.code, r.stderr).toBe(0);
    const c = fs.readFileSync(path.join(moved, 'c.pdf'));
    expect(fs.readFileSync(path.join(moved, 'a.pdf')).equals(c)).toBe(true);
    expect(fs.readFileSync(path.join(moved, 'b.pdf')).equals(c)).toBe(true);
  });
});
