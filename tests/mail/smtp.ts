// An SMTP server in this process, on 127.0.0.1 only: smtp-server with STARTTLS on a self-signed
// certificate made for the test, and a user name and password. What it accepts is parsed back by
// mailparser; recipients starting with "reject" are refused, and `hang` makes it go silent once
// the message is on its way, as a server that stops answering.
import net from 'node:net';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer } from 'smtp-server';
import { packageRoot } from '../../src/package-root.js';

export const USER = 'briefs';
export const PASSWORD = 'correct horse battery staple';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail /** Whether the session had been upgraded to TLS. */;
  secure: boolean;
}

export interface TestServer {
  port: number;
  /** The certificate, for --smtp-ca: trusted explicitly, never by turning verification off. */
  certificate: string;
  received: Received[];
  /** Sessions that reached DATA (a message the server started to receive). */
  dataStarted: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Largest message announced with SIZE and enforced. */
  size?: number;
  /** Stop answering once the message data arrives. */
  hang?: boolean;
}

let pems: Promise<{ cert: string; private: string }> | undefined;

/** One self-signed certificate for 127.0.0.1 per test file. */
function certificate(): Promise<{ cert: string; private: string }> {
  pems ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return pems;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const { cert, private: key } = await certificate();
  const received: Received[] = [];
  const state = { dataStarted: 0 };
  const server = new SMTPServer({
    key,
    cert,
    secure: false, // plain connection, upgraded by STARTTLS
    authMethods: ['PLAIN', 'LOGIN'],
    size: options.size,
    logger: false,
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('reject')) callback(Object.assign(new Error(`No such mailbox ${address.address}`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      state.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (options.hang) return; // never answers: the client must time out
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds fixed maximum message size'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map(r => r.address),
          raw,
          secure: session.secure,
          parsed: await simpleParser(raw),
        });
        callback(null, 'Queued');
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    certificate: cert,
    received,
    get dataStarted() {
      return state.dataStarted;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>(resolve => probe.close(() => resolve()));
  return port;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (build/src/cli.js) as a child process without blocking this one, which
 * serves its SMTP session. Only the variables given are added to a clean environment.
 */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith('MOWJAZ_') || key === 'SOURCE_DATE_EPOCH') delete base[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(packageRoot(), 'build/src/cli.js'), ...args], { cwd: packageRoot(), env: { ...base, ...env } });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}
