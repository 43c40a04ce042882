// Sending briefs through a real SMTP server on 127.0.0.1 (STARTTLS on a self-signed certificate,
// with a user name and password), by the real CLI; what arrives is read back by mailparser and
// htmlparser2, not by the code that composed it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { readLocale } from '../helpers/fixtures.js';
import { PASSWORD, USER, cli, closedPort, startServer, type Run, type TestServer } from './smtp.js';

const root = packageRoot();
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-mail-'));
const HOSTILE = '<script>alert("x")</script> & <b>غامق</b>';

const summit = JSON.parse(fs.readFileSync(path.join(root, 'data/summit.json'), 'utf8'));
// The data names the level ("official"); the message carries its wording.
const locale = readLocale('ar');
delete summit.$schema;
// The brief's content is in its blocks: the hostile text joins the key points, and the checks
// below read the key points, summary and issuer from where the data model keeps them.
const keyPointsBlock = summit.blocks.find((b: { type: string }) => b.type === 'key-points');
keyPointsBlock.items = [...keyPointsBlock.items, HOSTILE];
const keyPoints: string[] = keyPointsBlock.items;
const summary: string[] = summit.blocks.filter((b: { type: string }) => b.type === 'summary').flatMap((b: { paragraphs: string[] }) => b.paragraphs);
const issuerName: string = summit.issuer.name;
const summitFile = path.join(temp, 'summit.json');
fs.writeFileSync(summitFile, JSON.stringify(summit, null, 2));
const minimal = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/fixtures/minimal.json'), 'utf8'));
const minimalFile = path.join(temp, 'minimal.json');
fs.writeFileSync(minimalFile, JSON.stringify(minimal, null, 2));

let server: TestServer;
let caFile: string;
const credentials = { MOWJAZ_SMTP_USER: USER, MOWJAZ_SMTP_PASSWORD: PASSWORD };

beforeAll(async () => {
  server = await startServer();
  caFile = path.join(temp, 'ca.pem');
  fs.writeFileSync(caFile, server.certificate);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

/** The CLI's arguments for sending `data` to `port`, the PDF and the .eml in a fresh folder. */
function sendArgs(data: string, port: number, name: string, extra: string[] = []): { args: string[]; pdf: string; eml: string } {
  const dir = path.join(temp, name);
  const pdf = path.join(dir, 'brief.pdf'),
    eml = path.join(dir, 'brief.eml');
  return {
    pdf,
    eml,
    args: [
      data,
      '--out',
      pdf,
      '--send',
      '--from',
      'unit@mofa.example',
      '--to',
      'مكتب الوزير <office@pm.example>',
      '--cc',
      'archive@mofa.example',
      '--smtp-host',
      '127.0.0.1',
      '--smtp-port',
      String(port),
      '--smtp-ca',
      caFile,
      ...extra,
    ],
  };
}

/** A refusal: exit 1, one line on stderr, no stack trace, nothing reported as sent. */
function expectRefused(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mowjaz: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/sent to/);
}

describe('a brief sent through SMTP with STARTTLS and a password', () => {
  let run: Run;
  let pdf: string, eml: string;
  let message: TestServer['received'][number];

  beforeAll(async () => {
    const before = server.received.length;
    ({ pdf, eml } = sendArgs(summitFile, server.port, 'sent'));
    run = await cli([...sendArgs(summitFile, server.port, 'sent', ['--mail', eml]).args], credentials);
    message = server.received[before];
  });

  it('is reported as sent once the server took it', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${pdf}: sent to office@pm.example, archive@mofa.example through 127.0.0.1:${server.port}`);
    expect(message).toBeDefined();
    expect(message.secure).toBe(true); // STARTTLS, on the certificate trusted through --smtp-ca
    expect(message.from).toBe('unit@mofa.example');
    expect(message.to).toEqual(['office@pm.example', 'archive@mofa.example']);
  });

  it('sends the same bytes it writes to the .eml file', () => {
    expect(message.raw.equals(fs.readFileSync(eml))).toBe(true);
  });

  it('has the Arabic title as its subject and the issuer as the sender name', () => {
    expect(message.parsed.subject).toBe(summit.title);
    expect(message.parsed.from?.value).toEqual([{ name: issuerName, address: 'unit@mofa.example' }]);
    expect(message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value : []).toEqual([
      { name: 'مكتب الوزير', address: 'office@pm.example' },
    ]);
    expect(message.raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m); // RFC 2047, not raw UTF-8
  });

  it('is dated from the issue date and named after the PDF', () => {
    expect(message.parsed.date?.toISOString()).toBe(`${summit.issued}T00:00:00.000Z`);
    const hash = crypto.createHash('sha256').update(fs.readFileSync(pdf)).digest('hex');
    expect(message.parsed.messageId).toBe(`<brief.${hash.slice(0, 32)}@mofa.example>`);
  });

  it('attaches the PDF, byte for byte, under its Arabic name with an ASCII fallback', () => {
    expect(message.parsed.attachments).toHaveLength(1);
    const [attachment] = message.parsed.attachments;
    expect(attachment.filename).toBe(`${summit.shortTitle}.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.contentDisposition).toBe('attachment');
    expect(attachment.content.equals(fs.readFileSync(pdf))).toBe(true);
    const headers = message.raw.toString('latin1');
    expect(headers).toContain(`filename="${summit.reference}.pdf"`);
    expect(headers).toMatch(/filename\*0\*=utf-8''%D9/);
  });

  it('has an HTML part that reads right to left, in order, with the data escaped', () => {
    const html = message.parsed.html;
    expect(typeof html).toBe('string');
    const doc = parseDocument(html as string);
    const [htmlElement] = DomUtils.getElementsByTagName('html', doc);
    expect(htmlElement.attribs).toMatchObject({ dir: 'rtl', lang: 'ar' });
    expect(DomUtils.getElementsByTagName('body', doc)[0].attribs).toMatchObject({ dir: 'rtl', lang: 'ar' });
    expect(DomUtils.getElementsByTagName('script', doc)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName('b', doc)).toHaveLength(0);
    const h1 = DomUtils.getElementsByTagName('h1', doc);
    expect(h1.map(e => DomUtils.textContent(e))).toEqual([summit.title]);
    const items = DomUtils.getElementsByTagName('li', doc).map(e => DomUtils.textContent(e));
    expect(items).toEqual(keyPoints); // the hostile one as text, the order kept by an <ol>
    expect(DomUtils.getElementsByTagName('ol', doc)).toHaveLength(1);
    for (const paragraph of summary) expect(DomUtils.textContent(doc)).toContain(paragraph);
    expect(DomUtils.textContent(doc)).toContain(locale['classification-official']);
  });

  it('has a plain-text part with the title, summary, classification and every key point', () => {
    const text = message.parsed.text ?? '';
    for (const point of keyPoints) expect(text).toContain(point);
    expect(text).toContain(summit.title);
    for (const paragraph of summary) expect(text).toContain(paragraph);
    expect(text).toContain(locale['classification-official']);
    // Each line of text opens with a right-to-left mark, whatever its first letter.
    for (const line of text.split(/\r?\n/).filter(l => l !== '' && l !== '--')) expect(line.startsWith('\u200f')).toBe(true);
  });
});

describe('refusals, each one line, exit 1, nothing reported as sent', () => {
  it('a wrong password', async () => {
    const before = server.received.length;
    const run = await cli(sendArgs(minimalFile, server.port, 'wrong-password').args, { ...credentials, MOWJAZ_SMTP_PASSWORD: 'wrong' });
    expectRefused(run, new RegExp(`authentication failed at 127\\.0\\.0\\.1:${server.port} for ${USER}: 535`));
    expect(server.received.length).toBe(before);
  });

  it('a recipient the server rejects', async () => {
    const before = server.received.length;
    const { args } = sendArgs(minimalFile, server.port, 'rejected');
    const run = await cli(
      args.map(a => (a.includes('office@pm.example') ? 'reject-me@pm.example' : a)).filter((a, i, all) => a !== '--cc' && all[i - 1] !== '--cc'),
      credentials,
    );
    expectRefused(run, /recipient rejected by 127\.0\.0\.1:\d+: reject-me@pm\.example: 550 No such mailbox/);
    expect(server.received.length).toBe(before);
  });

  it('one recipient of two rejected: delivered to the other, yet not reported as sent', async () => {
    const { args } = sendArgs(minimalFile, server.port, 'half', ['--to', 'reject-too@pm.example']);
    const run = await cli(args, credentials);
    expectRefused(run, /recipient rejected by 127\.0\.0\.1:\d+: reject-too@pm\.example: 550 .*\(delivered to office@pm\.example, archive@mofa\.example only\)/);
  });

  it('a PDF over --max-attachment-size, before connecting', async () => {
    const before = server.dataStarted;
    const run = await cli(sendArgs(minimalFile, server.port, 'too-big', ['--max-attachment-size', '10KB']).args, credentials);
    expectRefused(run, /brief\.pdf: not sent: the attachment is \d+\.\d KB, over the 10\.0 KB limit \(--max-attachment-size\)/);
    expect(server.dataStarted).toBe(before);
  });

  it('a message larger than the server takes', async () => {
    const small = await startServer({ size: 20_000 });
    try {
      const run = await cli(sendArgs(minimalFile, small.port, 'server-size').args, credentials);
      expectRefused(run, new RegExp(`message too large for 127\\.0\\.0\\.1:${small.port}`));
      expect(small.received).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it('a server that stops answering once the message is sent', async () => {
    const silent = await startServer({ hang: true });
    try {
      const run = await cli(sendArgs(minimalFile, silent.port, 'hang', ['--smtp-timeout', '1']).args, credentials);
      expectRefused(run, new RegExp(`127\\.0\\.0\\.1:${silent.port} did not answer within 1 s`));
      expect(silent.dataStarted).toBe(1); // the data went out; no answer came, so it is not "sent"
    } finally {
      await silent.close();
    }
  });

  it('a connection refused', async () => {
    const port = await closedPort();
    const run = await cli(sendArgs(minimalFile, port, 'refused').args, credentials);
    expectRefused(run, new RegExp(`connection refused by 127\\.0\\.0\\.1:${port}`));
  });
});

describe('several briefs', () => {
  it('sends each one; a brief the server refuses fails alone and the summary names both', async () => {
    const small = await startServer({ size: 60_000 });
    try {
      const dir = path.join(temp, 'batch');
      const run = await cli(
        [
          summitFile,
          minimalFile,
          '--out-dir',
          dir,
          '--jobs',
          '1',
          '--send',
          '--from',
          'unit@mofa.example',
          '--to',
          'office@pm.example',
          '--smtp-host',
          '127.0.0.1',
          '--smtp-port',
          String(small.port),
          '--smtp-ca',
          caFile,
          '--mail-dir',
          dir,
        ],
        credentials,
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`mowjaz: ${summitFile}: not sent: message too large for 127.0.0.1:${small.port}`);
      expect(run.stderr).toContain(`mowjaz: 1 of 2 messages sent: ${minimalFile}; not sent: ${summitFile}`);
      expect(run.stdout).toContain(`${path.join(dir, 'minimal.pdf')}: sent to office@pm.example`);
      expect(small.received.map(r => r.parsed.subject)).toEqual([minimal.title]);
      // Both messages were written all the same.
      expect(fs.existsSync(path.join(dir, 'summit.eml')) && fs.existsSync(path.join(dir, 'minimal.eml'))).toBe(true);
    } finally {
      await small.close();
    }
  });
});
