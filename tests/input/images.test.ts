// Images are bad input unless they can be drawn as given: a file inside the folder it belongs to
// (the data file's for a path the data gives, the template's for one a template writes; symbolic
// links followed), a regular file of at most 10 MB, a PNG, JPEG or SVG that decodes, at most
// 10,000 pixels a side, described by alt. Each refusal is one line naming the data file and JSON
// path (or the template file and line), exit 2, and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import { type PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, expectNothingWritten, minimal, repoRoot, tempDir, write } from './cli.js';

afterAll(cleanup);

const assets = path.join(repoRoot, 'data/examples/assets');
const emblem = fs.readFileSync(path.join(assets, 'emblem.png'));
const jpeg = fs.readFileSync(path.join(assets, 'map.jpg'));

/** A brief whose last block is a figure of `src`; the figure's JSON path is returned with it. */
function withFigure(src: string): { data: object; pointer: string } {
  const brief = minimal();
  brief.blocks.push({ type: 'figure', src, alt: 'وصف الصورة' });
  return { data: brief, pointer: `/blocks/${brief.blocks.length - 1}/src` };
}

/** Renders through the CLI from a fresh folder holding `files`, expecting exit 2 and nothing written. */
function refused(files: Record<string, string | Uint8Array>, data: object, args: (dir: string) => string[] = () => []) {
  const dir = tempDir('mowjaz-images-');
  // The brief in a folder of its own, so that a file can lie just outside it ("../outside.png").
  for (const [name, content] of Object.entries(files)) write(path.join(dir, 'data'), name, content);
  const file = write(path.join(dir, 'data'), 'brief.json', data);
  const run = cli([file, '--out', path.join(dir, 'out', 'brief.pdf'), ...args(dir)]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expectNoStack(run);
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expectNothingWritten(dir);
  return { run, dir, file };
}

const png = (width: number, height: number) => PNG.sync.write(new PNG({ width, height }));

describe('an image the data names', () => {
  it('is drawn when it lies in the data file’s folder: a PNG and a JPEG copied beside a brief, the JPEG kept as DCT data', async () => {
    const dir = tempDir('mowjaz-images-');
    write(dir, 'img/emblem.png', emblem);
    write(dir, 'img/map.jpg', jpeg);
    const { data } = withFigure('img/emblem.png');
    (data as { blocks: object[] }).blocks.push({ type: 'figure', src: 'img/map.jpg', alt: 'خريطة' });
    const out = path.join(dir, 'out.pdf');
    const run = cli([write(dir, 'brief.json', data), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const pdf = await PDFDocument.load(fs.readFileSync(out), { updateMetadata: false });
    const images = pdf.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [o.dict] : []));
    const show = (d: PDFDict) => `${d.get(PDFName.of('Width'))}×${d.get(PDFName.of('Height'))} ${d.get(PDFName.of('Filter'))}`;
    // The emblem, its alpha channel (a soft mask) and the map, whose JPEG bytes are copied as they are.
    expect(images.map(show).sort()).toEqual(['256×256 /FlateDecode', '256×256 /FlateDecode', '720×420 /DCTDecode']);
  });

  const cases: { name: string; files: Record<string, string | Uint8Array>; src: string; message: RegExp }[] = [
    { name: 'missing', files: {}, src: 'none.png', message: /image none\.png cannot be read: no such file/ },
    {
      name: 'outside the folder through ../',
      files: { '../outside.png': emblem },
      src: '../outside.png',
      message: /image \.\.\/outside\.png leads outside .*an image must lie inside the data file's folder/,
    },
    { name: 'a folder', files: { 'shots/x': 'x' }, src: 'shots', message: /image shots cannot be read: it is a folder, not a file/ },
    {
      name: 'larger than 10 MB',
      files: { 'big.png': Buffer.concat([emblem, Buffer.alloc(10 * 1024 * 1024)]) },
      src: 'big.png',
      message: /image big\.png is 10\.\d MB; an image file may be at most 10 MB/,
    },
    {
      name: 'wider than 10,000 pixels',
      files: { 'wide.png': png(10_001, 1) },
      src: 'wide.png',
      message: /image wide\.png is 10001 × 1 pixels; an image may have at most 10000 on a side/,
    },
    {
      name: 'a truncated PNG',
      files: { 'cut.png': emblem.subarray(0, 3000) },
      src: 'cut.png',
      message: /image cut\.png is a damaged PNG: its IDAT chunk runs past the end of the file/,
    },
    {
      name: 'a PNG with a damaged chunk',
      files: { 'flip.png': flipByte(emblem, 200) },
      src: 'flip.png',
      message: /image flip\.png is a damaged PNG: its \w+ chunk fails its checksum/,
    },
    {
      name: 'a truncated JPEG',
      files: { 'cut.jpg': jpeg.subarray(0, jpeg.length - 400) },
      src: 'cut.jpg',
      message: /image cut\.jpg is a damaged JPEG: it ends before its end marker/,
    },
    {
      name: 'a GIF',
      files: { 'anim.gif': Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') },
      src: 'anim.gif',
      message: /image anim\.gif is not a PNG, JPEG or SVG file/,
    },
    {
      name: 'an SVG with text',
      files: { 't.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1" y="9">Hi</text></svg>' },
      src: 't.svg',
      message: /image t\.svg holds text \(PDF\/A needs every font embedded.*convert the text to paths/,
    },
    {
      name: 'an SVG that reads another file',
      files: {
        'i.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/hostname" width="10" height="10"/></svg>',
      },
      src: 'i.svg',
      message: /image i\.svg holds an <image> \(an SVG may not read other files/,
    },
    {
      name: 'an SVG without a size',
      files: { 'n.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>' },
      src: 'n.svg',
      message: /image n\.svg is an SVG without a size/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2 naming the data file and the JSON path, nothing written`, () => {
      const { data, pointer } = withFigure(c.src);
      const { run } = refused(c.files, data);
      expect(run.stderr).toMatch(new RegExp(`^mowjaz: .*brief\\.json: ${pointer.replace(/\//g, '\\/')}: `));
      expect(run.stderr).toMatch(c.message);
    });
  }

  it('a symbolic link leading out of the folder: exit 2, nothing read', () => {
    const outside = tempDir('mowjaz-images-outside-');
    write(outside, 'secret.png', emblem);
    const { data, pointer } = withFigure('link.png');
    const dir = tempDir('mowjaz-images-');
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'link.png'));
    const file = write(dir, 'brief.json', data);
    const run = cli([file, '--out', path.join(dir, 'brief.pdf')]);
    expect(run.code, run.stderr).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toMatch(new RegExp(`brief\\.json: ${pointer.replace(/\//g, '\\/')}: image link\\.png leads outside .*\\(to .*secret\\.png\\)`));
    expectNothingWritten(dir);
  });

  it('the logo: a missing one names /issuer/logo', () => {
    const brief = minimal();
    brief.issuer = { name: 'وزارة', logo: 'logo.png' };
    const { run } = refused({}, brief);
    expect(run.stderr).toMatch(/brief\.json: \/issuer\/logo: image logo\.png cannot be read: no such file/);
  });
});

describe('an image a template writes', () => {
  const template = (img: string) => `<document title="{{title}}">\n<p>{{title}}</p>\n${img}\n</document>\n`;
  const cases: { name: string; img: string; message: RegExp }[] = [
    { name: 'without alt', img: '<img src="emblem.png"/>', message: /main\.hbs:3: <img src="emblem\.png"> needs alt="…"/ },
    {
      name: 'with an empty alt and no role',
      img: '<img src="emblem.png" alt=""/>',
      message: /main\.hbs:3: <img src="emblem\.png" alt="">: an empty alt needs role="presentation"/,
    },
    {
      name: 'with a wrong width',
      img: '<img src="emblem.png" alt="شعار" width="wide"/>',
      message: /main\.hbs:3: <img src="emblem\.png"> width="wide": write points/,
    },
    {
      name: 'leading out of the template folder',
      img: '<img src="../emblem.png" alt="شعار"/>',
      message: /main\.hbs:3: image \.\.\/emblem\.png leads outside .*the template's folder/,
    },
    { name: 'a figure without an image', img: '<figure><figcaption>تعليق</figcaption></figure>', message: /main\.hbs:3: <figure> needs an <img>/ },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2 naming the template line, nothing written`, () => {
      const { run } = refused({ 'tpl/main.hbs': template(c.img), 'tpl/emblem.png': emblem, 'emblem.png': emblem }, minimal(), dir => [
        '--template',
        path.join(dir, 'data', 'tpl', 'main.hbs'),
      ]);
      expect(run.stderr).toMatch(c.message);
    });
  }
});

/** `bytes` with the byte at `at` inverted. */
function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0xff;
  return copy;
}
