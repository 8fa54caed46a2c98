/**
 * Whether a name found in text is the first word of a longer name: a capitalised word follows it on the
 * same line that is no group noun ("Cobalt Strike", where the listed ordinary word "Cobalt" starts the name of
 * a tool no list has; not "Cobalt Group", "Cobalt APT"). Used for listed actor names that are ordinary words
 * (`decide-candidates.ts`): on reports whose names are in no list, a new name that starts with one was taken
 * for the actor.
 *
 * Linear: one anchored test on a slice of at most 40 characters after the name.
 */

/** A capitalised word right after the name, on the same line. */
const NAME_WORD_AFTER = /^[ \u00a0]\p{Lu}[\p{L}\p{N}]*/u;
/** Nouns after a group's name that say it is a group, not another name: "Cobalt Group", "Lazarus APT". */
const GROUP_WORD = /^[ \u00a0](?:Group|Gang|Team|Crew|APT|Actors?|Operators|Affiliates|Hackers)$/i;

export function startsLongerName(text: string, end: number): boolean {
  const next = NAME_WORD_AFTER.exec(text.slice(end, end + 40));
  return next !== null && !GROUP_WORD.test(next[0]);
}
