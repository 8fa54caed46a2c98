/**
 * Abbreviations a text defines for an organisation it names: "the Philippine Overseas Employment
 * Administration (POEA)", "New Zealand Department of Conservation (DOC)". The bracketed letters spell the
 * initials of the name's last words (a country before the body may be left out; "of", "and", "the" may
 * or may not be spelled), so the abbreviation names that organisation wherever the text uses it.
 *
 * Linear: a bounded look at the text after each organisation mention, then one pass over the text's words.
 */
import type { Mention } from './types';

/** What may follow a name: " (POEA)". Two to eight letters, at least two of them capitals (checked after). */
const DEFINED_AFTER = /^[ \t\u00a0]*\((\p{L}{2,8})\)/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Words an abbreviation may leave out or spell: "Department of Conservation" is DOC, "Revenue and Customs" RC. */
const OPTIONAL = new Set(['of', 'and', 'the', 'for', 'on', 'in', '&']);

/** Whether `letters` (lower case) spell the initials of `words`, each optional word spelled or not. */
function spells(letters: string, words: readonly string[]): boolean {
  // reachable[j]: the first j letters are spelled by the words read so far. At most 8 letters and a name's words.
  let reachable = new Set([0]);
  for (const word of words) {
    const next = new Set<number>();
    const initial = word[0].toLowerCase();
    for (const j of reachable) {
      if (letters[j] === initial) next.add(j + 1);
      if (OPTIONAL.has(word.toLowerCase())) next.add(j);
    }
    reachable = next;
  }
  return reachable.has(letters.length);
}

/** Whether the abbreviation spells the initials of the name's last words (at least two). */
function abbreviates(abbreviation: string, name: string): boolean {
  const words = [...name.matchAll(WORD)].map((match) => match[0]);
  const letters = abbreviation.toLowerCase();
  for (let from = 0; from <= words.length - 2; from++) {
    if (!OPTIONAL.has(words[from].toLowerCase()) && spells(letters, words.slice(from))) return true;
  }
  return false;
}

/** An organisation's mention, with the canonical name of the organisation it names. */
type NamedMention = Mention & { canonical: string };

/**
 * Every use of an abbreviation the text defines right after one of `named`: the bracketed definition and
 * every later whole-word use, each with that organisation's canonical name.
 */
export function organizationAbbreviations(text: string, named: readonly NamedMention[]): NamedMention[] {
  const defined = new Map<string, { canonical: string; from: number }>();
  for (const mention of named) {
    const after = DEFINED_AFTER.exec(text.slice(mention.end, mention.end + 16));
    if (!after) continue;
    const abbreviation = after[1];
    if ((abbreviation.match(/\p{Lu}/gu) ?? []).length < 2 || defined.has(abbreviation)) continue;
    if (abbreviates(abbreviation, mention.text)) defined.set(abbreviation, { canonical: mention.canonical, from: mention.end });
  }
  if (!defined.size) return [];
  const uses: NamedMention[] = [];
  for (const word of text.matchAll(WORD)) {
    const definition = defined.get(word[0]);
    if (definition && word.index > definition.from) {
      uses.push({ start: word.index, end: word.index + word[0].length, text: word[0], canonical: definition.canonical });
    }
  }
  return uses;
}
