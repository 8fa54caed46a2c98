/**
 * Whether the text presents a domain, URL or e-mail address as an indicator of compromise, or just
 * names a site: an encyclopedia's citations ("Retrieved from stuff.co.nz"), a news story's outbound
 * links ("as wired.com reported") and a spec's example addresses are not indicators.
 *
 * A domain, URL or e-mail address counts when any of these holds:
 * - it is defanged (`evil[.]com`, `hxxp://`): the author marked it as dangerous;
 * - a word of the trade is near it in the same sentence (within 150 characters before or 100 after,
 *   no `.`, `!` or `?` before white space in between; a line break does not part them, since article
 *   text keeps the page source's line breaks): C2, command and control, payload, beacon, hosted,
 *   download, dropper, malicious, phishing, exfiltration, callback, IOC, sinkhole, attacker, malware,
 *   backdoor, spoofed, lookalike…;
 * - it stands alone on its line (a list item or table cell, bullets and a label such as "Domain:"
 *   aside) next to another such line, or is the whole text (a value given on its own);
 * - the page reads as a threat report with indicators: it has a hash, anything defanged, or says
 *   "indicators of compromise" / "IOCs".
 * IP addresses and hashes are always indicators: prose seldom names them otherwise.
 * `presentedLocally` asks the same of every value without the page-wide reasons: a value on a
 * warninglist (`warninglists.ts`: `google.com`, `192.168.1.1`) counts only where the text presents it so.
 * A trade word is a whole word: "redirect_uri" and "download_url" in a spec's code are no cues.
 *
 * Linear: the trade words are found in one regex pass over the text (each alternative a literal that
 * starts at a word boundary), line and sentence ends in one scan each; each candidate then looks them
 * up by binary search.
 */
import type { RefangedText } from './defang';
import type { Candidate } from './address-and-hash-indicators';

const CONTEXT_TYPES = new Set(['domain', 'url', 'email']);
const BEFORE = 150;
const AFTER = 100;

const CUES = new RegExp(
  '\\b(?:' +
    [
      'c2',
      'c&c',
      'cnc',
      'command[ -](?:and|&)[ -]control',
      'payloads?',
      'beacon[a-z]*',
      'hosted',
      'hosting',
      'download[a-z]*',
      'droppers?',
      'dropped',
      'malicious',
      'phish[a-z]*',
      'exfiltrat[a-z]*',
      'callbacks?',
      'iocs?',
      'indicators?',
      'sinkhole[a-z]*',
      'staging',
      'attackers?',
      'malware',
      'backdoors?',
      'implants?',
      'ransomware',
      'trojan[a-z]*',
      'compromised',
      'spoof[a-z]*',
      'typosquat[a-z]*',
      'look-?alike',
      'impersonat[a-z]*',
      'redirect[a-z]*',
      'contact(?:ed|s)',
      'connect(?:s|ed)',
      'resolv(?:es|ed)',
      'registered',
      'infrastructure',
      'exploit[a-z]*',
      'botnet',
      'stealer',
      'loader',
      'rat',
      'threat actors?',
    ].join('|') +
    ')\\b',
  'gi',
);
const IOC_PAGE = /\b(?:indicators? of compromise|iocs?)\b/i;
/** What may stand beside a value alone on its line: bullets, numbering, a type label, table rules. */
const LINE_DECORATION =
  /^[\s\-*•·|>#\d.)(]*(?:(?:domains?|urls?|hosts?|hostnames?|e-?mails?|addresses|c2|c&c|ioc|indicator|value)\s*[:|-]\s*)?/i;

/** Sorted offsets of every sentence end: `.`, `!` or `?` followed by white space or the end. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && (i + 1 === text.length || /\s/.test(text[i + 1]))) ends.push(i);
  }
  return ends;
}

/** Sorted offsets of every "\n" in `text`. */
function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks.push(at);
  return breaks;
}

/** The index of the first item in sorted `values` that is >= `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Lines {
  breaks: number[];
  text: string;
}

/** [start, end) of the line holding `offset`. */
function lineAround(lines: Lines, offset: number): { index: number; start: number; end: number } {
  const index = lowerBound(lines.breaks, offset);
  const start = index === 0 ? 0 : lines.breaks[index - 1] + 1;
  const end = index < lines.breaks.length ? lines.breaks[index] : lines.text.length;
  return { index, start, end };
}

/** Whether the value [start, end) is all its line holds, decoration aside. */
function aloneOnLine(lines: Lines, start: number, end: number): boolean {
  const line = lineAround(lines, start);
  if (end > line.end) return false;
  // Lines of a list are short; a long line is prose whatever it holds.
  if (line.end - line.start > end - start + 60) return false;
  const before = lines.text.slice(line.start, start);
  const after = lines.text.slice(end, line.end);
  return before.replace(LINE_DECORATION, '').trim() === '' && /^[\s,;.|)\]]*$/.test(after);
}

/**
 * A person's handle written like a domain: "Another user, “lucas.dev”, offered hosting", "the seller known as
 * 'dark.market'". A word for a person or an account, then the value in quotes: no indicator, even on a threat
 * report's page (a defanged value still is one).
 */
const HANDLE_BEFORE =
  /\b(?:user(?:name)?|handle|nickname|nick|alias|moniker|persona|screen[\s\u00a0]?name|account|seller|vendor|member|poster|admin(?:istrator)?)(?:[\s\u00a0]+(?:named|called|known[\s\u00a0]+as|going[\s\u00a0]+by))?,?[\s\u00a0]*[“"'‘]$/i;
const HANDLE_WINDOW = 48;

/** Whether a domain at `start` is given as somebody's handle (`HANDLE_BEFORE`). */
export function givenAsHandle(text: string, start: number): boolean {
  return HANDLE_BEFORE.test(text.slice(Math.max(0, start - HANDLE_WINDOW), start));
}

/**
 * The candidates a reader would take for indicators: see the module comment. `local`: what
 * `presentedLocally` says of the same candidates, when the caller has it already.
 */
export function presentedAsIndicators(refanged: RefangedText, candidates: readonly Candidate[], local?: readonly boolean[]): Candidate[] {
  if (!candidates.some((c) => CONTEXT_TYPES.has(c.type))) return [...candidates];
  const threatReport =
    candidates.some((c) => c.type === 'md5' || c.type === 'sha1' || c.type === 'sha256' || refanged.wasDefanged(c.start, c.end)) ||
    IOC_PAGE.test(refanged.text);
  if (threatReport) return [...candidates];
  const here = local ?? presentedLocally(refanged, candidates);
  return candidates.filter((c, i) => !CONTEXT_TYPES.has(c.type) || here[i]);
}

/**
 * For each candidate, whether the text presents it as an indicator right where it is, whatever its type:
 * defanged, a word of the trade near it, alone on a line of a list, or the whole text. What the page as a
 * whole is (a threat report, an IOC list) does not count here: a value on a warninglist needs this.
 */
export function presentedLocally(refanged: RefangedText, candidates: readonly Candidate[]): boolean[] {
  const text = refanged.text;
  const lines: Lines = { breaks: lineBreaks(text), text };
  const cueStarts: number[] = [];
  const cueEnds: number[] = [];
  for (const m of text.matchAll(CUES)) {
    cueStarts.push(m.index);
    cueEnds.push(m.index + m[0].length);
  }
  const ends = sentenceEnds(text);
  /** Whether a sentence ends in [from, to). */
  const sentenceEndIn = (from: number, to: number) => {
    const k = lowerBound(ends, from);
    return k < ends.length && ends[k] < to;
  };
  const cueNear = (c: Candidate) => {
    const from = Math.max(0, c.start - BEFORE);
    const to = Math.min(text.length, c.end + AFTER);
    // Cues that start in [from, to) and end by `to`, not inside the value itself (a URL's path may say
    // "payload"), with no sentence end between the cue and the value.
    for (let k = lowerBound(cueStarts, from); k < cueStarts.length && cueStarts[k] < to; k++) {
      if (cueEnds[k] > to) continue;
      if (cueEnds[k] <= c.start && !sentenceEndIn(cueEnds[k], c.start)) return true;
      if (cueStarts[k] >= c.end && !sentenceEndIn(c.end, cueStarts[k])) return true;
    }
    return false;
  };

  const alone = candidates.map((c) => aloneOnLine(lines, c.start, c.end));
  const lineOf = candidates.map((c) => lineAround(lines, c.start).index);
  const textStart = text.length - text.trimStart().length;
  const textEnd = text.trimEnd().length;
  const wholeText = (c: Candidate) => c.start <= textStart && c.end >= textEnd;
  return candidates.map((c, i) => {
    if (refanged.wasDefanged(c.start, c.end) || cueNear(c) || wholeText(c)) return true;
    if (!alone[i]) return false;
    // A list: another value alone on a line at most two lines away.
    const neighbour = (j: number) =>
      j >= 0 && j < candidates.length && alone[j] && lineOf[j] !== lineOf[i] && Math.abs(lineOf[j] - lineOf[i]) <= 2;
    return neighbour(i - 1) || neighbour(i + 1);
  });
}
