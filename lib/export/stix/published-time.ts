/**
 * A page's stated publication time as epoch milliseconds, read the same way on every machine.
 * `Date.parse` reads zone-less date-times and free-form dates ("December 14, 2023") in the local time
 * zone, and each browser reads free-form dates its own way; an export must not depend on either. So:
 * - ISO 8601 / RFC 3339 forms (`2023-12-14`, `2023-12-14T09:00`, `…+00:00`, `…+0000`, `…Z`); a form
 *   without a zone is read as UTC, as a date-only one is anyway;
 * - other forms only when they end in an explicit zone (`Thu, 14 Dec 2023 09:00:00 GMT`);
 * - anything else is not a date here.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EXPLICIT_ZONE = /(?:\bGMT|\bUTC|\d\s*Z|[+-]\d{2}:?\d{2})$/i;

function isoEpoch(m: RegExpExecArray): number {
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  // Milliseconds only: finer digits are beyond what STIX timestamps here carry.
  return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
}

/** When `text` says the page was published, or undefined when it is not a date read unambiguously. */
export function publishedEpoch(text: string | null | undefined): number | undefined {
  const value = text?.trim() ?? '';
  if (!value || value.length > 100) return undefined;
  const iso = ISO.exec(value);
  const epoch = iso ? isoEpoch(iso) : EXPLICIT_ZONE.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(epoch) ? epoch : undefined;
}
