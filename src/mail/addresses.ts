// E-mail addresses given on the command line or in the data: parsed by nodemailer's address
// parser, then each mailbox checked, so that a typo is an input error naming where it was given
// rather than a bounce after sending.
import addressparser from 'nodemailer/lib/addressparser';
import { InputError } from '../errors.js';

export interface Mailbox {
  name: string;
  address: string;
}

// A dot-atom local part (RFC 5322 3.2.3) and a domain of at least two labels, letters in any script.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}][\p{L}\p{N}-]*[\p{L}\p{N}]$/u;

/** Whether `address` (no display name) is one we can send to. */
export function isAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.length > 254) return false;
  const local = address.slice(0, at),
    domain = address.slice(at + 1);
  return local.length <= 64 && LOCAL.test(local) && DOMAIN.test(domain);
}

/**
 * The mailboxes in `value` ("a@x.org", "Name <a@x.org>", several separated by commas); `where`
 * names the option or the data path in the error. Groups are refused: a brief goes to people.
 */
export function parseMailboxes(value: string, where: string): Mailbox[] {
  const shown = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  const parsed = value.trim() === '' ? [] : addressparser(value);
  if (!parsed.length) throw new InputError(`${where}: ${shown} holds no e-mail address`);
  // "john smith@x.org" would parse as the name "john" and the address "smith@x.org": a name goes in front of <address>.
  if (!value.includes('<') && parsed.some(entry => entry.name))
    throw new InputError(`${where}: ${shown} is not a valid e-mail address (a name goes before the address in <…>)`);
  return parsed.map(entry => {
    if ('group' in entry && entry.group) throw new InputError(`${where}: ${shown} is an address group; give the addresses one by one`);
    const address = 'address' in entry ? (entry.address ?? '') : '';
    if (!isAddress(address)) throw new InputError(`${where}: ${JSON.stringify(address || entry.name || value)} is not a valid e-mail address`);
    return { name: entry.name ?? '', address };
  });
}

/** Exactly one mailbox (From, Reply-To). */
export function parseMailbox(value: string, where: string): Mailbox {
  const list = parseMailboxes(value, where);
  if (list.length > 1) throw new InputError(`${where}: give one address, not ${list.length}`);
  return list[0];
}
