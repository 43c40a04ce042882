// Output: atomic (temporary file beside the target, renamed into place), a failed run leaves the
// previous PDF byte for byte and no temporary file, an unwritable destination is exit code 1 with
// a clear message; the same data and templates give the same bytes, dated from the data or
// SOURCE_DATE_EPOCH; the exit codes are the ones the README documents.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, listing, minimal, repoRoot, tempDir, write } from './cli.js';

afterAll(cleanup);

const PREVIOUS = Buffer.from('%PDF-1.7\nthe previous brief, which a failed run must not touch\n%%EOF\n');

/** A folder holding a good data file, and out/brief.pdf with PREVIOUS in it. */
function withPrevious(): { dir: string; data: string; out: string } {
  const dir = tempDir('mowjaz-output-');
  const data = write(dir, 'brief.json', minimal());
  const out = write(dir, 'out/brief.pdf', PREVIOUS);
  return { dir, data, out };
}

function expectUntouched(out: string): void {
  expect(fs.readFileSync(out).equals(PREVIOUS)).toBe(true);
  expect(listing(path.dirname(out))).toEqual(['brief.pdf']); // no .tmp left beside it
}

describe('a failed run leaves the previous PDF as it was', () => {
  it('bad data', () => {
    const { dir, out } = withPrevious();
    const bad = write(dir, 'bad.json', '{"title": ');
    const run = cli([bad, '--out', out]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toMatch(/bad\.json:1:11: invalid JSON/);
    expectUntouched(out);
  });

  it('a schema violation, a character no font has, a broken template', () => {
    const { dir, out } = withPrevious();
    const invalid = write(dir, 'invalid.json', { ...minimal(), issued: 'tomorrow' });
    expect(cli([invalid, '--out', out]).code).toBe(2);
    expectUntouched(out);
    const emoji = write(dir, 'emoji.json', { ...minimal(), summary: '🙂' });
    expect(cli([emoji, '--out', out]).code).toBe(2);
    expectUntouched(out);
    const template = write(dir, 'main.hbs', '<document title="{{title}}">\n<p>{{#if title}}</p>\n</document>\n');
    const run = cli([path.join(dir, 'brief.json'), '--template', template, '--out', out]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expectUntouched(out);
  });

  it('a bad SOURCE_DATE_EPOCH', () => {
    const { data, out } = withPrevious();
    const words = cli([data, '--out', out], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(words.code).toBe(2);
    expect(words.stderr).toBe('mowjaz: SOURCE_DATE_EPOCH must be a number of seconds, not "yesterday"\n');
    const far = cli([data, '--out', out], { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(far.code).toBe(2);
    expectNoStack(far);
    expect(far.stderr).toMatch(/SOURCE_DATE_EPOCH must be at most 253402300799 \(the end of the year 9999\)/);
    expectUntouched(out);
  });

  it('a successful run replaces it whole, leaving nothing else', () => {
    const { data, out } = withPrevious();
    const run = cli([data, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/brief\.pdf: 2 pages, [\d.]+ KB\n$/);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(listing(path.dirname(out))).toEqual(['brief.pdf']);
  });
});

describe('destinations', () => {
  it('a missing output folder is created', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    const out = path.join(dir, 'a', 'b', 'c', 'brief.pdf');
    const run = cli([data, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(listing(path.dirname(out))).toEqual(['brief.pdf']);
    const viaDir = cli([data, '--out-dir', path.join(dir, 'x', 'y')]);
    expect(viaDir.code, viaDir.stderr).toBe(0);
    expect(listing(path.join(dir, 'x', 'y'))).toEqual(['brief.pdf']);
  });

  it('a path under a file: exit 1, a clear message, nothing left', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    const file = write(dir, 'somefile.txt', 'not a folder');
    const run = cli([data, '--out', path.join(file, 'x.pdf')]);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: cannot write ${path.join(file, 'x.pdf')}: part of the path is a file, not a folder\n`);
    expect(listing(dir)).toEqual(['brief.json', 'somefile.txt']);
    const outDir = cli([data, '--out-dir', file]);
    expect(outDir.code).toBe(1);
    expectNoStack(outDir);
    expect(outDir.stderr).toMatch(/cannot write .*somefile\.txt\/brief\.pdf: part of the path is a file, not a folder/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('an existing folder as the output file: exit 1, the folder untouched, no temporary file', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    write(dir, 'taken.pdf/inside.txt', 'x');
    const run = cli([data, '--out', path.join(dir, 'taken.pdf')]);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: cannot write ${path.join(dir, 'taken.pdf')}: it is a folder\n`);
    expect(listing(dir)).toEqual(['brief.json', 'taken.pdf']);
    expect(listing(path.join(dir, 'taken.pdf'))).toEqual(['inside.txt']);
  });

  it('--out naming the data file or a template: refused, the file kept as it was', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    const before = fs.readFileSync(data);
    const run = cli([data, '--out', data]);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: will not replace ${data}: it is not a PDF (a data file or a template?); choose another output file\n`);
    expect(fs.readFileSync(data).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(['brief.json']);
  });

  it.skipIf(!fs.existsSync('/proc/self'))('/proc and /sys, where nothing can be written (even as root)', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    for (const out of ['/proc/x.pdf', '/sys/x.pdf']) {
      const run = cli([data, '--out', out]);
      expect(run.code, out).toBe(1);
      expectNoStack(run);
      expect(run.stderr).toMatch(
        new RegExp(`^mowjaz: cannot write ${out}: (cannot create a file in that folder|permission denied|the file system is read-only)\\n$`),
      );
    }
  });

  it('an empty output name, and a name so long only the temporary name would be too long', () => {
    const dir = tempDir('mowjaz-output-');
    const data = write(dir, 'brief.json', minimal());
    const empty = cli([data, '--out', '']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('mowjaz: cannot write the PDF: the output file name is empty\n');
    const long = path.join(dir, `${'م'.repeat(60)}${'a'.repeat(120)}.pdf`); // 244 bytes: a legal name
    const run = cli([data, '--out', long]);
    expect(run.code, run.stderr).toBe(0);
    expect(listing(dir)).toEqual([path.basename(long), 'brief.json'].sort());
  });

  it('bad options: exit 2 with the option named', () => {
    const run = cli(['--paper', 'a5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mowjaz: --paper must be a4 or letter, not "a5"\n');
    const unknown = cli(['--colour', 'red']);
    expect(unknown.code).toBe(2);
    expectNoStack(unknown);
    expect(unknown.stderr).toMatch(/--colour/);
  });
});

describe('reproducible output', () => {
  /** The creation date pdf.js reads from the Info dictionary, and the XMP one. */
  async function dates(pdf: Buffer): Promise<{ info: string; xmp: string }> {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const info = ((await doc.getMetadata()).info as { CreationDate?: string }).CreationDate ?? '';
    await doc.destroy();
    return { info, xmp: /<xmp:CreateDate>([^<]*)</.exec(pdf.toString('latin1'))?.[1] ?? '' };
  }

  it('two renders of the summit brief are byte-identical; SOURCE_DATE_EPOCH changes the creation date', async () => {
    const dir = tempDir('mowjaz-output-');
    const [a, b, c] = ['a.pdf', 'b.pdf', 'c.pdf'].map(n => path.join(dir, n));
    expect(cli(['--out', a]).code).toBe(0);
    expect(cli(['--out', b]).code).toBe(0);
    expect(cli(['--out', c], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    const [pa, pb, pc] = [a, b, c].map(f => fs.readFileSync(f));
    expect(pa.equals(pb)).toBe(true);
    expect(await dates(pa)).toEqual({ info: 'D:20250814000000Z', xmp: '2025-08-14T00:00:00Z' }); // "issued" in data/summit.json
    expect(await dates(pc)).toEqual({ info: 'D:20231114221320Z', xmp: '2023-11-14T22:13:20Z' });
    const id = (p: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(p.toString('latin1'))?.[1];
    expect(id(pa)).toBeDefined();
    expect(id(pc)).not.toBe(id(pa)); // the document ID follows the date, not the clock
  });
});

describe('the README documents the exit codes', () => {
  it('0 success, 1 output or system failure, 2 bad input', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/\| 0 \| success \|/);
    expect(readme).toMatch(/\| 1 \| an output or system failure/);
    expect(readme).toMatch(/\| 2 \| bad input: unreadable or invalid data, a schema violation, a template or markup error, a character no font can draw \|/);
    expect(cli(['--help']).stdout).toContain('Exit codes: 0 success, 1 output or system failure, 2 bad input or bad template.');
  });
});
