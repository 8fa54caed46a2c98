/**
 * Candidate mentions of actors and software, before any decision: dictionary names (one search for
 * both lists), vendor naming schemes, names proposed by context cues and then found throughout the
 * text, listed names glued to a software noun ("NetwireRAT"), and program file names of listed tools
 * ("certutil.exe"). Each candidate records what every source said about it; `actors-and-software.ts`
 * decides.
 */
import type { ActorDictionary } from './dictionary';
import { namesListedWithActors } from './listed-with-actors';
import { cuesAround } from './context-cues';
import { findCuedNames } from './names-from-context';
import type { CuedName } from './cue-names';
import type { Span } from './group-entities';
import { isAtNameBoundary, type NameMatcher } from './match-names';
import { findNamingPatterns, looksThreatRelated } from './naming-patterns';
import { findCuedSoftware } from './software-cues';
import { escapeRegex } from './software-names';
import { findCuedTools } from './tool-cues';
import { namedByItsExe, type SoftwareDictionary } from './software-dictionary';

/** What a dictionary match says: the actor or software ids a listed spelling stands for. */
export interface Tag {
  type: 'actor' | 'software';
  ids: number[];
  weak: boolean;
  /** The listed spelling has no capital letter (`certutil`, ransomlook names). */
  lowerListed: boolean;
}

/** A name glued to a software noun: "NetwireRAT", "FooStealer". */
const GLUED_NOUN = /(?<![A-Za-z0-9_.-])([A-Z][A-Za-z0-9]*?[a-z0-9])(?:RAT|Stealer|Loader)(?![A-Za-z0-9_])/g;
/** Software nouns that lists keep in names: "Quasar RAT", "QuasarRAT", "Raccoon Stealer". */
const NAME_NOUNS = [' RAT', 'RAT', ' Stealer', ' Loader', 'Loader'];
const SPACED_NAME_NOUNS = [' RAT', ' Stealer', ' Loader'];
/** A capitalised word, not inside a longer token, a path or an address. */
const CAPITALISED_WORD = /(?<![A-Za-z0-9_.\-/\\])[A-Z][A-Za-z0-9]+(?![A-Za-z0-9_\-/\\]|\.[A-Za-z0-9])/g;
/** Shaped as no word is: a capital inside ("RedLine") or a digit. */
const NOT_A_WORD = /[a-z][A-Z]|\d/;

/** A program's file name, not in a path or a longer name: `certutil.exe`, `PsExec.exe`. */
const EXECUTABLE = /(?<![A-Za-z0-9_./\\-])([A-Za-z][A-Za-z0-9_-]*)\.exe(?![A-Za-z0-9_\\/-]|\.[A-Za-z0-9])/gi;

/** Every candidate span in `text`, keyed by position, with what each source said about it. */
export function gatherCandidates(
  text: string,
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
  matcher: NameMatcher<Tag>,
): Span[] {
  const spans = new Map<string, Span>();
  const spanAt = (start: number, end: number): Span => {
    const key = `${start}:${end}`;
    let span = spans.get(key);
    if (!span) {
      span = { start, end, text: text.slice(start, end), actorIds: [], softwareIds: [], weak: true, lowerListed: false, dictionary: false };
      spans.set(key, span);
    }
    return span;
  };
  const addIds = (list: number[], ids: readonly number[]) => {
    for (const id of ids) if (!list.includes(id)) list.push(id);
  };

  const softwareWithCapitals = new Set<Span>();
  for (const hit of matcher.findAll(text)) {
    const span = spanAt(hit.start, hit.end);
    span.dictionary = true;
    for (const tag of hit.data) {
      addIds(tag.type === 'actor' ? span.actorIds : span.softwareIds, tag.ids);
      if (!tag.weak) span.weak = false;
      if (tag.lowerListed) span.lowerListed = true;
      if (tag.type === 'software' && !tag.lowerListed) softwareWithCapitals.add(span);
    }
  }
  for (const span of spans.values())
    if (span.actorIds.length && span.softwareIds.length && !softwareWithCapitals.has(span)) span.softwareOnlyInLowerCase = true;
  for (const candidate of findNamingPatterns(text, looksThreatRelated(text))) {
    // "Encrypted Taurus Stealer" is software named like a Unit 42 actor; but "the samples of the “Mustang
    // Panda” group" names the group, whatever the words before it say.
    const cues = cuesAround(text, candidate.start, candidate.end);
    if (cues.software && !cues.strongActor) continue;
    const span = spanAt(candidate.start, candidate.end);
    span.scheme ??= candidate.scheme;
    span.weak = false;
    // "APT 28" is listed as "APT28".
    if (span.actorIds.length === 0) addIds(span.actorIds, dictionary.lookup(candidate.text.replace(/\s+/g, '')));
  }

  // Names proposed by context, then found again wherever they occur.
  const cuedNames = new Map<string, Pick<CuedName, 'kind' | 'aliasOf' | 'introduced' | 'vendorName'>>();
  // Actor proposals first: a span proposed as both keeps the actor reading ("X ransomware gang").
  for (const cue of [...findCuedNames(text), ...findCuedSoftware(text), ...findCuedTools(text)]) {
    const span = spanAt(cue.start, cue.end);
    span.cued ??= cue.kind;
    span.aliasOf ??= cue.aliasOf;
    if (cue.introduced) span.introduced = true;
    if (cue.namedSoftware) span.namedSoftware = true;
    if (cue.sameAsPrevious) span.sameAsPrevious = true;
    if (cue.vendorName && span.aliasOf === cue.aliasOf) span.vendorName = true;
    const known = cuedNames.get(cue.text);
    if (!known) cuedNames.set(cue.text, { kind: cue.kind, aliasOf: cue.aliasOf, introduced: cue.introduced, vendorName: cue.vendorName });
    else if (cue.introduced && known.kind === cue.kind) known.introduced = true;
  }
  // Names the dictionaries match anyway are not propagated; their mentions are decided one by one.
  for (const name of cuedNames.keys()) if (matcher.find(name).some((m) => m.start === 0 && m.end === name.length)) cuedNames.delete(name);
  if (cuedNames.size) {
    // Software names are found again in any case written with a capital ("Zloader", "ZLoader");
    // actor names in their own case.
    const softwareNames = new Map<string, string>();
    for (const [name, cue] of cuedNames)
      if (cue.kind === 'software' && !softwareNames.has(name.toLowerCase())) softwareNames.set(name.toLowerCase(), name);
    const names = [...cuedNames.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
    for (const m of text.matchAll(new RegExp(names.join('|'), softwareNames.size ? 'gi' : 'g'))) {
      const end = m.index + m[0].length;
      if (!isAtNameBoundary(text, m.index, end)) continue;
      const software = softwareNames.get(m[0].toLowerCase());
      const cue = cuedNames.get(m[0]) ?? (software && /\p{Lu}/u.test(m[0]) ? cuedNames.get(software) : undefined);
      if (!cue) continue;
      // Not a folder or file in a path ("m00nd3v[.]com/M00nD3v/Decryption").
      if (cue.kind === 'software' && (text[m.index - 1] === '/' || text[end] === '/')) continue;
      const span = spanAt(m.index, end);
      span.cued ??= cue.kind;
      span.aliasOf ??= cue.aliasOf;
      if (cue.vendorName && span.aliasOf === cue.aliasOf) span.vendorName = true;
      if (cue.introduced && span.cued === cue.kind) span.introduced = true;
    }
  }

  // Names listed with actors ("Killnet, Sokolniki, NoName057(16) and Dozor-41"), where no other rule said anything,
  // and found again wherever they occur in their own case.
  const actorSpans = [...spans.values()].filter(
    (s) =>
      (s.cued === 'actor' && s.introduced) || s.scheme !== undefined || (s.actorIds.length > 0 && s.softwareIds.length === 0 && !s.weak),
  );
  // A list needs two actors; without them no span need be sorted.
  const taken = actorSpans.length >= 2 ? overlapsAny([...spans.values()]) : () => true;
  const listed = new Set(namesListedWithActors(text, actorSpans, taken).map((m) => m.text));
  if (listed.size) {
    const names = [...listed].sort((a, b) => b.length - a.length).map(escapeRegex);
    for (const m of text.matchAll(new RegExp(names.join('|'), 'g'))) {
      const end = m.index + m[0].length;
      if (isAtNameBoundary(text, m.index, end) && !taken(m.index, end)) spanAt(m.index, end).cued = 'actor';
    }
  }

  // A listed name glued to a software noun ("NetwireRAT" for NETWIRE) is that family.
  for (const m of text.matchAll(GLUED_NOUN)) {
    const end = m.index + m[0].length;
    const ids = softwareDictionary.lookupAnyCase(m[1]);
    if (!ids.length || !isAtNameBoundary(text, m.index, end)) continue;
    const span = spanAt(m.index, end);
    if (span.dictionary || span.softwareIds.length) continue;
    addIds(span.softwareIds, ids);
    span.weak = false;
  }

  // A program's file name whose stem is a listed tool is that tool ("Certutil.exe", "psexec.exe").
  const programStems = new Map<string, number[]>();
  for (const m of text.matchAll(EXECUTABLE)) {
    const ids = [...softwareDictionary.lookupAnyCase(m[0])];
    addIds(ids, softwareDictionary.lookupAnyCase(m[1]));
    if (!ids.length || ids.some((id) => softwareDictionary.software[id].kind !== 'tool')) continue;
    const span = spanAt(m.index, m.index + m[0].length);
    addIds(span.softwareIds, ids);
    span.weak = false;
    span.executable = true;
    // Not Windows's own commands, which the lists also name by their ".exe" ("reg add …" in a command line).
    if (!ids.some((id) => namedByItsExe(softwareDictionary.software[id]))) programStems.set(m[1].toLowerCase(), ids);
  }
  // Its stem written in lower case elsewhere ("deployed chisel as a reverse SOCKS tunnel" beside "chisel.exe") is a
  // candidate for the same tool, though the word is an ordinary one: `decide-candidates.ts` keeps it in prose only.
  if (programStems.size) {
    const stems = new RegExp(
      String.raw`(?<![A-Za-z0-9_.\\/-])(?:${[...programStems.keys()].map(escapeRegex).join('|')})(?![A-Za-z0-9_]|\.[A-Za-z0-9])`,
      'g',
    );
    for (const m of text.matchAll(stems)) {
      const span = spanAt(m.index, m.index + m[0].length);
      span.dictionary = true;
      addIds(span.softwareIds, programStems.get(m[0])!);
    }
  }

  // A family listed with its noun ("RedLine Stealer", "Raccoon Stealer") written without it: where the word is
  // shaped as no word is ("RedLine"), or the text also writes the full name ("Raccoon Stealer" … "Raccoon").
  // What the text writes and where the spans lie are read once, at the first stem the text has (most have none).
  const stems = stemsOf(softwareDictionary);
  let seen: { written: Set<number>; held: (start: number, end: number) => boolean } | undefined;
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    if (!stems.has(m[0].toLowerCase())) continue;
    const end = m.index + m[0].length;
    const ids = SPACED_NAME_NOUNS.flatMap((noun) => softwareDictionary.lookupAnyCase(m[0] + noun));
    if (!ids.length) continue;
    seen ??= {
      written: new Set([...spans.values()].filter((s) => s.dictionary).flatMap((s) => s.softwareIds)),
      held: overlapsAny([...spans.values()]),
    };
    if (seen.held(m.index, end)) continue;
    if (!NOT_A_WORD.test(m[0]) && !ids.some((id) => seen!.written.has(id))) continue;
    const span = spanAt(m.index, end);
    addIds(span.softwareIds, ids);
    span.dictionary = true;
    span.weak = false;
  }

  // Cued names that the dictionaries know in another case ("Barium" for BARIUM) resolve to them, and
  // so does a name listed with a software noun ("Quasar" for "Quasar RAT").
  for (const span of spans.values()) {
    if (!span.cued || span.dictionary || span.actorIds.length || span.softwareIds.length) continue;
    addIds(span.actorIds, dictionary.lookupAnyCase(span.text));
    addIds(span.softwareIds, softwareDictionary.lookupAnyCase(span.text));
    if (span.cued === 'software' && !span.softwareIds.length) {
      const glued = GLUED_NOUN.exec(span.text);
      GLUED_NOUN.lastIndex = 0;
      if (glued?.[0] === span.text) addIds(span.softwareIds, softwareDictionary.lookupAnyCase(glued[1]));
      for (const noun of NAME_NOUNS)
        if (!span.softwareIds.length) addIds(span.softwareIds, softwareDictionary.lookupAnyCase(span.text + noun));
    }
    if (span.actorIds.length || span.softwareIds.length) span.weak = false;
  }

  return [...spans.values()];
}

/** Whether a stretch overlaps one of `spans`: a binary search over their starts, then the few that start near it. */
function overlapsAny(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const longest = sorted.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < start - longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].start < end; i++) if (start < sorted[i].end) return true;
    return false;
  };
}

/** The first words of the listed names that are one word and a software noun ("redline" of "RedLine Stealer"), once per dictionary. */
const STEMS = new WeakMap<SoftwareDictionary, Set<string>>();
const WORD_AND_NOUN = /^(\S+) (?:RAT|Stealer|Loader)$/i;
function stemsOf(softwareDictionary: SoftwareDictionary): Set<string> {
  let stems = STEMS.get(softwareDictionary);
  if (!stems) {
    stems = new Set(softwareDictionary.forms.flatMap((f) => WORD_AND_NOUN.exec(f.form)?.[1].toLowerCase() ?? []));
    STEMS.set(softwareDictionary, stems);
  }
  return stems;
}
