/**
 * Abbreviations a text defines for a technique: "Ransomware-as-a-Service (RaaS)", "a Domain Generation
 * Algorithm (DGA)". The abbreviation in brackets spells the initials of the words before it, and those
 * words start with a technique's name (alone, or as the head of a hyphenated compound), so the
 * abbreviation names the technique wherever the text uses it: "RaaS" later in the text is the same
 * technique, written short.
 *
 * Linear: one pass for the bracketed abbreviations, a bounded look back from each, then one pass over the
 * text's words for all the abbreviations at once.
 */
import type { Mention } from './types';

/** An abbreviation in brackets: two to eight letters, at least two of them capitals (checked after). */
const BRACKETED = /\((\p{L}{2,8})\)/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** How far back the phrase an abbreviation stands for may start. */
const LOOK_BACK = 80;

/** The initials of a phrase's words, split at spaces and hyphens, lower case: "ransomware-as-a-service" → "raas". */
function initials(words: readonly string[]): string {
  return words.map((word) => word[0].toLowerCase()).join('');
}

/**
 * Every use of an abbreviation the text defines for a technique. `techniqueOf` gives the id of a
 * technique whose name (lower case) is exactly the phrase given, or undefined.
 */
export function abbreviationMentions(text: string, techniqueOf: (name: string) => string | undefined): (Mention & { id: string })[] {
  const defined = new Map<string, string>();
  for (const match of text.matchAll(BRACKETED)) {
    const abbreviation = match[1];
    if ((abbreviation.match(/\p{Lu}/gu) ?? []).length < 2 || defined.has(abbreviation)) continue;
    const id = definedTechnique(text.slice(Math.max(0, match.index - LOOK_BACK), match.index), abbreviation, techniqueOf);
    if (id) defined.set(abbreviation, id);
  }
  if (!defined.size) return [];
  const mentions: (Mention & { id: string })[] = [];
  for (const word of text.matchAll(WORD)) {
    const id = defined.get(word[0]);
    if (id) mentions.push({ start: word.index, end: word.index + word[0].length, text: word[0], id });
  }
  return mentions;
}

/** The technique the phrase right before "(ABBR)" names, when its words' initials spell the abbreviation. */
function definedTechnique(before: string, abbreviation: string, techniqueOf: (name: string) => string | undefined): string | undefined {
  // The last words before the bracket, as many as the abbreviation has letters, hyphens splitting words.
  const tokens = [...before.trimEnd().matchAll(/[\p{L}\p{N}]+|[-\s\u00a0]+/gu)].map((m) => m[0]);
  const words: string[] = [];
  const separators: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && words.length < abbreviation.length; i--) {
    if (/^[\p{L}\p{N}]/u.test(tokens[i])) words.unshift(tokens[i]);
    else if (words.length) separators.unshift(tokens[i]);
  }
  if (words.length !== abbreviation.length || initials(words) !== abbreviation.toLowerCase()) return undefined;
  // The technique's name is the phrase's first words: all of them, or a head joined by a hyphen to the rest.
  for (let k = words.length; k >= 1; k--) {
    if (k < words.length && !separators[k - 1].includes('-')) continue;
    const name = words
      .slice(0, k)
      .map((w, i) => (i ? separators[i - 1].replace(/[\s\u00a0]+/g, ' ') : '') + w)
      .join('')
      .toLowerCase();
    const id = techniqueOf(name);
    if (id) return id;
  }
  return undefined;
}
