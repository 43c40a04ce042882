// Delivering a composed message over SMTP with nodemailer, one connection per message. Every
// failure becomes one line saying what happened (refused, timed out, authentication, recipient,
// size, TLS), exit 1; a message is reported as sent only when the server took it for every
// recipient.
import nodemailer from 'nodemailer';
import { CliError } from '../cli-support.js';

export type Security = 'starttls' | 'tls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  /** starttls: upgrade before anything else is said, and fail if the server cannot; tls: TLS from the start; none: plain. */
  security: Security;
  user?: string;
  password?: string;
  /** Each wait (connecting, the greeting, every reply), in milliseconds. */
  timeoutMs: number;
  /** Certificates to trust besides the system's (a server with its own certificate authority). */
  ca?: string;
}

export interface Envelope {
  from: string;
  to: string[];
}

export interface Delivery {
  accepted: string[];
  response: string;
}

/** A server's words, on one line and short: they end up in a terminal. */
function serverWords(text: unknown): string {
  const line = String(text ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

interface SmtpFailure extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  recipient?: string;
  rejected?: string[];
}

/** What went wrong, in one line; `server` is host:port. */
export function describeFailure(e: SmtpFailure, server: string, settings: SmtpSettings): string {
  const reply = e.response ? `: ${serverWords(e.response)}` : '';
  const cause = (e as { cause?: { code?: string } }).cause?.code;
  const net = [e.code, cause, (e as { errno?: string }).errno, e.message].join(' ');
  if (/ECONNREFUSED/.test(net)) return `connection refused by ${server}`;
  if (e.code === 'ETIMEDOUT' || /ETIMEDOUT|timed? ?out/i.test(net)) return `${server} did not answer within ${settings.timeoutMs / 1000} s`;
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(net)) return `cannot find the SMTP server ${settings.host}`;
  if (e.code === 'EAUTH') return `authentication failed at ${server} for ${settings.user ?? 'the configured user'}${reply}`;
  if (e.code === 'ENOAUTH') return `${server} wants a user name and password: set MOWJAZ_SMTP_USER and MOWJAZ_SMTP_PASSWORD`;
  if (e.responseCode === 552 || e.responseCode === 523 || /size larger than allowed/i.test(e.message))
    return `message too large for ${server}${reply || `: ${serverWords(e.message)}`}`;
  if (e.code === 'EENVELOPE' && e.command === 'RCPT TO') {
    const who = e.rejected?.length ? e.rejected.join(', ') : (e.recipient ?? 'the recipients');
    return `recipient rejected by ${server}: ${who}${reply}`;
  }
  if (e.code === 'EENVELOPE' && e.command === 'MAIL FROM') return `sender rejected by ${server}${reply}`;
  if (e.code === 'ETLS' || /certificate|TLS|SSL/i.test(net)) return `secure connection to ${server} failed: ${serverWords(e.message)}`;
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') return `connection to ${server} failed: ${serverWords(e.message)}`;
  return `sending through ${server} failed: ${serverWords(e.message)}${reply}`;
}

/** Sends `raw` as it is (the same bytes a written .eml holds). Throws a CliError (exit 1) on any failure. */
export async function sendMessage(raw: Buffer, envelope: Envelope, settings: SmtpSettings): Promise<Delivery> {
  const server = `${settings.host}:${settings.port}`;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user !== undefined ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    tls: settings.ca ? { ca: settings.ca } : undefined,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const info = await transport
    .sendMail({ envelope: { from: envelope.from, to: [...envelope.to] }, raw })
    .catch((e: unknown) => {
      throw new CliError(describeFailure(e as SmtpFailure, server, settings), 1);
    })
    .finally(() => transport.close());
  const accepted = (info.accepted ?? []).map(String);
  const rejected = (info.rejected ?? []).map(String);
  if (rejected.length) {
    // The server took the message for some recipients only: a failure, never "sent".
    const why = info.rejectedErrors?.[0]?.response ? `: ${serverWords(info.rejectedErrors[0].response)}` : '';
    throw new CliError(`recipient rejected by ${server}: ${rejected.join(', ')}${why} (delivered to ${accepted.join(', ') || 'nobody'} only)`, 1);
  }
  return { accepted, response: serverWords(info.response) };
}
