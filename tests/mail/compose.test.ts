// Composing without sending: addresses checked where they were given, the same message for the
// same brief and PDF, the Date following SOURCE_DATE_EPOCH like the PDF's. Read back by mailparser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { packageRoot } from '../../src/package-root.js';
import { parseMailboxes } from '../../src/mail/addresses.js';
import { composeMessage } from '../../src/mail/compose.js';
import { mailContent } from '../../src/mail/content.js';
import { cli } from './smtp.js';

const root = packageRoot();
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-mail-compose-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
const minimalFile = path.join(root, 'tests/data/fixtures/minimal.json');
const minimal = JSON.parse(fs.readFileSync(minimalFile, 'utf8')) as Brief;

describe('addresses', () => {
  it('accepts names and several addresses, refuses what is not an address', () => {
    expect(parseMailboxes('مكتب الوزير <office@pm.example>, b@x.example', '--to')).toEqual([
      { name: 'مكتب الوزير', address: 'office@pm.example' },
      { name: '', address: 'b@x.example' },
    ]);
    for (const bad of ['office', 'office@', '@pm.example', 'a b@pm.example', 'a@pm', 'a..b@pm.example', 'team: a@x.example;']) {
      expect(() => parseMailboxes(bad, '--to'), bad).toThrow(/^--to: /);
    }
  });

  it('names the data path of a bad address in the data', () => {
    const brief = { ...minimal, mail: { to: ['office@pm.example', 'not an address'] } } as Brief;
    const content = mailContent(brief);
    expect(content.to.map(a => a.at)).toEqual(['/mail/to/0', '/mail/to/1']);
    expect(() => content.to.flatMap(a => parseMailboxes(a.value, `data.json: ${a.at}`))).toThrow(
      'data.json: /mail/to/1: "not an address" is not a valid e-mail address',
    );
  });

  it('on the command line: exit 2 naming the option, before anything is rendered', async () => {
    const out = path.join(temp, 'bad-to', 'x.pdf');
    const run = await cli([minimalFile, '--out', out, '--mail', path.join(temp, 'bad-to', 'x.eml'), '--from', 'unit@mofa.example', '--to', 'office@pm']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('mowjaz: --to: "office@pm" is not a valid e-mail address');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('never takes a password from the command line', async () => {
    const run = await cli([minimalFile, '--send', '--smtp-password', 'secret']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/MOWJAZ_SMTP_PASSWORD only/);
  });
});

describe('the message', () => {
  const pdf = Buffer.from('%PDF-1.7\nnot a real PDF, only bytes to attach\n%%EOF\n');
  const compose = (date: Date) =>
    composeMessage({
      content: mailContent(minimal),
      parties: { from: { name: '', address: 'unit@mofa.example' }, to: [{ name: '', address: 'office@pm.example' }], cc: [] },
      pdf,
      pdfFile: 'dist/minimal.pdf',
      date,
    });

  it('is the same bytes for the same brief, PDF and date', async () => {
    const a = await compose(new Date('2025-08-14T00:00:00Z'));
    const b = await compose(new Date('2025-08-14T00:00:00Z'));
    expect(a.raw.equals(b.raw)).toBe(true);
    const parsed = await simpleParser(a.raw);
    expect(parsed.attachments[0].filename).toBe(`${minimal.shortTitle}.pdf`);
    expect(a.raw.toString('latin1')).toContain('filename="minimal.pdf"'); // no Latin reference: the PDF's own name
    expect(parsed.attachments[0].content.equals(pdf)).toBe(true);
  });

  it('is dated by SOURCE_DATE_EPOCH when it is set, like the PDF, and the .eml is written atomically beside it', async () => {
    const eml = path.join(temp, 'dated', 'm.eml');
    const run = await cli([minimalFile, '--out', path.join(temp, 'dated', 'm.pdf'), '--mail', eml, '--from', 'unit@mofa.example'], {
      SOURCE_DATE_EPOCH: '1767225600',
    });
    expect(run.code, run.stderr).toBe(0);
    const parsed = await simpleParser(fs.readFileSync(eml));
    expect(parsed.date?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(fs.readdirSync(path.dirname(eml)).sort()).toEqual(['m.eml', 'm.pdf']);
  });

  it('never replaces a file that is not a message', async () => {
    const target = path.join(temp, 'keep.eml');
    fs.writeFileSync(target, '{"title": "not a message"}\n');
    const run = await cli([minimalFile, '--out', path.join(temp, 'keep.pdf'), '--mail', target, '--from', 'unit@mofa.example']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`mowjaz: will not replace ${target}: it is not an e-mail message (a data file or a template?); choose another output file`);
    expect(fs.readFileSync(target, 'utf8')).toBe('{"title": "not a message"}\n');
  });
});
