// What a brief's e-mail message says, taken from the brief's data in one place, so that the
// message follows the data model wherever it goes.
import { blocksOf, type Brief } from '../data/brief.js';
import { markingWords } from '../template/classification.js';

/** An address as given, with the JSON path it came from (for messages). */
export interface GivenAddress {
  value: string;
  at: string;
}

export interface MailContent {
  title: string;
  subtitle?: string;
  summary?: string;
  keyPoints: string[];
  /** The wording of the classification level. */
  classification?: string;
  reference?: string;
  issuer?: string;
  /** The issue date, YYYY-MM-DD: the message's Date when SOURCE_DATE_EPOCH is not set. */
  issued?: string;
  /** Arabic name of the attached PDF, without ".pdf". */
  attachmentName: string;
  /** Addresses from the data, when it has any. */
  from?: GivenAddress;
  replyTo?: GivenAddress;
  to: GivenAddress[];
  cc: GivenAddress[];
}

export function mailContent(brief: Brief): MailContent {
  const mail = brief.mail ?? {};
  const one = (value: string | undefined, key: string): GivenAddress | undefined => (value === undefined ? undefined : { value, at: `/mail/${key}` });
  const many = (values: string[] | undefined, key: string): GivenAddress[] => (values ?? []).map((value, i) => ({ value, at: `/mail/${key}/${i}` }));
  return {
    title: brief.title,
    subtitle: brief.subtitle,
    summary:
      blocksOf(brief, 'summary')
        .flatMap(b => b.paragraphs)
        .join('\n\n') || undefined,
    keyPoints: blocksOf(brief, 'key-points').flatMap(b => b.items),
    classification: markingWords(brief),
    reference: brief.reference,
    issuer: brief.issuer?.name,
    issued: brief.issued,
    attachmentName: brief.shortTitle ?? brief.title,
    from: one(mail.from, 'from'),
    replyTo: one(mail.replyTo, 'replyTo'),
    to: many(mail.to, 'to'),
    cc: many(mail.cc, 'cc'),
  };
}
