/**
 * Cues that a name is an individual's handle, not a threat actor: the forum sellers, administrators,
 * developers and users that crime-forum reporting names ("the seller X", "a user named X", "forum
 * administrator X", "the actor going by the handle X", "X, the developer of the locker"). Such handles
 * were the threat actors wrongly found on reports nobody here had seen (issue 13); a person is not a
 * group, so a name the text only ever presents as a person is no actor.
 *
 * `personCue` reads the few words around one mention: each is one anchored regex test on a short slice
 * (linear, like the other cues around a mention).
 */

const SP = String.raw`[\s\u00a0]+`;
/** A person's role on a forum or in a crew (singular: "developers" are a group's). */
const ROLE = String.raw`(?:user|seller|buyer|administrator|admin|moderator|developer|coder|programmer|author|owner|individual|person|member|poster|hacker|founder)`;
/** Words that give a person's handle: "named", "going by the handle", "using the nickname". */
const NAMING = String.raw`(?:named|called|nicknamed|known${SP}as|going${SP}by(?:${SP}the${SP}(?:name|handle|nickname|moniker|alias|username))?|using${SP}the${SP}(?:name|handle|nickname|moniker|alias|username)|with${SP}the${SP}(?:handle|nickname|moniker|username))`;
/** A handle noun after a word that introduces it: "under the moniker X", "the nickname X". */
const HANDLE = String.raw`\b(?:the|a|an|his|her|their|its|under${SP}the|by${SP}the)${SP}(?:handle|nickname|nick|moniker|username|user${SP}?name|persona)`;

/**
 * Right before the name: "the seller X", "forum administrator X", "a user named X", "an actor going by
 * X", "under the moniker X". An actor is a person only as "an actor" with a naming word ("an actor named
 * X", "one actor going by X"): "the cybercrime actor known as TA551" and "threat actor X" are how vendors
 * write a group.
 */
const PERSON_BEFORE = new RegExp(
  String.raw`(?:\b${ROLE}(?:${SP}${NAMING})?|\b(?:an|one|another)${SP}actor${SP}${NAMING}|${HANDLE})[\s\u00a0]*[“"'‘*_]*$`,
  'i',
);

/**
 * Right after the name, in apposition: "X, the developer of the locker", "X, a well-known seller", "X,
 * who is the administrator of the forum". Up to two describing words before the role. Not "operator"
 * nor "actor": "TA505, the operator of Dridex" and "TA551, a criminal actor" are groups.
 */
const PERSON_AFTER = new RegExp(
  String.raw`^[”"'’*_]*,${SP}(?:who${SP}(?:is|was)${SP})?(?:the|a|an|one)${SP}(?:(?!(?:group|gang|crew|team|of|by|for)\b)[\w-]+${SP}){0,2}?(?:${ROLE}|leader)\b(?!-)`,
  'i',
);

/** How far the cue phrases reach around a mention. */
const WINDOW = 64;

/** Whether the words right around `text[start, end)` present it as one person's handle. */
export function personCue(text: string, start: number, end: number): boolean {
  return PERSON_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start)) || PERSON_AFTER.test(text.slice(end, end + WINDOW));
}
