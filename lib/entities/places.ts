/**
 * Places in article text: countries, territories, regions, well-known cities and states, from the
 * list Gloss ships (data/places.json), resolved to one entity per place ("Chinese", "PRC" and
 * "China" are China). Demonyms count: AnnoCTR's annotators label "Chinese actors" a place mention,
 * and a reader wants it under China.
 *
 * Precision rules, each because the plain match was wrong often enough to matter:
 * - Case-sensitive: place names are proper nouns, and lower-case forms ("turkey", "chad") are words.
 * - Not inside a link or file path (`/us/blog/…`, `Software\Microsoft\…`): those are addresses.
 * - A name next to another capitalised word within a sentence is part of a longer name ("China
 *   Chopper", "Washington Post", "Radio New Zealand"), unless the next word is a geographic feature
 *   ("the Eastern Mediterranean Sea"). Demonyms are exempt: they are adjectives ("Chinese APT").
 * - Not a currency ("US$400") and not an all-capital short form in all-capital text ("CONTACT US").
 * A hyphenated "-based", "-linked" or "-backed" stays in the mention ("China-linked"), as annotators
 * mark it; "English" is not listed, as it names the language far more often than England.
 */
import type { NameSearchGroup } from './folded-search';
import { createNameMatcher, isInsideLinkOrPath, selectLongest, type NameMatcher } from './match-names';
import type { Entity, Mention } from './types';

/** One record of data/places.json. */
export interface PlaceRecord {
  name: string;
  /** country, former-country, territory, region, city or state. */
  type: string;
  /**
   * ISO 3166-1 alpha-2 code of the country the place is (or lies in), upper case; absent where it lies
   * in no one country. Exports read it (a STIX location needs a country or a region), finding does not.
   */
  country?: string;
  /**
   * The smallest STIX `region-ov` region (UN M49) holding all of the place, where no country says where
   * it is; absent where the place straddles regions ("Middle East": Egypt is Northern Africa).
   */
  region?: string;
  aliases?: string[];
  /** Adjectives and nouns of people ("Chinese", "Filipino"), mentions of the same place. */
  demonyms?: string[];
}

interface PlaceForm {
  record: number;
  demonym: boolean;
}

/** Demonyms that are also nouns for people and take an -s plural ("Iranians", "Greeks", "Cypriots"). */
const PLURAL_TAKES_S = /[niokt]$/;

/** Hyphenated forms that keep a demonym a place mention ("Russian-speaking forums"). */
const DEMONYM_COMPOUNDS = ['speaking', 'language'];

export function createPlaceFinder(records: readonly PlaceRecord[], group?: NameSearchGroup): (text: string) => Entity[] {
  const patterns = records.flatMap((record, index) => [
    ...[record.name, ...(record.aliases ?? [])].map((form) => ({
      form,
      caseSensitive: true,
      data: { record: index, demonym: false },
    })),
    ...(record.demonyms ?? []).flatMap((demonym) =>
      [demonym, ...(PLURAL_TAKES_S.test(demonym) ? [`${demonym}s`] : []), ...DEMONYM_COMPOUNDS.map((suffix) => `${demonym}-${suffix}`)].map(
        (form) => ({
          form,
          caseSensitive: true,
          data: { record: index, demonym: true },
        }),
      ),
    ),
  ]);
  const matcher: NameMatcher<PlaceForm> = createNameMatcher(patterns, group);
  return (text) => findPlaces(text, records, matcher);
}

function findPlaces(text: string, records: readonly PlaceRecord[], matcher: NameMatcher<PlaceForm>): Entity[] {
  const byRecord = new Map<number, { name: string; mentions: Mention[] }>();
  const kept = matcher.findAll(text).filter((hit) => isPlaceMention(text, hit.start, hit.end, hit.data[0]));
  for (const hit of selectLongest(kept)) {
    const end = hit.end + (HYPHEN_COMPOUND.exec(text.slice(hit.end, hit.end + 16))?.[0].length ?? 0);
    const place = byRecord.get(hit.data[0].record) ?? { name: hit.text, mentions: [] };
    place.mentions.push({ start: hit.start, end, text: text.slice(hit.start, end) });
    byRecord.set(hit.data[0].record, place);
  }
  return [...byRecord].map(([index, { name, mentions }]) => ({
    kind: 'place',
    name,
    canonical: records[index].name,
    aliases: records[index].aliases ?? [],
    mentions,
  }));
}

function isPlaceMention(text: string, start: number, end: number, form: PlaceForm): boolean {
  if (isInsideLinkOrPath(text, start, end) || isShoutedShortForm(text, start, end)) return false;
  if (!form.demonym && !GEOGRAPHIC_WORD.test(text.slice(end, end + 12))) {
    if (startsCapitalisedWord(text, end) || followsCapitalisedWord(text, start)) return false;
  }
  return !CURRENCY.test(text.slice(end, end + 2));
}

/** "the Eastern Mediterranean Sea": a feature word after a place keeps it a place. */
const GEOGRAPHIC_WORD = /^[ \t](?:Sea|Ocean|Gulf|Strait|Peninsula|Region|Islands?|Basin|Coast)(?![\p{L}\p{N}])/u;

/** "US$400", "US $1,000": a currency, not the country. */
const CURRENCY = /^ ?\$/u;

/** Hyphenated words a place keeps in its mention: "China-linked", "Russian-based", "U.K.-based". */
const HYPHEN_COMPOUND = /^-(?:based|linked|backed|sponsored|affiliated|aligned|nexus|origin)(?![\p{L}\p{N}])/u;

const UPPER_START = /^[ \t]\p{Lu}/u;

/** Whether a space and a capitalised word follow `end` (the name goes on). */
function startsCapitalisedWord(text: string, end: number): boolean {
  return UPPER_START.test(text.slice(end, end + 2));
}

const WORD_BEFORE = /(?<!\S)(\S+)[ \t]+$/u;
const CAPITALISED = /^\p{Lu}[\p{L}’'-]*$/u;
// "*" both ends a sentence (a list item's marker) and may follow the end: the last one counts.
const SENTENCE_START = /^$|[.!?:#|>\n][ \t"“(*]*$|\*[ \t"“(]*$/u;

/**
 * Whether a capitalised word that does not open a sentence comes right before the span: then the
 * place is part of a longer name ("United Russia", "Radio New Zealand").
 */
function followsCapitalisedWord(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const word = WORD_BEFORE.exec(before);
  if (!word || !CAPITALISED.test(word[1])) return false;
  return !SENTENCE_START.test(before.slice(0, word.index));
}

const SHORT_CAPS = /^[\p{Lu}.]{2,5}$/u;
const LOWER = /\p{Ll}/u;

/** An all-capital short form in a stretch of all-capital text (a heading, a button). */
export function isShoutedShortForm(text: string, start: number, end: number): boolean {
  if (!SHORT_CAPS.test(text.slice(start, end))) return false;
  const around = text.slice(Math.max(0, start - 12), start) + text.slice(end, end + 12);
  const letters = around.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && !LOWER.test(letters);
}
