/**
 * Cues that a known actor's name is worn by someone else: "criminals posing as Lazarus Group",
 * "pretending to be Fancy Bear", "impersonating APT28". Extortionists borrow famous names to frighten
 * their victims; the report is about the impostor, and annotators do not mark the borrowed name as the
 * actor. Only for listed actors: a new name a group gives itself ("refers to itself as X") is its own.
 *
 * One anchored regex test on the few words before a mention (linear, like the other cues).
 */

const SP = String.raw`[\s\u00a0]+`;
const POSING_BEFORE = new RegExp(
  String.raw`\b(?:(?:pos(?:e|es|ed|ing)|masquerad(?:e|es|ed|ing))${SP}as|pretend(?:s|ed|ing)?${SP}to${SP}be|impersonat(?:e|es|ed|ing)|claim(?:s|ed|ing)?${SP}to${SP}be)${SP}(?:the${SP})?[“"'‘*_]*$`,
  'i',
);

/** How far back the cue reaches. */
const WINDOW = 48;

/** Whether the words right before `start` say a name is borrowed: "posing as X", "pretending to be X". */
export function posingAs(text: string, start: number): boolean {
  return POSING_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start));
}
