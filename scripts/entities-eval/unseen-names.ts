/**
 * `--cv --unseen`: cross-validation as if every actor, malware and tool name of the fold left out were new.
 *
 * Most names the held-out reports' annotators marked as threat actors were in no list; most of those in
 * train + dev are in Gloss's dictionaries, so a plain cross-validation scores the dictionaries more than the
 * cues, schemes and model that must find a new name. For each fold this module takes the gold GROUP,
 * MALWARE and TOOL mentions of the reports left out and removes from the threat-actor and software records
 * every record one of whose spellings (name, aliases, Microsoft name: the vendor map) is such a name, the
 * whole record with all its aliases, from both lists (a name marked as malware is also no listed actor).
 * A mention and a spelling are compared case-folded, also without a leading "the", a possessive, or a trailing
 * noun that only says what the name is ("Group", "gang", "ransomware", "APT"…), so "the Lazarus Group",
 * "Lazarus" and "Lazarus Group" are one name. The model is retrained on the other folds with those
 * dictionaries, and forgets the removed names' spellings (features `name=`, `first=`, `last=` of those
 * words), so neither the lists nor the model's memory of training text can find a left-out name.
 */
import { formKey, textForms, type ThreatActorRecord } from '../../lib/entities/dictionary';
import type { SoftwareRecord } from '../../lib/entities/software-dictionary';
import type { Report } from './scoring';

/** The AnnoCTR types whose names are left out of the fold's lists. */
export const UNSEEN_TYPES: readonly string[] = ['GROUP', 'MALWARE', 'TOOL'];

/** Trailing nouns that say what a name is, not which one. */
const KIND_NOUNS = new Set([
  'group',
  'groups',
  'gang',
  'team',
  'crew',
  'apt',
  'actor',
  'actors',
  'operators',
  'affiliates',
  'ransomware',
  'malware',
  'backdoor',
  'trojan',
  'rat',
  'loader',
  'stealer',
  'botnet',
  'tool',
  'framework',
  'family',
]);

/** The keys one spelling is compared by: folded, and without "the", a possessive or trailing kind nouns. */
export function nameKeys(spelling: string): string[] {
  const keys = new Set<string>();
  const folded = formKey(spelling);
  if (!folded) return [];
  keys.add(folded);
  const words = folded
    .replace(/^the /, '')
    .replace(/['’]s$/, '')
    .split(' ');
  while (words.length > 1 && KIND_NOUNS.has(words[words.length - 1])) words.pop();
  const bare = words.join(' ');
  if (bare && !KIND_NOUNS.has(bare)) keys.add(bare);
  return [...keys];
}

export interface FoldLists {
  actors: ThreatActorRecord[];
  software: SoftwareRecord[];
  /** The canonical names of the records removed (for the report of what a fold left out). */
  removedActors: string[];
  removedSoftware: string[];
  /** The left-out names' keys (`nameKeys`), whose spellings the fold's model must not remember. */
  unseenKeys: Set<string>;
}

const recordSpellings = (r: { name: string; aliases: readonly string[]; microsoft_name?: string }): string[] =>
  [r.name, r.microsoft_name, ...r.aliases].filter((s): s is string => !!s).flatMap((s) => textForms(s));

/** The lists of one fold: without any record that names an actor, malware or tool marked in `heldOut`. */
export function foldLists(
  actors: readonly ThreatActorRecord[],
  software: readonly SoftwareRecord[],
  heldOut: readonly Report[],
): FoldLists {
  const unseenKeys = new Set<string>();
  for (const report of heldOut)
    for (const m of report.mentions) if (UNSEEN_TYPES.includes(m.type)) for (const key of nameKeys(m.text)) unseenKeys.add(key);
  const named = (r: { name: string; aliases: readonly string[]; microsoft_name?: string }) =>
    recordSpellings(r).some((s) => nameKeys(s).some((k) => unseenKeys.has(k)));
  const keptActors: ThreatActorRecord[] = [];
  const removedActors: string[] = [];
  for (const r of actors) {
    if (named(r)) removedActors.push(r.name);
    else keptActors.push(r);
  }
  const keptSoftware: SoftwareRecord[] = [];
  const removedSoftware: string[] = [];
  for (const r of software) {
    if (named(r)) removedSoftware.push(r.name);
    else keptSoftware.push(r);
  }
  return { actors: keptActors, software: keptSoftware, removedActors, removedSoftware, unseenKeys };
}

/**
 * The model features that would remember a left-out name: its whole spelling (`name=`) and its words as a
 * span's first or last word (`first=`, `last=`); kind nouns and "the" stay, they are no name.
 */
export function forgetsUnseen(unseenKeys: ReadonlySet<string>): (feature: string) => boolean {
  const words = new Set<string>();
  for (const key of unseenKeys) for (const w of key.split(' ')) if (w !== 'the' && !KIND_NOUNS.has(w)) words.add(w);
  return (feature) => {
    const eq = feature.indexOf('=');
    if (eq < 0) return false;
    const name = feature.slice(0, eq);
    const value = feature.slice(eq + 1);
    if (name === 'name') return unseenKeys.has(value) || unseenKeys.has(formKey(value));
    return (name === 'first' || name === 'last') && words.has(value);
  };
}
