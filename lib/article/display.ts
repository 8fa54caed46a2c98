import type { ReadingTime } from './reading-time';

/** "7 min read", or "Under a minute" for short texts; null when there is no text at all. */
export function formatReadingTime({ words, minutes }: ReadingTime): string | null {
  if (words === 0) return null;
  return minutes <= 1 && words < 120 ? 'Under a minute' : `${minutes} min read`;
}

/**
 * A page's date as people read it ("14 December 2023"). Date-only values are shown as written, not
 * shifted into the reader's time zone. Unparseable values are returned as given.
 */
export function formatPublished(value: string | null, locale?: string): string | null {
  if (!value) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: dateOnly ? 'UTC' : undefined }).format(time);
}

/** The machine-readable form for a `<time datetime>` attribute, or null when the value is not a date. */
export function machineDate(value: string | null): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return value;
}
