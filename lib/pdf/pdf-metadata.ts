import { cleanField, siteNameFromUrl, type ArticleMetadata } from '../article/metadata';
import type { PdfMetadataSource } from './pdf-source';

/**
 * A PDF date string ("D:20240115093000+01'00'", every part after the year optional) as ISO 8601:
 * "2024-01-15T08:30:00.000Z" when it has a time, "2024-01-15" for a date alone. Null when it is not one.
 */
export function parsePdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/.exec(
    value.trim().slice(0, 40),
  );
  if (!match) return null;
  const [, year, month = '01', day = '01', hour, minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const numbers = [year, month, day, hour ?? '00', minute, second].map(Number);
  const [y, mo, d, h, mi, s] = numbers;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  // 31 February is no date.
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (hour === undefined) return `${year}-${month}-${day}`;
  const offset = sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  return new Date(utc - offset * 60_000).toISOString();
}

function infoField(info: unknown, name: string): unknown {
  return typeof info === 'object' && info !== null ? (info as Record<string, unknown>)[name] : undefined;
}

/** An XMP value: dc:title is a language alternative (pdf.js gives its default), dc:creator a list. */
function xmpText(metadata: PdfMetadataSource['metadata'], name: string): string | null {
  let value: unknown;
  try {
    value = metadata?.get(name);
  } catch {
    return null;
  }
  if (Array.isArray(value)) return cleanField(value.filter((entry) => typeof entry === 'string').join(', '));
  return typeof value === 'string' ? cleanField(value) : null;
}

/** Titles tools write when the author gave none: they say nothing about the document. */
const PLACEHOLDER_TITLE = /^(?:untitled(?:\s+document)?|document\d*|microsoft word - .*|slide \d+|\S+\.(?:docx?|pdf|indd|tex|odt|pptx?))$/i;

function usefulTitle(value: string | null): string | null {
  return value && !PLACEHOLDER_TITLE.test(value) ? value : null;
}

/** The file's name from its address ("report.pdf"), the title of last resort. */
function fileNameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return cleanField(name);
  } catch {
    return null;
  }
}

export interface PdfMetadataInput {
  /** getMetadata()'s result, or null when it could not be read. */
  source: PdfMetadataSource | null;
  /** The address the document was opened from (null for a local file without one). */
  url: string | null;
  /** The outline's first entry, the title when the metadata gives none. */
  firstHeading: string | null;
}

/**
 * What Gloss shows about a PDF, in the article's shape: the title from the document's metadata (XMP,
 * then the Info dictionary) unless it is a tool's placeholder, else its first heading, else its file
 * name; the author; the creation date as ISO 8601; the site from the address; the language.
 */
export function pdfMetadata({ source, url, firstHeading }: PdfMetadataInput): ArticleMetadata {
  const info = source?.info;
  const metadata = source?.metadata ?? null;
  const text = (name: string) => cleanField(typeof infoField(info, name) === 'string' ? (infoField(info, name) as string) : null);
  const title =
    usefulTitle(xmpText(metadata, 'dc:title')) ??
    usefulTitle(text('Title')) ??
    cleanField(firstHeading) ??
    fileNameOf(url) ??
    'Untitled PDF';
  return {
    title,
    byline: xmpText(metadata, 'dc:creator') ?? text('Author'),
    siteName: siteNameFromUrl(url),
    publishedTime: parsePdfDate(infoField(info, 'CreationDate')) ?? xmpDate(metadata) ?? parsePdfDate(infoField(info, 'ModDate')),
    excerpt: xmpText(metadata, 'dc:description') ?? text('Subject'),
    lang: text('Language'),
    dir: null,
  };
}

function xmpDate(metadata: PdfMetadataSource['metadata']): string | null {
  const value = xmpText(metadata, 'xmp:createdate');
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}
