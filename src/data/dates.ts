// Dates as the data and the templates write them, read without guessing: a calendar date must
// exist and fall in the years a policy brief can be about, and a time without a zone is UTC, so
// that no setting of TZ changes a byte of the PDF.

/** Years a date may have: a year 1 or 9999 is a typing error, never a brief. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30), in the years FIRST_YEAR to LAST_YEAR. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** YYYY-MM-DD, optionally Thh:mm, :ss, .fraction and a zone (Z or ±hh:mm). */
const ISO_DATE_TIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/**
 * The instant a `<document date>` names, or a sentence saying why it names none. Only ISO 8601
 * forms are read (no "August 15" parsed differently by each engine); without a zone it is UTC.
 */
export function readDateTime(text: string): Date | string {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return 'must be written YYYY-MM-DD or YYYY-MM-DDThh:mm:ss, optionally with a zone (Z or +03:00)';
  if (!isIsoDate(m[1])) return `must be a calendar date in the years ${FIRST_YEAR} to ${LAST_YEAR}`;
  const [hours, minutes, seconds] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return 'has a time of day that does not exist';
  const zone = m[6] ?? 'Z';
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return 'has a time zone that does not exist';
  const iso = `${m[1]}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}${(m[5] ?? '').slice(0, 4)}${zone}`;
  return new Date(iso);
}
