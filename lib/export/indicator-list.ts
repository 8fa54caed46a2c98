/**
 * A page's indicators as a list to paste into a ticket, a block list or a spreadsheet: each value
 * refanged (as tools read it) or defanged (safe to paste where links turn clickable), its type, and the
 * sentence around its first mention, and the MISP warninglist that calls it benign or special, if one does
 * (`warninglists.ts`), as plain text (tab-separated, one per line) or CSV.
 *
 * CSV cells are always quoted (RFC 4180) and a cell that starts like a formula (= + - @, tab or CR)
 * gets a leading apostrophe, so a page cannot plant a formula in the researcher's spreadsheet
 * (OWASP's "CSV injection" advice).
 */
import type { Entity, IndicatorType } from '../entities/types';
import { markdownFileName } from './markdown/file-name';

export type IndicatorListFormat = 'text' | 'csv';
export type IndicatorFanging = 'refanged' | 'defanged';

export interface IndicatorRow {
  /** The value in the form asked for. */
  value: string;
  type: IndicatorType;
  /** The sentence around the first mention, its indicators in the same form as `value`. */
  context: string;
  mentions: number;
  /** What a MISP warninglist makes the value ("popular site"), or '' when it is on none. */
  warninglist: string;
}

/** How each type is named in the list (and in the popup). */
export const INDICATOR_TYPE_NAMES: Record<IndicatorType, string> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'Domain',
  url: 'URL',
  email: 'E-mail address',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
};

const dotted = (host: string) => host.split('.').join('[.]');

/**
 * The conventional defanged form, which Gloss (and most tools) read back: dots of hosts and addresses
 * as `[.]`, `hxxp`/`fxp` schemes, `[@]`, IPv6 colons as `[:]`. Hashes need none.
 */
export function defangIndicator(value: string, type: IndicatorType): string {
  switch (type) {
    case 'ipv4':
    case 'domain':
      return dotted(value);
    case 'ipv6':
      return value.split(':').join('[:]');
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, at)}[@]${dotted(value.slice(at + 1))}`;
    }
    case 'url': {
      const schemeEnd = value.indexOf('://');
      if (schemeEnd < 0) return value;
      const scheme = value.slice(0, schemeEnd).toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
      const rest = value.slice(schemeEnd + 3);
      const authorityEnd = rest.search(/[/?#]|$/);
      const authority = rest.slice(0, authorityEnd);
      const hostStart = authority.lastIndexOf('@') + 1;
      return `${scheme}://${authority.slice(0, hostStart)}${dotted(authority.slice(hostStart))}${rest.slice(authorityEnd)}`;
    }
    default:
      return value;
  }
}

const fanged = (entity: Entity, fanging: IndicatorFanging) =>
  fanging === 'defanged' && entity.indicatorType ? defangIndicator(entity.canonical, entity.indicatorType) : entity.canonical;

/** Longest stretch read on either side of a mention when looking for its sentence's ends. */
const SENTENCE_REACH = 240;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0' || c === '\n' || c === '\r';
const endsSentence = (c: string | undefined) => c === '.' || c === '!' || c === '?';

/**
 * The sentence holding [start, end): back to the last sentence end, on to the next, at most
 * SENTENCE_REACH characters either way (cut with "…"). A sentence ends at `.`, `!` or `?` before
 * white space or the end of the text; a dot inside a word (`evil.com`) ends nothing, and neither does
 * a line break (article text keeps the page source's line breaks inside paragraphs). Reads at most
 * twice the reach.
 */
function sentenceSpan(text: string, start: number, end: number): { from: number; to: number; cutStart: boolean; cutEnd: boolean } {
  let from = start;
  const fromLimit = Math.max(0, start - SENTENCE_REACH);
  while (from > fromLimit && !(isSpace(text[from - 1]) && endsSentence(text[from - 2]))) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + SENTENCE_REACH);
  while (to < toLimit && !(endsSentence(text[to]) && (to + 1 === text.length || isSpace(text[to + 1])))) to++;
  if (to < text.length && endsSentence(text[to])) to++;
  return { from, to, cutStart: from === fromLimit && from > 0, cutEnd: to === toLimit && to < text.length };
}

interface Placed {
  start: number;
  end: number;
  value: string;
}

/** Longest label a list line may give its value ("Staging server:", "SHA-256 |"). */
const LABEL_REACH = 40;
const DECORATION = new Set([...' \t\u00a0-*•·|>#()0123456789.']);

/** Whether the line before `lineStart` ends mid-sentence (a word or a comma): a source line break inside a paragraph. */
function continuesProse(text: string, lineStart: number): boolean {
  let i = lineStart - 1;
  while (i >= 0 && ' \t\u00a0\n\r'.includes(text[i])) i--;
  return i >= 0 && /[a-z,]/.test(text[i]);
}

/**
 * The line holding [start, end) when the value stands on it alone, as in a list or table of indicators:
 * nothing before it but a short label ending in `:` or `|` (or bullets, after a line that ends a sentence), nothing after but
 * punctuation.
 * Such a line is the value's context; the sentence would run on through the whole list (a list has no
 * full stops) into whatever follows it. Plain loops over one short line, so linear in the text.
 */
function listLine(text: string, start: number, end: number): { from: number; to: number } | null {
  // Looks no further than a list line can reach, so a text without line breaks costs nothing per value.
  const reach = LABEL_REACH + 20;
  let from = start;
  while (from > 0 && text[from - 1] !== '\n') if (start - --from > reach) return null;
  let to = end;
  while (to < text.length && text[to] !== '\n') if (++to - end > reach) return null;
  if (to - from > end - start + reach) return null;
  for (let i = end; i < to; i++) if (!' \t\u00a0,;.)]'.includes(text[i])) return null;
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf(':'), before.lastIndexOf('|'));
  const label = cut === -1 ? '' : before.slice(0, cut);
  if (label.length > LABEL_REACH || /[.!?]\s/.test(label)) return null;
  for (const c of cut === -1 ? before : before.slice(cut + 1)) if (!DECORATION.has(c)) return null;
  if (cut === -1 && continuesProse(text, from)) return null;
  return { from, to };
}

/** The sentence of a mention (its line, in a list), with every indicator mention inside it written as `form` asks. */
function contextOf(text: string, start: number, end: number, placed: readonly Placed[]): string {
  const line = listLine(text, start, end);
  const span = line ? { ...line, cutStart: false, cutEnd: false } : sentenceSpan(text, start, end);
  let out = '';
  let at = span.from;
  for (const p of placed) {
    if (p.start < span.from || p.end > span.to || p.start < at) continue;
    out += text.slice(at, p.start) + p.value;
    at = p.end;
  }
  out += text.slice(at, span.to);
  const squeezed = out.replace(/\s+/g, ' ').trim();
  return `${span.cutStart ? '…' : ''}${squeezed}${span.cutEnd ? '…' : ''}`;
}

/** The page's indicators in order of first mention (those without mentions last), in the form asked for. */
export function indicatorRows(text: string, entities: readonly Entity[], fanging: IndicatorFanging): IndicatorRow[] {
  const indicators = entities.filter((e) => e.kind === 'indicator' && e.indicatorType);
  const placed: Placed[] = indicators
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, value: fanged(e, fanging) })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const first = (e: Entity) => e.mentions.reduce((min, m) => Math.min(min, m.start), Infinity);
  return [...indicators]
    .sort((a, b) => first(a) - first(b) || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0))
    .map((e) => {
      const mention = e.mentions.find((m) => m.start === first(e));
      return {
        value: fanged(e, fanging),
        type: e.indicatorType!,
        context: mention ? contextOf(text, mention.start, mention.end, placed) : '',
        mentions: e.mentions.length,
        warninglist: e.warning?.short ?? '',
      };
    });
}

/** A CSV cell: formula-like starts guarded with an apostrophe, always quoted, quotes doubled. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/**
 * The list as a file body: CSV with a header (CRLF line ends; the last column names the MISP warninglist a
 * value is on, if any), or text of `value<TAB>type<TAB>context` lines ("Domain (popular site)").
 */
export function indicatorList(rows: readonly IndicatorRow[], format: IndicatorListFormat): string {
  if (format === 'csv') {
    const lines = [
      ['indicator', 'type', 'context', 'mentions', 'warninglist'],
      ...rows.map((r) => [r.value, INDICATOR_TYPE_NAMES[r.type], r.context, String(r.mentions), r.warninglist]),
    ];
    return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
  // Tabs and line breaks cannot occur in a value or in a squeezed context, so each line splits cleanly. A
  // warninglist's word goes with the type, so that every line keeps three fields.
  const typeOf = (r: IndicatorRow) => `${INDICATOR_TYPE_NAMES[r.type]}${r.warninglist ? ` (${r.warninglist})` : ''}`;
  return rows.map((r) => `${r.value}\t${typeOf(r)}\t${r.context}`).join('\n') + (rows.length ? '\n' : '');
}

/** `<title>.indicators.csv` (or `.txt`), safe on every file system, as the page's other exports are named. */
export function indicatorFileName(page: { title: string; url: string }, format: IndicatorListFormat): string {
  return `${markdownFileName(page).replace(/\.md$/, '')}.indicators.${format === 'csv' ? 'csv' : 'txt'}`;
}
