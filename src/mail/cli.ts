// The command line's mail options (`--mail`, `--send`, addresses, SMTP settings): taken out of the
// arguments before the rest are parsed, then run for each brief once its PDF is written. One
// message per brief; in a batch a brief that cannot be sent fails alone and the summary names
// the briefs sent and the ones not sent.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, exitCodeOf } from '../cli-support.js';
import { loadBrief } from '../data/load.js';
import { sharedFileCaches } from '../file-cache.js';
import { creationDate } from '../index.js';
import { writeAtomically, type OutputKind } from '../output.js';
import { parseMailbox, parseMailboxes, type Mailbox } from './addresses.js';
import type { Parties } from './compose.js';
import { mailContent, type GivenAddress } from './content.js';
import type { Security, SmtpSettings } from './send.js';

export const MAIL_HELP = `
Mail (one message per brief, the PDF attached):
  --mail <file.eml>        also write the message (one data file only)
  --mail-dir <folder>      with several data files: write <folder>/<name>.eml for each
  --send                   send it by SMTP
  --from <address>         sender, e.g. "Unit <unit@example.org>" (or "mail": {"from"} in the data)
  --to, --cc <address>     recipients; repeat the option or separate with commas
  --reply-to <address>     where replies go
  --max-attachment-size <size>
                           largest PDF --send will send, e.g. 500KB, 10MB (default 10MB)
  --smtp-host <host>       SMTP server (or MOWJAZ_SMTP_HOST)
  --smtp-port <n>          (or MOWJAZ_SMTP_PORT; default 587, 465 with tls, 25 with none)
  --smtp-security starttls|tls|none
                           (or MOWJAZ_SMTP_SECURITY; default starttls, which must succeed)
  --smtp-ca <file.pem>     also trust this certificate authority (or MOWJAZ_SMTP_CA)
  --smtp-timeout <s>       seconds to wait for the server each time (default 30)
  The SMTP user and password come from MOWJAZ_SMTP_USER and MOWJAZ_SMTP_PASSWORD only.`;

const OPTIONS = {
  mail: { type: 'string' },
  'mail-dir': { type: 'string' },
  send: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string', multiple: true },
  cc: { type: 'string', multiple: true },
  'reply-to': { type: 'string' },
  'max-attachment-size': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string' },
  'smtp-ca': { type: 'string' },
  'smtp-timeout': { type: 'string' },
} as const;

/** Secrets stay out of the process list and the shell history. */
const SECRET_OPTIONS = ['smtp-user', 'smtp-password', 'smtp-pass', 'password', 'user'];

export const DEFAULT_MAX_ATTACHMENT = 10 * 1024 * 1024;

/** An existing .eml that writeAtomically may replace: it starts with a header field ("Content-Language:", "From:"). */
const EML_OUTPUT: OutputKind = { what: 'e-mail message', head: 64, replaceable: head => /^[A-Za-z][A-Za-z0-9-]*:/.test(head) };

/** A brief whose PDF the batch wrote (or failed to): the fields of the batch's outcomes used here. */
export interface WrittenBrief {
  file: string;
  out: string;
  ok: boolean;
}

export interface MailCommand {
  /** The arguments that are not mail options, for the main parser. */
  rest: string[];
  /** Checks the options against the data files given (exit 2 before anything is rendered). */
  check(files: readonly string[]): void;
  /** Composes, writes and sends each brief's message; the exit code (0 when there is nothing to do). */
  run(briefs: readonly WrittenBrief[]): Promise<0 | 1 | 2>;
}

function takeMailArguments(argv: readonly string[]): { mine: string[]; rest: string[] } {
  const mine: string[] = [],
    rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name && SECRET_OPTIONS.includes(name)) {
      throw new CliError(`--${name}: the SMTP user and password are read from MOWJAZ_SMTP_USER and MOWJAZ_SMTP_PASSWORD only, never from the command line`, 2);
    }
    const option = name ? (OPTIONS as Record<string, { type: string }>)[name] : undefined;
    if (!option) {
      rest.push(arg);
      continue;
    }
    mine.push(arg);
    if (option.type === 'string' && !arg.includes('=')) {
      if (i + 1 >= argv.length) throw new CliError(`--${name} needs a value`, 2);
      mine.push(argv[++i]);
    }
  }
  return { mine, rest };
}

/** "10MB", "500 KB", "2.5M", "123456" (bytes). */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB?|MB?|GB?)?\s*$/i.exec(value);
  if (!m) throw new CliError(`--max-attachment-size must be a size such as 500KB or 10MB, not "${value}"`, 2);
  const unit = (m[2] ?? 'B').toUpperCase()[0];
  return Math.floor(Number(m[1]) * ({ B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[unit] ?? 1));
}

const megabytes = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

function smtpSettings(values: Record<string, string | undefined>, env: NodeJS.ProcessEnv): SmtpSettings {
  const pick = (option: string, variable: string): string | undefined => values[option] ?? (env[variable] || undefined);
  const host = pick('smtp-host', 'MOWJAZ_SMTP_HOST');
  if (!host) throw new CliError('--send needs an SMTP server: --smtp-host or MOWJAZ_SMTP_HOST', 2);
  const security = (pick('smtp-security', 'MOWJAZ_SMTP_SECURITY') ?? 'starttls') as Security;
  if (!['starttls', 'tls', 'none'].includes(security)) throw new CliError(`--smtp-security must be starttls, tls or none, not "${security}"`, 2);
  const portText = pick('smtp-port', 'MOWJAZ_SMTP_PORT');
  const port = portText === undefined ? { starttls: 587, tls: 465, none: 25 }[security] : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliError(`--smtp-port must be a port number from 1 to 65535, not "${portText}"`, 2);
  const timeout = values['smtp-timeout'] === undefined ? 30 : Number(values['smtp-timeout']);
  if (!(timeout > 0) || !Number.isFinite(timeout)) throw new CliError(`--smtp-timeout must be a number of seconds above 0, not "${values['smtp-timeout']}"`, 2);
  const caFile = pick('smtp-ca', 'MOWJAZ_SMTP_CA');
  let ca: string | undefined;
  if (caFile !== undefined) {
    try {
      ca = fs.readFileSync(caFile, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read --smtp-ca ${caFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
    }
  }
  const user = env.MOWJAZ_SMTP_USER || undefined;
  return { host, port, security, user, password: user === undefined ? undefined : (env.MOWJAZ_SMTP_PASSWORD ?? ''), timeoutMs: timeout * 1000, ca };
}

/** Parses the mail options out of `argv`; the environment gives the SMTP settings and credentials. */
export function mailCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): MailCommand {
  const { mine, rest } = takeMailArguments(argv);
  const { values } = parseArgs({ args: mine, options: OPTIONS, strict: true });
  const wanted = values.mail !== undefined || values['mail-dir'] !== undefined || values.send === true;
  if (!wanted) {
    const stray = mine.find(a => a.startsWith('--'));
    if (stray) throw new CliError(`${stray.split('=')[0]} needs --mail, --mail-dir or --send`, 2);
    return { rest, check: () => {}, run: async () => 0 };
  }
  if (values.mail !== undefined && values['mail-dir'] !== undefined) throw new CliError('give --mail or --mail-dir, not both', 2);
  if (values.mail !== undefined && !/\.eml$/i.test(values.mail)) throw new CliError(`--mail names an .eml file, not "${values.mail}"`, 2);
  // Addresses given as options are checked now, before anything is rendered.
  const from = values.from === undefined ? undefined : parseMailbox(values.from, '--from');
  const replyTo = values['reply-to'] === undefined ? undefined : parseMailbox(values['reply-to'], '--reply-to');
  const to = values.to?.flatMap(v => parseMailboxes(v, '--to'));
  const cc = values.cc?.flatMap(v => parseMailboxes(v, '--cc'));
  const maxSize = values['max-attachment-size'] === undefined ? DEFAULT_MAX_ATTACHMENT : parseSize(values['max-attachment-size']);
  const smtp = values.send ? smtpSettings(values as Record<string, string | undefined>, env) : undefined;

  const emlFor = (brief: WrittenBrief): string | undefined =>
    values.mail ?? (values['mail-dir'] === undefined ? undefined : path.join(values['mail-dir'], `${path.basename(brief.out).replace(/\.pdf$/i, '')}.eml`));

  const caches = sharedFileCaches();
  const one = async (brief: WrittenBrief): Promise<string> => {
    const data = loadBrief(brief.file, { caches });
    const content = mailContent(data);
    const fromData = (a: GivenAddress): Mailbox[] => parseMailboxes(a.value, `${brief.file}: ${a.at}`);
    const sender = from ?? (content.from && fromData(content.from)[0]);
    if (!sender) throw new CliError(`${brief.file}: no sender: give --from (or "mail": {"from": …} in the data)`, 2);
    const parties: Parties = {
      from: sender.name ? sender : { name: content.issuer ?? '', address: sender.address },
      replyTo: replyTo ?? (content.replyTo && fromData(content.replyTo)[0]),
      to: to ?? content.to.flatMap(fromData),
      cc: cc ?? content.cc.flatMap(fromData),
    };
    const recipients = [...parties.to, ...parties.cc].map(m => m.address);
    if (smtp && !recipients.length) throw new CliError(`${brief.file}: no recipient: give --to (or "mail": {"to": […]} in the data)`, 2);
    let pdf: Buffer;
    try {
      pdf = fs.readFileSync(brief.out);
    } catch (e) {
      throw new CliError(`cannot read ${brief.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
    }
    const message = await (await mimeModules()).composeMessage({
      content,
      parties,
      pdf,
      pdfFile: brief.out,
      date: creationDate(content.issued, brief.file),
      caches,
    });
    const done: string[] = [];
    const eml = emlFor(brief);
    if (eml !== undefined) {
      await writeAtomically(eml, message.raw, EML_OUTPUT);
      done.push(`${eml}: message with ${message.fileName} attached, ${megabytes(message.raw.length)}`);
    }
    if (smtp) {
      if (pdf.length > maxSize) {
        throw new CliError(
          `${brief.out}: not sent: the attachment is ${megabytes(pdf.length)}, over the ${megabytes(maxSize)} limit (--max-attachment-size)`,
          1,
        );
      }
      const delivery = await (await mimeModules()).sendMessage(message.raw, { from: parties.from.address, to: recipients }, smtp);
      done.push(`${brief.out}: sent to ${delivery.accepted.join(', ')} through ${smtp.host}:${smtp.port}`);
    }
    return done.join('\n');
  };

  return {
    rest,
    check(files) {
      if (values.mail !== undefined && files.length > 1) throw new CliError('--mail names one file; with several data files use --mail-dir', 2);
    },
    async run(briefs) {
      const outcomes: { brief: WrittenBrief; ok: boolean; exitCode: 0 | 1 | 2 }[] = [];
      for (const brief of briefs) {
        if (!brief.ok) {
          // its failure is reported already
          outcomes.push({ brief, ok: false, exitCode: 0 });
          continue;
        }
        try {
          process.stdout.write(`${await one(brief)}\n`);
          outcomes.push({ brief, ok: true, exitCode: 0 });
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (briefs.length === 1) throw e;
          process.stderr.write(
            `mowjaz: ${brief.file}: not ${smtp ? 'sent' : 'mailed'}: ${message.replace(new RegExp(`^${escapeRegExp(brief.file)}: `), '')}\n`,
          );
          outcomes.push({ brief, ok: false, exitCode: exitCodeOf(e) });
        }
      }
      if (briefs.length > 1) {
        const verb = smtp ? 'sent' : 'written';
        const named = (ok: boolean) =>
          outcomes
            .filter(o => o.ok === ok)
            .map(o => o.brief.file)
            .join(', ') || 'none';
        const line = `${outcomes.filter(o => o.ok).length} of ${briefs.length} messages ${verb}: ${named(true)}; not ${verb}: ${named(false)}`;
        (outcomes.every(o => o.ok) ? process.stdout : process.stderr).write(`${outcomes.every(o => o.ok) ? '' : 'mowjaz: '}${line}\n`);
      }
      return outcomes.reduce<0 | 1 | 2>((worst, o) => Math.max(o.exitCode, worst) as 0 | 1 | 2, 0);
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * nodemailer is loaded only when a message is made: it pulls in Node's HTTP stack, which the
 * brief command's start-up snapshot cannot hold, and a run without mail options never needs it.
 */
async function mimeModules(): Promise<typeof import('./compose.js') & typeof import('./send.js')> {
  const [compose, send] = await Promise.all([import('./compose.js'), import('./send.js')]);
  return { ...compose, ...send };
}
