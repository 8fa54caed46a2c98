/**
 * Where a confirmed place is, for the STIX export: a STIX location must name a country, a region or a
 * position, and a verdict stores only the place's name. The facts come from the shipped list
 * (data/places.json), which the background holds; the library asks it for the few names it exports.
 */
import { formKey } from '../entities/dictionary';
import type { PlaceRecord } from '../entities/places';
import type { PageExport } from './page-export';
import { isCountryCode, isStixRegion, type StixRegion } from './stix/region-vocabulary';

export interface PlaceFacts {
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: StixRegion;
  /** A city or a state (province, Land) is named as such in STIX; other kinds of place only by name. */
  level?: 'city' | 'state';
}

/** The facts Gloss has for a place's canonical name, or undefined (a place it does not list, or cannot locate). */
export type PlaceLookup = (canonical: string) => PlaceFacts | undefined;

/** Only what a STIX location can carry: a well-formed code, a region of the vocabulary; nothing when neither is left. */
export function placeFactsOf(record: Pick<PlaceRecord, 'type' | 'country' | 'region'>): PlaceFacts | undefined {
  const country = isCountryCode(record.country) ? record.country : undefined;
  const region = isStixRegion(record.region) ? record.region : undefined;
  if (!country && !region) return undefined;
  const level = record.type === 'city' || record.type === 'state' ? record.type : undefined;
  return { ...(country && { country }), ...(region && { region }), ...(level && { level }) };
}

/** A lookup by any listed name of a place, case-folded; a record's own name wins over another's alias. */
export function placeLookup(records: readonly PlaceRecord[]): PlaceLookup {
  const byName = new Map<string, PlaceFacts | undefined>();
  for (const record of records) byName.set(formKey(record.name), placeFactsOf(record));
  for (const record of records) {
    for (const alias of record.aliases ?? []) if (!byName.has(formKey(alias))) byName.set(formKey(alias), placeFactsOf(record));
  }
  return (canonical) => byName.get(formKey(canonical));
}

/** The canonical names of the places confirmed on `pages`, once each (case-folded), in a stable order. */
export function placeQueries(pages: readonly PageExport[]): string[] {
  const names = new Map<string, string>();
  for (const tag of pages.flatMap((page) => page.entityTags)) {
    if (tag.status === 'confirmed' && tag.kind === 'place' && !names.has(formKey(tag.canonical)))
      names.set(formKey(tag.canonical), tag.canonical);
  }
  return [...names.values()];
}

/** A lookup over answers obtained elsewhere (the library asks the background), checked as the data is. */
export function answeredPlaces(queries: readonly string[], answers: readonly (PlaceFacts | null)[]): PlaceLookup {
  const known = new Map<string, PlaceFacts>();
  queries.forEach((name, i) => {
    const answer = answers[i];
    const facts = answer ? placeFactsOf({ type: answer.level ?? '', country: answer.country, region: answer.region }) : undefined;
    if (facts) known.set(formKey(name), facts);
  });
  return (canonical) => known.get(formKey(canonical));
}
