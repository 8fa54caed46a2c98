/**
 * What the whole text says about the candidates before each is decided (`decide-candidates.ts`), worked out
 * once: what the words around each mention say (`cuesAround`, a slash-joined family's names sharing theirs),
 * each name's votes over the text, the actors and families a strong (non-weak) name confirms, the names the
 * text confirms as a group (one sense per text), the names it presents as a person, a company or in their
 * common sense, the ransomware it names, and its reference-list lines. Each span's cues and name key are read
 * once: a hostile text may hold tens of thousands of mentions.
 */
import { formKey } from './dictionary';
import { GROUP_NAME, RANSOMWARE_AFTER } from './name-shapes';
import { cuesAround } from './context-cues';
import { calledTool } from './tool-cues';
import { personCue } from './person-cues';
import { companyCue } from './company-cues';
import { commonSenseCue } from './common-sense-cues';
import { lastSlashJoinedName } from './coordinated-names';
import { findReferenceLines } from './reference-lines';
import type { Span } from './group-entities';

export type Cues = ReturnType<typeof cuesAround>;

/** A name no list and no vendor scheme has. */
export const unlisted = (span: Span) => span.actorIds.length === 0 && span.scheme === undefined;

export interface CandidateFacts {
  /** Each span's name key (`formKey`). */
  keys: string[];
  /** What the words right around each span say (those of its slash-joined family's last name). */
  local: Cues[];
  /** Per name key: its mentions that only actor cues, or only software cues, stand at. */
  votes: Map<string, { actor: number; software: number }>;
  /** Actors and families named by a strong (non-weak) name somewhere in the text. */
  strongActors: Set<number>;
  strongSoftware: Set<number>;
  /** Whether the text confirms the span's name or actor as a group. */
  groupSense: (i: number, span: Span) => boolean;
  /** Whether the span is a person's handle. */
  isPerson: (i: number, span: Span) => boolean;
  /** Names with a strong actor cue at one of their mentions. */
  strongNames: Set<string>;
  /**
   * Names a naming verb gives software at one of their mentions ("a Go loader the developers named Pickaxe"), with no
   * strong actor cue at any: in this text the software, though a group list has the name.
   */
  namedSoftwareNames: Set<string>;
  companyNames: Set<string>;
  namedRansomware: Set<string>;
  commonSenseNames: Set<string>;
  references: ReturnType<typeof findReferenceLines>;
}

export function candidateFacts(text: string, chosen: readonly Span[]): CandidateFacts {
  // Votes over the whole text, per name: what the words around its cued mentions say. Each span's
  // cues and name key are worked out once (a hostile text may hold tens of thousands of mentions).
  const votes = new Map<string, { actor: number; software: number }>();
  const own = chosen.map((span) => cuesAround(text, span.start, span.end));
  // "ALPHV/BlackCat ransomware gang": the words after one family's slash-joined names are about each.
  const local = own.map((_, i) => own[lastSlashJoinedName(text, chosen, i)]);
  const keys = chosen.map((span) => formKey(span.text));
  // "the open-source tool Chisel", "tools such as Chisel": a listed ordinary word presented as a tool is software.
  const toolContext = chosen.map((span) => span.weak && span.softwareIds.length > 0 && calledTool(text, span.start, span.end));
  chosen.forEach((_, i) => {
    const cues = local[i];
    let vote = votes.get(keys[i]);
    if (!vote) votes.set(keys[i], (vote = { actor: 0, software: 0 }));
    if (cues.actor && !cues.software) vote.actor++;
    if ((cues.software || toolContext[i]) && !cues.actor) vote.software++;
  });
  // Actors and families named by a strong (non-weak) name somewhere in the text.
  const strongActors = new Set<number>();
  const strongSoftware = new Set<number>();
  for (const span of chosen) {
    if (span.weak) continue;
    if (span.actorIds.length === 1) strongActors.add(span.actorIds[0]);
    if (span.softwareIds.length === 1) strongSoftware.add(span.softwareIds[0]);
  }

  // Names the text confirms as a group: a listed group name ending in a group noun ("Winnti Group")
  // confirms its actor; a group noun or a strong cue right at a mention ("DarkSide affiliates",
  // "attributed to Winnti") confirms the name and its actor. One sense per text: such a name is the
  // group at its other mentions too (`groupSense`).
  // Each confirmed actor with the names that confirmed it.
  const confirmedActors = new Map<number, Set<string>>();
  const confirmActor = (id: number, key: string) => {
    const keysOf = confirmedActors.get(id);
    if (keysOf) keysOf.add(key);
    else confirmedActors.set(id, new Set([key]));
  };
  const confirmedNames = new Set<string>();
  chosen.forEach((span, i) => {
    if (span.weak && !local[i].strongActor) return;
    const named = span.actorIds.length > 0 && GROUP_NAME.test(span.text);
    if (!named && !local[i].strongActor) return;
    if (span.actorIds.length) for (const id of span.actorIds) confirmActor(id, keys[i]);
    confirmedNames.add(keys[i]);
  });
  // "Turla, also known as Venomous Bear": a name whose other name, given right there, is a group and
  // no software is the group too.
  const endsAt = new Map(chosen.map((span, i) => [span.end, i]));
  for (const span of chosen) {
    if (!span.aliasOf || span.softwareIds.length || (span.actorIds.length === 0 && span.scheme === undefined)) continue;
    const head = endsAt.get(span.aliasOf.end);
    if (head === undefined || chosen[head].start < span.aliasOf.start) continue;
    for (const id of chosen[head].actorIds) confirmActor(id, keys[head]);
    confirmedNames.add(keys[head]);
  }
  // An actor confirmed by another of its names makes this one the group too ("Winnti Group" → "Winnti sample"),
  // unless the words right here call it software and the confirming names are not this one with more after it:
  // "Turla, also known as Venomous Bear" … "the Snake rootkit" (Snake is Turla's other name and its rootkit's).
  const confirmedFor = (i: number, id: number) => {
    const keysOf = confirmedActors.get(id);
    if (!keysOf) return false;
    return !local[i].software || local[i].actor || [...keysOf].some((key) => key.startsWith(keys[i]));
  };
  const groupSense = (i: number, span: Span) => confirmedNames.has(keys[i]) || span.actorIds.some((id) => confirmedFor(i, id));

  // Individuals' handles ("the seller X", "a user named X", "X, the developer of…"): a mention with a
  // person cue is no actor, and a name no list has that the text presents as a person somewhere and
  // never as a group is no actor anywhere in it.
  const person = chosen.map((span) =>
    span.actorIds.length > 0 || span.scheme !== undefined || span.cued === 'actor' ? personCue(text, span.start, span.end) : false,
  );
  const personNames = new Set(keys.filter((_, i) => person[i]));
  const strongNames = new Set(keys.filter((_, i) => local[i].strongActor));
  const namedSoftwareNames = new Set(keys.filter((key, i) => chosen[i].namedSoftware && !strongNames.has(key)));
  const isPerson = (i: number, span: Span) =>
    (person[i] && !local[i].strongActor) || (unlisted(span) && personNames.has(keys[i]) && !strongNames.has(keys[i]));
  // "The Carlyle Group, the private equity firm": a name no list has that the text calls a company.
  const companyNames = new Set(keys.filter((_, i) => unlisted(chosen[i]) && companyCue(text, chosen[i].end)));
  // "Ghostline ransomware" where no list has it: a ransomware, which its gang is named after as a listed one is.
  const namedRansomware = new Set(
    keys.filter((_, i) => chosen[i].cued === 'software' && RANSOMWARE_AFTER.test(text.slice(chosen[i].end, chosen[i].end + 12))),
  );
  // "Lazarus, the BBC drama": a name the text uses in its common sense, listed or not.
  const commonSenseNames = new Set(keys.filter((_, i) => commonSenseCue(text, chosen[i].end)));

  const references = findReferenceLines(text);
  return {
    keys,
    local,
    votes,
    strongActors,
    strongSoftware,
    groupSense,
    isPerson,
    strongNames,
    namedSoftwareNames,
    companyNames,
    namedRansomware,
    commonSenseNames,
    references,
  };
}
