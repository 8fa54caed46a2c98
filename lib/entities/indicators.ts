/**
 * Indicators of compromise in article text: IPv4 and IPv6 addresses, domains, URLs, e-mail addresses
 * and MD5 / SHA-1 / SHA-256 hashes, defanged or not. The text is refanged once (`defang.ts`), each type
 * is one linear regex pass over it (every pattern starts only where a token starts, so nothing
 * backtracks over a long run twice), and overlapping finds are settled longest first: a domain or
 * hash inside a URL or e-mail address is part of it, not a mention of its own.
 *
 * Rules, chosen for precision on security prose:
 * - IPv4: four decimal octets 0–255 without leading zeros, not part of a longer dotted number
 *   (`1.2.3.4.5`) and not right after "version", "v", "build" or "release".
 * - IPv6: RFC 4291 text forms (eight groups, or fewer with one `::`, optionally an IPv4 tail), with at
 *   least one digit, so times (`12:30:45`), MAC addresses and `Foo::bar` are not addresses.
 * - Domain: two or more labels ending in a top-level domain of the IANA list (the `tlds` package,
 *   plus `onion`) or a punycode one. Not found when the top-level label is capitalised (`ASP.NET`,
 *   `U.S.Army`, `the end.Next`), after `/` or `\` (a path), before `(` (a method call) or `@`, or when
 *   it starts with abbreviation letters (`e.g.`, `i.e.`). File names such as `report.pdf` fail the TLD
 *   test; for the TLDs that are mostly file extensions or code words in this prose (`.zip`, `.mov`,
 *   `.sh`, `.py`, `.app`, …, see AMBIGUOUS_TLDS) a bare name counts only when the author marked it as
 *   an indicator by defanging it (`invoice[.]zip`), or it starts with `www.`, or has a second-level
 *   label such as `com`/`gov` (`gov.pl`); inside a URL or e-mail address they always count.
 * - Hashes: a run of exactly 32, 40 or 64 hex digits not touching other letters, digits or `_`, with
 *   at least one digit and one letter a–f (so numbers and words are not hashes).
 * Values are normalised: domains, hashes and IPv6 lower-case; URLs get a lower-case scheme and host;
 * e-mail addresses a lower-case domain (the local part is case-sensitive by RFC 5321).
 *
 * `findIndicatorValues` reports every value of these forms; `findIndicators` (what the scanner shows)
 * keeps a domain, URL or e-mail address only where the text presents it as an indicator
 * (`indicator-context.ts`), so an encyclopedia's citation domains and a news site's outbound links
 * are not reported. Addresses and hashes are always indicators.
 */
import tldList from 'tlds';
import { findHashes, findIpv4, findIpv6, isWordCharAt, isWordCharBefore, type Candidate } from './address-and-hash-indicators';
import { refangText, type RefangedText } from './defang';
import { givenAsHandle, presentedAsIndicators, presentedLocally } from './indicator-context';
import type { Entity, IndicatorWarning, Mention } from './types';
import type { WarninglistLookup } from './warninglists';

const TLDS = new Set<string>([...tldList, 'onion']);
const AMBIGUOUS_TLDS = new Set([
  // file extensions: archives, videos, scripts, sources, installers, macOS bundles, OneNote files
  ...['zip', 'mov', 'cab', 'sh', 'py', 'pl', 'pm', 'rs', 'md', 'so', 'ps', 'run', 'app', 'one', 'java'],
  // member names in code snippets (`response.data`, `Date.now`, `window.open`)
  ...['data', 'name', 'map', 'call', 'open', 'style', 'new', 'now', 'next'],
]);
const GENERIC_SLDS = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac', 'mil']);

// Unicode boundaries are checked in code: a \p{…} lookbehind tried at every position costs more than
// the pass itself. DOTTED keeps a cheap ASCII one so it never restarts inside a run (`a-a-a-…`).
const DOTTED = /(?<![\w-])[\w-]+(?:\.[\w-]+)+/g;
const LOCAL_PART = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const URL_PATTERN = /\b(?:https?|ftp):\/\/[^\s<>"`{}|\\^\u201c\u201d\u2018\u2019\u00ab\u00bb]+/giu;
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*']);

const isTld = (label: string) => TLDS.has(label.toLowerCase()) || /^xn--[a-z0-9-]+$/i.test(label);

/** Whether `labels` form a host name; `strictCase` also asks for a lower-case top-level label. */
function isDomain(labels: readonly string[], strictCase: boolean): boolean {
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !isTld(tld) || (strictCase && tld !== tld.toLowerCase())) return false;
  // `_` occurs in service labels (`_dmarc.example.com`), never in the registered name.
  if (labels[labels.length - 2].includes('_')) return false;
  if (labels.reduce((n, l) => n + l.length + 1, -1) > 253) return false;
  return labels.every((l) => l.length > 0 && l.length <= 63 && !l.startsWith('-') && !l.endsWith('-'));
}

/** Drops a trailing capitalised word that a missing space glued on (`evil.com.The`). */
function withoutRunOnWord(labels: string[]): string[] {
  const kept = [...labels];
  while (kept.length > 2 && !isTld(kept[kept.length - 1]) && /^[A-Z][a-z]+$/.test(kept[kept.length - 1])) kept.pop();
  return kept;
}

function findDomains(r: RefangedText): Candidate[] {
  const text = r.text;
  const found: Candidate[] = [];
  for (const m of text.matchAll(DOTTED)) {
    let start = m.index;
    let labels = m[0].split('.');
    if (labels.every((l) => /^\d+$/.test(l))) continue;
    const tokenEnd = start + m[0].length;
    if (isWordCharAt(text, tokenEnd) || text[tokenEnd] === '@' || text[tokenEnd] === '(') continue;
    const before = text[start - 1];
    if (isWordCharBefore(text, start) || before === '/' || before === '\\') continue;
    if (before === '.' && (isWordCharBefore(text, start - 1) || text[start - 2] === '-')) continue;
    if (before === '%' && /^[0-9a-f]{2}/i.test(labels[0])) {
      // The hex pair of a percent-escape (`%2F%2Fevil.com` in an encoded URL) is not part of the name.
      start += 2;
      labels[0] = labels[0].slice(2);
    }
    let letters = 0;
    while (letters < labels.length && /^[a-z]$/i.test(labels[letters])) letters++;
    if (letters >= 2) {
      start += labels.slice(0, letters).join('.').length + 1;
      labels = labels.slice(letters);
    }
    labels = withoutRunOnWord(labels);
    const host = labels.join('.');
    const end = start + host.length;
    const defanged = r.wasDefanged(start, end);
    if (!isDomain(labels, !defanged)) continue;
    const tld = labels[labels.length - 1].toLowerCase();
    const vouched = defanged || /^www$/i.test(labels[0]) || GENERIC_SLDS.has(labels[labels.length - 2].toLowerCase());
    if (AMBIGUOUS_TLDS.has(tld) && !vouched) continue;
    found.push({ type: 'domain', start, end, value: host.toLowerCase() });
  }
  return found;
}

/** E-mail addresses, found from each `@` outwards (few pages have many). */
function findEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= 64 && LOCAL_PART.test(text[start - 1])) start--;
    const local = text.slice(start, at);
    // After a backslash the local part is cut short (a path, or Markdown's `a\_b@c.com`).
    if (!local || local.length > 64 || isWordCharBefore(text, start) || text[start - 1] === '\\') continue;
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text)?.[0];
    if (!domain) continue;
    const labels = withoutRunOnWord(domain.split('.'));
    const end = at + 1 + labels.join('.').length;
    if (!isDomain(labels, false) || isWordCharAt(text, end)) continue;
    found.push({ type: 'email', start, end, value: `${local}@${labels.join('.').toLowerCase()}` });
  }
  return found;
}

/**
 * Where a URL found by URL_PATTERN really ends: before the first closing bracket it did not open
 * (`(see http://a.com/x)`, Markdown's `[text](http://a.com)*`), without trailing sentence punctuation.
 */
function urlLength(url: string): number {
  let parens = 0;
  let squares = 0;
  let end = url.length;
  for (let i = 0; i < url.length && end === url.length; i++) {
    const c = url[i];
    if (c === '(') parens++;
    else if (c === '[') squares++;
    else if (c === ')' && parens-- === 0) end = i;
    else if (c === ']' && squares-- === 0) end = i;
  }
  while (end > 0 && URL_TRAILING.has(url[end - 1])) end--;
  return end;
}

function findUrls(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].slice(0, urlLength(m[0]));
    const afterScheme = url.indexOf('://') + 3;
    const authority = /^[^/?#]*/.exec(url.slice(afterScheme))![0];
    const hostAt = afterScheme + authority.lastIndexOf('@') + 1;
    const hostEnd = afterScheme + authority.length;
    if (!/[\p{L}\p{N}]/u.test(url.slice(hostAt, hostEnd))) continue;
    const value =
      url.slice(0, afterScheme).toLowerCase() +
      url.slice(afterScheme, hostAt) +
      url.slice(hostAt, hostEnd).toLowerCase() +
      url.slice(hostEnd);
    found.push({ type: 'url', start: m.index, end: m.index + url.length, value });
  }
  return found;
}

/**
 * Non-overlapping candidates, the longest winning (then the leftmost). Overlaps are settled within
 * each cluster of overlapping spans, which keeps this near-linear on pages listing thousands.
 */
function pickLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const settle = () => {
    cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Candidate[] = [];
    for (const c of cluster) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
    chosen.push(...kept.sort((a, b) => a.start - b.start));
  };
  for (const c of candidates) {
    if (c.start >= clusterEnd && cluster.length) {
      settle();
      cluster = [];
    }
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  if (cluster.length) settle();
  return chosen;
}

/**
 * Every indicator in `text` that the text presents as one (see indicator-context.ts), grouped as
 * findIndicatorValues does. With `warninglists`, a value on one of them (a popular site, a private address,
 * the empty file's hash) is kept only where the text presents it as an indicator right there, whatever the
 * rest of the page is, and says which list holds it (`warning`).
 */
export function findIndicators(text: string, warninglists?: WarninglistLookup): Entity[] {
  return indicatorEntities(text, true, warninglists);
}

/** Every value of an indicator's form in `text`, one entity per distinct (refanged) value, in order of first mention. */
export function findIndicatorValues(text: string): Entity[] {
  return indicatorEntities(text, false);
}

/** Each warned candidate's warning, or null where the text does not present it as an indicator right there. */
function warnedCandidates(
  candidates: readonly Candidate[],
  lookup: WarninglistLookup,
  local: () => boolean[],
): Map<Candidate, IndicatorWarning | null> {
  const warned = new Map<Candidate, IndicatorWarning | null>();
  candidates.forEach((c, i) => {
    const warning = lookup(c.type, c.value);
    if (warning) warned.set(c, local()[i] ? warning : null);
  });
  return warned;
}

function indicatorEntities(text: string, presentedOnly: boolean, warninglists?: WarninglistLookup): Entity[] {
  const refanged = refangText(text);
  const r = refanged.text;
  const found = [...findUrls(r), ...findEmails(r), ...findIpv4(r), ...findIpv6(r), ...findDomains(refanged), ...findHashes(r)];
  const longest = pickLongest(found).filter(
    (c) => c.type !== 'domain' || refanged.wasDefanged(c.start, c.end) || !givenAsHandle(r, c.start),
  );
  // Read once, when a warninglist or the page's context asks for it.
  let here: boolean[] | undefined;
  const local = () => (here ??= presentedLocally(refanged, longest));
  const warned = warninglists ? warnedCandidates(longest, warninglists, local) : new Map<Candidate, null>();
  const presented = presentedOnly ? presentedAsIndicators(refanged, longest, here) : longest;
  const candidates = presented.filter((c) => warned.get(c) !== null);
  const entities = new Map<string, Entity>();
  for (const c of candidates) {
    const start = refanged.toOriginal(c.start);
    const end = refanged.toOriginalEnd(c.end);
    const mention: Mention = { start, end, text: text.slice(start, end) };
    const key = `${c.type} ${c.value}`;
    const entity = entities.get(key);
    if (entity) entity.mentions.push(mention);
    else {
      const warning = warned.get(c);
      entities.set(key, {
        kind: 'indicator',
        indicatorType: c.type,
        name: c.value,
        canonical: c.value,
        aliases: [],
        mentions: [mention],
        ...(warning && { warning }),
      });
    }
  }
  return [...entities.values()];
}
