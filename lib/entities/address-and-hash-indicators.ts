/**
 * The indicator forms that need no host-name rules: IPv4 and IPv6 addresses and MD5 / SHA-1 / SHA-256
 * hashes (the rules are in indicators.ts's header), and the word-boundary test every finder shares.
 */
import type { IndicatorType } from './types';

/** An indicator found in the refanged text, before overlaps are settled. */
export interface Candidate {
  type: IndicatorType;
  start: number;
  end: number;
  value: string;
}

const IPV4 = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}_]\.)(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}_]|\.\d)/gu;
const IPV6 = /[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,}(?:\.\d{1,3}){0,3}/g;
const HEX_RUN = /[0-9A-Fa-f]{32,}/g;
const HASH_TYPES: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const VERSION_BEFORE = /\b(?:v|ver|versions?|build|release|firmware)[.:]?\s*["'“]?$/i;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Whether a letter, digit or `_` starts at `index`. */
export function isWordCharAt(text: string, index: number): boolean {
  const cp = index >= 0 ? text.codePointAt(index) : undefined;
  if (cp === undefined) return false;
  // Most characters around indicators are ASCII; skip the Unicode property test for them.
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Whether a letter, digit or `_` ends just before `index` (a surrogate pair counts as one character). */
export function isWordCharBefore(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  return isWordCharAt(text, low >= 0xdc00 && low <= 0xdfff ? index - 2 : index - 1);
}

export function findIpv4(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IPV4)) {
    const octets = m[0].split('.');
    if (!octets.every((o) => Number(o) <= 255 && (o.length === 1 || !o.startsWith('0')))) continue;
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    found.push({ type: 'ipv4', start: m.index, end: m.index + m[0].length, value: m[0] });
  }
  return found;
}

/** RFC 4291 section 2.2 text forms. */
export function isIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2 || !/\d/.test(candidate)) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    // An IPv4 tail (`::ffff:192.0.2.1`) stands for two groups and must end the address.
    if (!/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(last)) return false;
    if (halves.length === 2 && halves[1] === '') return false;
    groups.pop();
    count++;
  }
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function findIpv6(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IPV6)) {
    let address = m[0];
    // A colon ending a sentence part ("at fe80::1: the") is not part of the address.
    if (address.endsWith(':') && !address.endsWith('::')) address = address.slice(0, -1);
    const end = m.index + address.length;
    if (isWordCharBefore(text, m.index) || ':.'.includes(text[m.index - 1] ?? 'x')) continue;
    if (isWordCharAt(text, end) || (text[end] === '.' && /\d/.test(text[end + 1] ?? ''))) continue;
    if (!isIpv6(address)) continue;
    found.push({ type: 'ipv6', start: m.index, end, value: address.toLowerCase() });
  }
  return found;
}

export function findHashes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(HEX_RUN)) {
    if (isWordCharBefore(text, m.index) || isWordCharAt(text, m.index + m[0].length)) continue;
    const type = HASH_TYPES[m[0].length];
    if (!type || !/\d/.test(m[0]) || !/[a-f]/i.test(m[0])) continue;
    found.push({ type, start: m.index, end: m.index + m[0].length, value: m[0].toLowerCase() });
  }
  return found;
}
