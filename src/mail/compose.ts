// Composing a brief's e-mail message: the text and HTML parts from templates/mail/, the PDF
// attached under an Arabic file name, every header and MIME structure written by nodemailer's
// MailComposer. The same brief and PDF always give the same bytes: the Date comes from
// SOURCE_DATE_EPOCH or the issue date (as the PDF's does), the Message-ID and the MIME boundaries
// from the PDF's hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import MailComposer from 'nodemailer/lib/mail-composer';
import { buildHeaderParam } from 'nodemailer/lib/mime-funcs';
import { cacheKey, sharedFileCaches, type FileCaches } from '../file-cache.js';
import { packageRoot } from '../package-root.js';
import type { Mailbox } from './addresses.js';
import type { MailContent } from './content.js';

export interface Parties {
  from: Mailbox;
  replyTo?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
}

export interface ComposeInput {
  content: MailContent;
  parties: Parties;
  pdf: Uint8Array;
  /** The PDF's file name on disk: the attachment's ASCII name when the brief has no Latin reference. */
  pdfFile: string;
  date: Date;
  /** Where the compiled mail templates are kept (default: the process's, sharedFileCaches()). */
  caches?: FileCaches;
}

export interface Composed {
  raw: Buffer;
  messageId: string;
  /** The attachment's file name, as the recipient's client shows it. */
  fileName: string;
}

/** Used in the Message-ID when the sender's address gives no domain of its own to use. */
export const LOCAL_DOMAIN = 'mowjaz.invalid';

const hbs = Handlebars.create();
/** The message's templates, compiled, by their path in templates/mail/. */
const MAIL_TEMPLATES = cacheKey<Handlebars.TemplateDelegate>('mail templates');

function template(caches: FileCaches, name: string, escapeHtml: boolean): Handlebars.TemplateDelegate {
  const file = path.join(packageRoot(), 'templates', 'mail', name);
  return caches
    .of(MAIL_TEMPLATES)
    .fromFile(file, () => hbs.compile(fs.readFileSync(file, 'utf8'), { strict: false, noEscape: !escapeHtml, knownHelpersOnly: true }));
}

// Characters no file name should hold (path separators, reserved on Windows, controls, bidi controls).
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The attachment's Arabic name, and an ASCII one for clients that cannot read RFC 2231. */
export function attachmentNames(content: MailContent, pdfFile: string): { name: string; ascii: string } {
  const ascii =
    [content.reference, path.basename(pdfFile, path.extname(pdfFile))].find(s => s !== undefined && /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(s)) ?? 'brief';
  const arabic = content.attachmentName.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).trim();
  return { name: `${arabic || ascii}.pdf`, ascii: `${ascii}.pdf` };
}

/** Every line of the text part opens with a right-to-left mark, so its direction never depends on its first letter. */
function rightToLeftLines(text: string): string {
  return `${text
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .split('\n')
    .map(line => (line === '' || line === '--' ? line : `\u200f${line}`))
    .join('\r\n')}\r\n`;
}

export async function composeMessage(input: ComposeInput): Promise<Composed> {
  const { content, parties, pdf, date } = input;
  const caches = input.caches ?? sharedFileCaches();
  const hash = crypto.createHash('sha256').update(pdf).digest('hex');
  const domain = parties.from.address.slice(parties.from.address.lastIndexOf('@') + 1) || LOCAL_DOMAIN;
  const messageId = `<brief.${hash.slice(0, 32)}@${domain}>`;
  const { name, ascii } = attachmentNames(content, input.pdfFile);
  const view = { ...content, attachment: name };
  // Content-Disposition: the ASCII name first (RFC 6266 4.3), then the Arabic one as RFC 2231
  // parameter continuations, which clients that read them prefer.
  const encoded = buildHeaderParam('filename', name, 50).map(p => `${p.key}=${p.value}`);
  const disposition = [`attachment`, `filename="${ascii}"`, ...encoded].join('; ');
  const language = { 'Content-Language': 'ar' };
  const composer = new MailComposer({
    from: parties.from,
    replyTo: parties.replyTo,
    to: parties.to,
    cc: parties.cc.length ? parties.cc : undefined,
    subject: content.title,
    date,
    messageId,
    headers: language,
    text: { content: rightToLeftLines(template(caches, 'body.txt.hbs', false)(view)), headers: language },
    html: { content: template(caches, 'body.html.hbs', true)(view), headers: language },
    attachments: [
      {
        content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        filename: name,
        contentType: 'application/pdf',
        // A prepared header value (nodemailer's documented way to emit a header as given): the
        // composer would otherwise rebuild the disposition from the Arabic name alone. Typed as a
        // string there, though setHeader takes the object form too.
        contentDisposition: { prepared: true, foldLines: true, value: disposition } as unknown as string,
      },
    ],
    baseBoundary: hash.slice(0, 16),
    boundaryPrefix: '--_mowjaz',
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await composer.compile().build();
  return { raw, messageId, fileName: name };
}
