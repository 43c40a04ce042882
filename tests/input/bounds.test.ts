// Bounded input and work: only regular files are read, each up to a size limit (--max-input-size
// raises it); the markup templates expand to is limited (--max-markup-size); a run under a small
// heap ends with a message, never V8's abort. Messages are bounded too: no "did you mean" search
// for very long keys, lines cut at 400 characters, at most 100 warnings listed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, cleanup, cli, expectFailure, expectNoStack, expectNothingWritten, minimal, repoRoot, tempDir, write, type Run } from './cli.js';
import type { JsonData } from '../helpers/fixtures.js';

afterAll(cleanup);

const MB = 1024 * 1024;

/** A valid brief of about `bytes` bytes: section blocks of 10,000-character paragraphs. */
function bigBrief(bytes: number): Record<string, unknown> {
  const paragraph = 'نص عربي '.repeat(1250); // 10,000 characters, 17,500 bytes
  const data = minimal();
  const sections = Array.from({ length: Math.ceil(bytes / 17_600) }, (_, i) => ({ type: 'section', title: `قسم ${i + 1}`, paragraphs: [paragraph] }));
  return { ...data, blocks: [...data.blocks, ...sections] };
}

/** The minimal brief with its summary paragraph (blocks/1/paragraphs/0) replaced. */
function withSummary(text: string): JsonData {
  const data = minimal();
  data.blocks[1].paragraphs = [text];
  return data;
}

function badInput(run: Run, words: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(words);
  expectNoStack(run);
}

describe('only regular files are read', () => {
  it('/dev/zero, a FIFO and a folder as the data file: exit 2 at once', () => {
    const dir = tempDir('mowjaz-bounds-');
    badInput(cli(['/dev/zero', '--out', path.join(dir, 'x.pdf')]), /^mowjaz: cannot read data file \/dev\/zero: it is a character device, not a file\n$/);
    const fifo = path.join(dir, 'data.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    badInput(cli([fifo, '--out', path.join(dir, 'x.pdf')]), /cannot read data file .*data\.json: it is a FIFO \(named pipe\), not a file/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expectNothingWritten(dir);
  });

  it('a partial that is a FIFO or /dev/zero: exit 2 naming it', () => {
    const dir = tempDir('mowjaz-bounds-');
    const data = write(dir, 'brief.json', minimal());
    write(dir, 'main.hbs', '<document title="{{title}}">\n{{> endless}}\n</document>\n');
    fs.mkdirSync(path.join(dir, 'partials'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'partials', 'endless.hbs'));
    badInput(
      cli([data, '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'x.pdf')]),
      /partials\/endless\.hbs.*(character device|outside its folder)/,
    );
    expectNothingWritten(dir);
  });

  it('the specimen: /dev/zero is refused, invalid UTF-8 is named as such', () => {
    const dir = tempDir('mowjaz-bounds-');
    const zero = spawnSync(process.execPath, ['build/src/specimen.js', '/dev/zero', path.join(dir, 'x.pdf')], {
      cwd: repoRoot,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe('mowjaz: cannot read specimen text /dev/zero: it is a character device, not a file\n');
    const latin1 = write(dir, 'in.txt', Buffer.from([0x62, 0x0a, 0xe9, 0x0a]));
    const bad = spawnSync(process.execPath, ['build/src/specimen.js', latin1, path.join(dir, 'x.pdf')], {
      cwd: repoRoot,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`mowjaz: ${latin1}:2:1: the file is not valid UTF-8 text; save it as UTF-8\n`);
    expectNothingWritten(dir);
  });
});

describe('size limits', () => {
  it('a data file over 2 MB: exit 2 naming the limit and the option; --max-input-size raises it', () => {
    const big = bigBrief(2.2 * MB);
    const { stderr, file } = expectFailure(big, 2);
    expect(stderr).toBe(`mowjaz: ${file}: the data file is larger than 2 MB, the limit for one input file (--max-input-size raises it)\n`);
    const small = expectFailure(minimal(), 2, ['--max-input-size', '100']);
    expect(small.stderr).toMatch(/larger than 100 bytes/);
    expect(expectFailure(minimal(), 2, ['--max-input-size', 'lots']).stderr).toBe(
      'mowjaz: --max-input-size must be a size such as 8MB, 512KB or 100000, not "lots"\n',
    );
  });

  it('a template over the limit', () => {
    const dir = tempDir('mowjaz-bounds-');
    const data = write(dir, 'brief.json', minimal());
    const main = write(dir, 'main.hbs', `<document title="{{title}}">\n<p>${'ن'.repeat(5000)}</p>\n</document>\n`);
    badInput(cli([data, '--template', main, '--out', path.join(dir, 'x.pdf'), '--max-input-size', '8KB']), /main\.hbs: the template is larger than 8 KB/);
    expectNothingWritten(dir);
  });

  it('partials that double their output twenty times stop at the markup limit', () => {
    const dir = tempDir('mowjaz-bounds-');
    const data = write(dir, 'brief.json', minimal());
    write(dir, 'main.hbs', '<document title="{{title}}">\n{{> p20}}\n</document>\n');
    write(dir, 'partials/p0.hbs', '<p>نص قصير يتكرر</p>\n');
    for (let i = 1; i <= 20; i++) write(dir, `partials/p${i}.hbs`, `{{> p${i - 1}}}{{> p${i - 1}}}`);
    const run = cli([data, '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'x.pdf'), '--max-markup-size', '1MB']);
    badInput(run, /partials\/p\d+\.hbs: the template expands to more than 1048576 characters of markup, the limit \(--max-markup-size raises it\)/);
    expectNothingWritten(dir);
  });

  it('a value over 100,000 characters: exit 2 with its JSON path', () => {
    const { stderr } = expectFailure(withSummary('ن'.repeat(100_001)), 2);
    expect(stderr).toMatch(/brief\.json:\d+: \/blocks\/1\/paragraphs\/0: is 100001 characters long; at most 100000 are allowed in one value/);
  });
});

describe('a small heap', () => {
  /** The CLI under node --max-old-space-size=128. */
  function smallHeap(args: string[]): Run {
    const r = spawnSync(process.execPath, ['--max-old-space-size=128', 'build/src/cli.js', ...args], {
      cwd: repoRoot,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 300_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('a 40 MB data file: refused by the limits (exit 2); with them raised, out of memory is exit 1 with one line', () => {
    const dir = tempDir('mowjaz-heap-');
    const data = write(dir, 'big.json', bigBrief(40 * MB));
    const out = path.join(dir, 'out', 'big.pdf');
    const limited = smallHeap([data, '--out', out]);
    badInput(limited, /big\.json: the data file is larger than 2 MB/);
    const markup = smallHeap([data, '--out', out, '--max-input-size', '100MB']);
    badInput(markup, /the template expands to more than 16777216 characters of markup/);
    const raised = smallHeap([data, '--out', out, '--max-input-size', '100MB', '--max-markup-size', '1GB']);
    expect(raised.code, raised.stderr).toBe(1);
    expect(raised.stderr).toMatch(/^mowjaz: .*big\.json: ran out of memory while rendering .*\n$/);
    expect(raised.stderr).not.toMatch(/FATAL|<--- |Aborted/);
    expectNoStack(raised);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 300_000);
});

describe('bounded messages', () => {
  it('an unknown key of 1 MB: no suggestion search, the line cut at 400 characters', () => {
    const key = 'k'.repeat(MB);
    const { stderr } = expectFailure({ ...minimal(), [key]: 1 }, 2);
    expect(stderr).not.toMatch(/did you mean/);
    for (const line of stderr.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(400 + 'mowjaz: '.length);
  });

  it('a key of spaced words: every message line at most 400 characters', () => {
    const key = 'كلمة '.repeat(60_000);
    const { stderr } = expectFailure({ ...minimal(), [key]: 1 }, 2);
    const lines = stderr.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(400 + 'mowjaz: '.length);
    expect(lines[0]).toMatch(/…\(\d+ more characters\)$/);
  });

  it('--missing-glyphs replace with 150 characters no font has: 100 warnings listed, the rest counted', () => {
    const dir = tempDir('mowjaz-bounds-');
    const data = write(dir, 'brief.json', withSummary(`ملخص ${'🙂'.repeat(150)}`));
    const run = cli([data, '--out', path.join(dir, 'x.pdf'), '--missing-glyphs', 'replace']);
    expect(run.code, run.stderr).toBe(0);
    const warnings = run.stderr.trimEnd().split('\n');
    expect(warnings.filter(l => /^mowjaz: warning: .*U\+1F642/.test(l))).toHaveLength(100);
    expect(warnings[warnings.length - 1]).toBe('mowjaz: warning: … and 50 more warnings');
    expect(warnings).toHaveLength(101);
  });
});
