/**
 * Vulnerabilities in article text: CVE ids. Writers and typesetting vary the form (`cve-2023-4966`,
 * `CVE‑2023‑4966` with non-breaking hyphens, en dashes, `CVE 2021-44228`), so any dash, and a space
 * after `CVE`, is accepted; the entity is the canonical `CVE-YYYY-NNNN` in upper-case ASCII.
 *
 * Boundaries: an id touching another letter, digit or `_` is part of a longer token (`XCVE-…`,
 * `CVE-2023-12345a`), and one followed by a dash or dot and more digits is a longer number. A dash
 * or dot followed by a word does not (`CVE-2021-44228-vulnerable`, `CVE-2023-4966.json`).
 */
import type { Entity, Mention } from './types';

// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, small and fullwidth hyphen-minus.
const DASH = '[-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\ufe63\\uff0d]';
const CVE = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}_])CVE(?:${DASH}|[ \\u00a0])(\\d{4})${DASH}(\\d{4,})(?![\\p{L}\\p{N}\\p{M}_])(?!(?:${DASH}|\\.)\\d)`,
  'giu',
);

/** Every CVE id in `text`, one entity per id, in order of first mention. */
export function findVulnerabilities(text: string): Entity[] {
  const byId = new Map<string, Mention[]>();
  for (const m of text.matchAll(CVE)) {
    const id = `CVE-${m[1]}-${m[2]}`;
    const mention: Mention = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const mentions = byId.get(id);
    if (mentions) mentions.push(mention);
    else byId.set(id, [mention]);
  }
  return [...byId].map(([id, mentions]) => ({ kind: 'vulnerability', name: id, canonical: id, aliases: [], mentions }));
}
