// The output is a regular PDF file or nothing: a device, FIFO, socket or folder given as --out
// (directly or through a symbolic link) is refused with exit 1 and left as it was; a link is
// followed to its end, which is written, and stays a link. The same for the files of a batch.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, listing, minimal, tempDir, write, type Run } from './cli.js';

afterAll(cleanup);

const PDF = Buffer.from('%PDF-1.7\nan older brief\n%%EOF\n');

function refused(run: Run, words: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(words);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expectNoStack(run);
}

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  expect(r.status).toBe(0);
}

describe('special files as the output', () => {
  it('/dev/null: refused, still a character device', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    refused(cli([data, '--out', '/dev/null']), /^mowjaz: cannot write \/dev\/null: it is a character device\n$/);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a FIFO: refused at once (nothing blocks on it), still a FIFO, nothing beside it', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    const fifo = path.join(dir, 'out.pdf');
    mkfifo(fifo);
    refused(cli([data, '--out', fifo]), /it is a FIFO \(named pipe\)/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(listing(dir)).toEqual(['brief.json', 'out.pdf']);
  });

  it('a socket: refused, still a socket', async () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    const socket = path.join(dir, 'out.pdf');
    const server = net.createServer();
    await new Promise<void>(resolve => server.listen(socket, resolve));
    try {
      refused(cli([data, '--out', socket]), /it is a socket/);
      expect(fs.lstatSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('symbolic links as the output', () => {
  it('to /dev/null, to a FIFO, to a folder: refused, each link and its target as they were', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    const fifo = path.join(dir, 'pipe');
    mkfifo(fifo);
    fs.mkdirSync(path.join(dir, 'folder'));
    for (const [name, target, words] of [
      ['null.pdf', '/dev/null', /a link to \/dev\/null\): it is a character device/],
      ['pipe.pdf', fifo, /it is a FIFO/],
      ['folder.pdf', path.join(dir, 'folder'), /it is a folder/],
    ] as const) {
      const link = path.join(dir, name);
      fs.symlinkSync(target, link);
      refused(cli([data, '--out', link]), words);
      expect(fs.readlinkSync(link)).toBe(target);
    }
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(listing(path.join(dir, 'folder'))).toEqual([]);
    expect(listing(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
  });

  it('to a file that is not a PDF: refused, the file unchanged', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    const notes = write(dir, 'notes.txt', 'my notes');
    const link = path.join(dir, 'out.pdf');
    fs.symlinkSync(notes, link);
    refused(cli([data, '--out', link]), /will not replace .*out\.pdf \(a link to .*notes\.txt\): it is not a PDF/);
    expect(fs.readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('to an existing PDF, and to nothing yet: the target is written, the link stays a link', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    const old = write(dir, 'store/old.pdf', PDF);
    const link = path.join(dir, 'out.pdf');
    fs.symlinkSync(path.join('store', 'old.pdf'), link); // relative, as ln -s writes it
    const run = cli([data, '--out', link]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(path.join('store', 'old.pdf'));
    const bytes = fs.readFileSync(old);
    expect(bytes.equals(PDF)).toBe(false);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(listing(path.join(dir, 'store'))).toEqual(['old.pdf']);

    const dangling = path.join(dir, 'new.pdf');
    fs.symlinkSync(path.join(dir, 'store', 'fresh.pdf'), dangling);
    expect(cli([data, '--out', dangling]).code).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(
      fs
        .readFileSync(path.join(dir, 'store', 'fresh.pdf'))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('a loop of links: refused', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    fs.symlinkSync(path.join(dir, 'b.pdf'), path.join(dir, 'a.pdf'));
    fs.symlinkSync(path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf'));
    refused(cli([data, '--out', path.join(dir, 'a.pdf')]), /too many symbolic links/);
    expect(listing(dir)).toEqual(['a.pdf', 'b.pdf', 'brief.json']);
  });
});

describe('a folder name where a file name belongs', () => {
  it('--out dir/ and --out newdir/: the file name is missing, nothing created', () => {
    const dir = tempDir('mowjaz-own-');
    const data = write(dir, 'brief.json', minimal());
    refused(cli([data, '--out', `${dir}/`]), /: it names a folder, so the file name is missing/);
    refused(cli([data, '--out', `${path.join(dir, 'newdir')}/`]), /newdir\/: it names a folder, so the file name is missing/);
    expect(listing(dir)).toEqual(['brief.json']);
  });
});

describe('the files of a batch', () => {
  it('one output is a FIFO: that brief fails with exit 1, the FIFO stays, the other is written', () => {
    const dir = tempDir('mowjaz-own-');
    const a = write(dir, 'a.json', minimal());
    const b = write(dir, 'b.json', minimal());
    fs.mkdirSync(path.join(dir, 'out'));
    mkfifo(path.join(dir, 'out', 'a.pdf'));
    const run = cli([a, b, '--out-dir', path.join(dir, 'out'), '--jobs', '2']);
    expect(run.code).toBe(1);
    expectNoStack(run);
    expect(run.stderr).toMatch(/^mowjaz: cannot write .*out\/a\.pdf: it is a FIFO \(named pipe\)$/m);
    expect(run.stderr).toMatch(/^mowjaz: 1 of 2 briefs failed$/m);
    expect(fs.lstatSync(path.join(dir, 'out', 'a.pdf')).isFIFO()).toBe(true);
    expect(
      fs
        .readFileSync(path.join(dir, 'out', 'b.pdf'))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('two outputs that are one file through a link: the second fails alone', () => {
    const dir = tempDir('mowjaz-own-');
    const a = write(dir, 'a.json', minimal());
    const b = write(dir, 'b.json', minimal());
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(path.join(dir, 'out', 'a.pdf'), path.join(dir, 'out', 'b.pdf'));
    const run = cli([a, b, '--out-dir', path.join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/b\.json: would overwrite .*b\.pdf, written for .*a\.json/);
    expect(fs.lstatSync(path.join(dir, 'out', 'b.pdf')).isSymbolicLink()).toBe(true);
  });
});
