/**
 * The threat-actor dictionary: every surface form (canonical name, aliases, Microsoft name) mapped to
 * the actors it may mean. Built from records shaped like `shared/data/threat-actors.json`.
 *
 * Rules (from shared/data/THREAT-ACTORS-SOURCES.md):
 * - forms are compared case-insensitively, except the `weak` forms (short or ordinary English words
 *   such as `Cobalt`, `Play`, old Microsoft element names such as `STRONTIUM`), which only match in the
 *   exact case written;
 * - a single word listed in capitals only (`ELECTRUM`, `WIRTE`: Dragos minerals, old Microsoft
 *   elements) is matched in capitals only, so the Electrum wallet is not the actor;
 * - a name of two or three plain words is also found joined in camel case, in that case only
 *   (`CyberBerkut`, `EvilCorp`; `joined-names.ts`);
 * - an alias shared by several actors keeps every candidate; candidates for which the form is the
 *   actor's `name` or `microsoft_name` come first.
 */

import { joinedSpelling } from './joined-names';

/** One record of threat-actors.json (only the fields used here). */
export interface ThreatActorRecord {
  name: string;
  aliases: string[];
  weak?: string[];
  microsoft_name?: string;
  mitre_id?: string;
  country?: string;
}

export interface Actor {
  /** Index of the record in the source list; stable for one dictionary. */
  id: number;
  canonical: string;
  /** Every other name of the actor (aliases and Microsoft name), without `canonical`, deduplicated. */
  aliases: string[];
  mitreId?: string;
  country?: string;
}

export interface SurfaceForm {
  /** The pattern to look for (exact spelling for a weak form). */
  form: string;
  /** Match the exact case only. */
  caseSensitive: boolean;
  /** Listed as `weak` (short or an ordinary word): a mention needs threat context. */
  weak: boolean;
  /** Candidate actors, preferred first. */
  actorIds: number[];
}

export interface ActorDictionary {
  actors: Actor[];
  forms: SurfaceForm[];
  /** Candidate actor ids for a surface string found in text (case rules applied). */
  lookup(surface: string): number[];
  /** Candidate actor ids ignoring case rules, for names that context already marks as actors. */
  lookupAnyCase(surface: string): number[];
}

/** A single word in capitals only, e.g. `ELECTRUM`: matched in that case only. */
export function isCapsWord(form: string): boolean {
  return /^[A-Z]{3,}$/.test(form);
}

/**
 * A listed name that starts with "The" and capitalises a word after it ("The Magic", "The Dukes", "the Lamberts"):
 * its spellings with either case of the article, each matched in exactly that case. Folded, "the magic value" and
 * "wore the mask" would be names.
 */
export function articleSpellings(form: string): string[] | undefined {
  const rest = /^[Tt]he( .+)$/.exec(form)?.[1];
  return rest && /\p{Lu}/u.test(rest) ? [`The${rest}`, `the${rest}`] : undefined;
}

/** Printable ASCII words joined by single spaces (linear: the two classes never overlap). */
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/** Case-insensitive key: lower case, runs of whitespace as one space, typographic dashes as `-`. */
export function formKey(form: string): string {
  // Most names are printable ASCII words joined by single spaces, which only need lower case.
  if (PLAIN_ASCII.test(form)) return form.toLowerCase();
  return form
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The spellings of one listed name that can be found in running text. The data carries some vendor
 * annotations and list debris: `APT-C-38 (QiAnXin)` → also `APT-C-38`; `Subgroup: Andariel` →
 * `Andariel`; `APT-Q-27,` → `APT-Q-27`; bracketed placeholders such as `[Unnamed group]` are dropped.
 */
export function textForms(raw: string): string[] {
  let form = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (/^\[.*\]$/.test(form)) return [];
  form = form
    .replace(/^Subgroup:\s*/i, '')
    .replace(/(?<![,;:])[,;:]+$/, '')
    .trim();
  const out = [form];
  const annotated = /^(.*\S|\s)\s+\(([^()]+)\)$/.exec(form);
  // Keep "NoName057(16)" whole; only a space-separated trailing note is an annotation. (`(.*\S|\s)` matches as
  // `(.+?)` would, without the lazy name and the spaces after it trading characters.)
  if (annotated) out.push(annotated[1].trim());
  return out.filter((f) => /[\p{L}\p{N}]/u.test(f) && f.length >= 2);
}

export function buildActorDictionary(records: readonly ThreatActorRecord[]): ActorDictionary {
  const actors: Actor[] = [];
  // Forms marked weak anywhere are weak everywhere: weakness is a property of the spelling.
  const weakKeys = new Set<string>();
  for (const record of records) for (const w of record.weak ?? []) weakKeys.add(formKey(w));

  // key → candidates; `primary` marks actors for which the form is `name` or `microsoft_name`.
  interface Pending {
    spellings: Set<string>;
    caseSensitive: boolean;
    weak: boolean;
    primary: number[];
    other: number[];
  }
  const pending = new Map<string, Pending>();
  const joins: { spelling: string; actorId: number; primary: boolean }[] = [];
  const enter = (key: string, form: string, exact: boolean, weak: boolean, actorId: number, primary: boolean) => {
    let entry = pending.get(key);
    if (!entry) {
      entry = { spellings: new Set(), caseSensitive: exact, weak, primary: [], other: [] };
      pending.set(key, entry);
    }
    entry.spellings.add(form);
    const list = primary ? entry.primary : entry.other;
    if (!entry.primary.includes(actorId) && !entry.other.includes(actorId)) list.push(actorId);
    else if (primary && entry.other.includes(actorId)) {
      entry.other.splice(entry.other.indexOf(actorId), 1);
      entry.primary.push(actorId);
    }
  };
  const add = (raw: string, actorId: number, primary: boolean) => {
    for (const form of textForms(raw)) {
      const weak = weakKeys.has(formKey(form));
      const exact = weak || isCapsWord(form);
      const withArticle = articleSpellings(form);
      // A weak or capitals-only spelling is its own key (exact case); others share the folded key.
      if (withArticle) for (const spelling of withArticle) enter(`=${spelling}`, spelling, true, weak, actorId, primary);
      else enter(exact ? `=${form}` : `~${formKey(form)}`, form, exact, weak, actorId, primary);
      const joined = joinedSpelling(form);
      if (joined) joins.push({ spelling: joined, actorId, primary });
    }
  };

  records.forEach((record, id) => {
    const seen = new Set([formKey(record.name)]);
    const aliases: string[] = [];
    for (const alias of [record.microsoft_name, ...record.aliases]) {
      if (!alias || seen.has(formKey(alias))) continue;
      seen.add(formKey(alias));
      aliases.push(alias);
    }
    actors.push({ id, canonical: record.name, aliases, mitreId: record.mitre_id, country: record.country });
    add(record.name, id, true);
    if (record.microsoft_name) add(record.microsoft_name, id, true);
    for (const alias of record.aliases) add(alias, id, false);
  });
  // After every listed form, so a joined spelling that is itself listed keeps its own records.
  for (const { spelling, actorId, primary } of joins) {
    if (!pending.has(`~${formKey(spelling)}`)) enter(`=${spelling}`, spelling, true, false, actorId, primary);
  }

  const forms: SurfaceForm[] = [];
  const byKey = new Map<string, number[]>();
  const anyCase = new Map<string, number[]>();
  for (const [key, entry] of pending) {
    const actorIds = [...entry.primary, ...entry.other];
    byKey.set(key, actorIds);
    const folded = formKey(key.slice(1));
    const merged = anyCase.get(folded) ?? [];
    for (const id of actorIds) if (!merged.includes(id)) merged.push(id);
    anyCase.set(folded, merged);
    // Case-insensitive forms need one spelling; exact ones have exactly one.
    const spellings = entry.caseSensitive ? [...entry.spellings] : [[...entry.spellings][0]];
    for (const form of spellings) forms.push({ form, caseSensitive: entry.caseSensitive, weak: entry.weak, actorIds });
  }
  return actorDictionaryFrom({ actors, forms, byKey, anyCase });
}

/**
 * What a built dictionary holds: the actors, the forms, and the two indexes by key (`=` + exact
 * spelling or `~` + `formKey`; `formKey` alone for `anyCase`). A compiled index
 * (`compiled/compile-entity-index.ts`) stores these, so a fresh background does not build them again.
 */
export interface ActorDictionaryParts {
  actors: Actor[];
  forms: SurfaceForm[];
  byKey: Map<string, number[]>;
  anyCase: Map<string, number[]>;
}

const actorParts = new WeakMap<ActorDictionary, ActorDictionaryParts>();

/** The parts a dictionary was made of (for compiling it). */
export function actorDictionaryParts(dictionary: ActorDictionary): ActorDictionaryParts {
  const parts = actorParts.get(dictionary);
  if (!parts) throw new Error('actor dictionary: not made by actorDictionaryFrom');
  return parts;
}

export function actorDictionaryFrom(parts: ActorDictionaryParts): ActorDictionary {
  const { actors, forms, byKey, anyCase } = parts;
  const dictionary: ActorDictionary = {
    actors,
    forms,
    lookup(surface: string): number[] {
      const normalized = surface.normalize('NFC').replace(/\s+/g, ' ').trim();
      return byKey.get(`~${formKey(normalized)}`) ?? byKey.get(`=${normalized}`) ?? [];
    },
    lookupAnyCase(surface: string): number[] {
      return anyCase.get(formKey(surface)) ?? [];
    },
  };
  actorParts.set(dictionary, parts);
  return dictionary;
}
