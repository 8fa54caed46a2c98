/**
 * Names joined in a list say what each other are: in "hit by Turla and Gamaredon", Turla (a group, and
 * also a listed name of the Uroburos malware) is the group, as Gamaredon is one and nothing else; in
 * "Turla, Agent.BTZ and Carbon" it is software. A name in brackets right after another is its other name:
 * "APT28 (Sofacy)" is the group, though Sofacy is also a listed name of malware. Read only for a name that is
 * both an actor and software and that no word around it decides. What a plural verb after a list says of it is
 * said of each name: "Play, Akira and RansomHub were the most active gangs" (`listedBeforeGroupNoun`, a cue in
 * `context-cues.ts`).
 */
import type { Span } from './group-entities';
import { IS_A_GROUP_AFTER } from './group-introducing-cues';

/** What joins two names of one list: a comma, "and", "or", ", and". */
const JOINED = /^(?:,[\s\u00a0]*(?:(?:and|or)[\s\u00a0]+)?|[\s\u00a0]+(?:and|or)[\s\u00a0]+)$/;

/** Whether `text[from, to)` joins two names: a few characters at most, so a long gap is never read. */
const MAX_JOINER = 8;
const joined = (text: string, from: number, to: number) => to >= from && to - from <= MAX_JOINER && JOINED.test(text.slice(from, to));

/** An opening bracket between a name and the next, which it closes: "APT28 (Sofacy)", "Emotet (Geodo)". */
const OPENING = /^[\s\u00a0]*\($/;
const CLOSING = /^[\s\u00a0]*\)/;
/** Whether `second` is the other name `first` goes by, given in brackets right after it: they are one thing. */
const bracketed = (text: string, first: Span, second: Span) =>
  second.start - first.end <= MAX_JOINER &&
  OPENING.test(text.slice(first.end, second.start)) &&
  CLOSING.test(text.slice(second.end, second.end + 4));

/** What a listed or scheme-made name is by the lists alone: an actor, software, or both (undefined). */
function listedKind(span: Span): 'actor' | 'software' | undefined {
  const actor = span.actorIds.length > 0 || span.scheme !== undefined;
  const software = span.softwareIds.length > 0;
  if (actor === software) return undefined;
  return actor ? 'actor' : 'software';
}

/**
 * The kind the names joined to `chosen[i]` share (its neighbours in the list, one on each side), or undefined
 * when it has none, they disagree, or they are both kinds themselves. `chosen` is in text order.
 */
export function coordinatedKind(text: string, chosen: readonly Span[], i: number): 'actor' | 'software' | undefined {
  const kinds = new Set<'actor' | 'software' | undefined>();
  const before = chosen[i - 1];
  if (before && (joined(text, before.end, chosen[i].start) || bracketed(text, before, chosen[i]))) kinds.add(listedKind(before));
  const after = chosen[i + 1];
  if (after && (joined(text, chosen[i].end, after.start) || bracketed(text, chosen[i], after))) kinds.add(listedKind(after));
  kinds.delete(undefined);
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A slash between two names, spaced or not: "ALPHV/BlackCat", "ALPHV / BlackCat". */
const SLASH = /^[\s\u00a0]?\/[\s\u00a0]?$/;
/** Longest chain of slash-joined names read: "A/B/C"; a longer one is a list, not one thing's names. */
const MAX_SLASH_CHAIN = 4;

/**
 * The last of the names of one software family joined by slashes from `chosen[i]` ("ALPHV/BlackCat
 * ransomware gang": BlackCat for ALPHV), or `i` itself. The words after the pair are about all of its names,
 * so each takes the cues of the last. `chosen` is in text order.
 */
export function lastSlashJoinedName(text: string, chosen: readonly Span[], i: number): number {
  let last = i;
  while (last - i < MAX_SLASH_CHAIN - 1) {
    const here = chosen[last];
    const next = chosen[last + 1];
    if (!next || next.start - here.end > 3 || !SLASH.test(text.slice(here.end, next.start))) break;
    if (!next.softwareIds.some((id) => chosen[i].softwareIds.includes(id))) break;
    last++;
  }
  return last;
}

/**
 * The rest of a list a name opens or continues: ", Akira and RansomHub" in "Play, Akira and RansomHub were the
 * most active gangs". Up to four more names of up to three capitalised words each.
 */
const LIST_TAIL =
  /^(?:[”"'’*_]*(?:,[\s\u00a0]+(?:(?:and|or)[\s\u00a0]+)?|[\s\u00a0]+(?:and|or)[\s\u00a0]+)[“"'‘*_]*[A-Z0-9][A-Za-z0-9.$-]*(?:[ \u00a0][A-Z0-9][A-Za-z0-9.$-]*){0,2}){1,4}/;
/**
 * A list shares what a plural verb or "as" says of it ("A, B and C were the most active gangs"), not an
 * apposition, which is about its last name only ("Emotet, TrickBot and Conti, a ransomware gang").
 */
const LIST_VERB = /^[”"'’*_]*[\s\u00a0]+(?:are|were|as)[\s\u00a0]/;
/** How far after a name its list may run. */
const LIST_WINDOW = 120;

/** Whether the names listed with the one ending at `end` are then said to be groups: they share the cue. */
export function listedBeforeGroupNoun(text: string, end: number, window: number): boolean {
  const tail = LIST_TAIL.exec(text.slice(end, end + LIST_WINDOW));
  if (!tail) return false;
  const rest = text.slice(end + tail[0].length, end + tail[0].length + window);
  return LIST_VERB.test(rest) && IS_A_GROUP_AFTER.test(rest);
}
