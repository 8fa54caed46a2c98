/**
 * Two names a text says are one group: "Lunar Moth and Red Dev 40 are the same operators", "X is the same
 * group as Y". The second is then another name of the first (as "X, also known as Y" makes it), so a new
 * name joins the group the text already named, and a researcher sees one actor, not two.
 *
 * Two global passes over the text. Each starts at a name (`NAME`, which starts only where a name may), and
 * a trailing number stays with its name ("Red Dev 40"); linear.
 */
import { NAME, S } from './cue-names';

const WITH_NUMBER = String.raw`(${NAME}(?:[ \u00a0]\d{1,3})?)`;
const HEDGE = String.raw`(?:(?:likely|probably|in${S}fact|actually|most${S}likely)${S})?`;
const GROUP_WORD = String.raw`(?:group|gang|actor|threat${S}actor|operators|crew|cluster|people|intrusion${S}set)s?`;

/** "A and B are the same operators", "A and B are one and the same group". */
const BOTH_ARE_ONE = new RegExp(
  String.raw`${WITH_NUMBER}${S}and${S}${WITH_NUMBER}${S}(?:are|were)${S}${HEDGE}(?:the${S}same|one${S}and${S}the${S}same)${S}${GROUP_WORD}\b`,
  'g',
);
/** "A is the same group as B", "A is likely the same actor as B". */
const SAME_AS = new RegExp(
  String.raw`${WITH_NUMBER}${S}(?:is|was)${S}${HEDGE}the${S}same${S}${GROUP_WORD}${S}as${S}(?:the${S})?${WITH_NUMBER}`,
  'g',
);

export interface SameGroupName {
  /** Where the other name starts, and the name. */
  start: number;
  name: string;
  /** The span of the name it is another name of. */
  head: { start: number; end: number };
}

/** The second name of each pair the text says is one group, with the first as its head. */
export function findSameGroupNames(text: string): SameGroupName[] {
  const out: SameGroupName[] = [];
  const head = (m: RegExpMatchArray) => ({ start: m.index!, end: m.index! + m[1].length });
  for (const m of text.matchAll(BOTH_ARE_ONE)) out.push({ start: m.index + m[0].indexOf(m[2], m[1].length), name: m[2], head: head(m) });
  for (const m of text.matchAll(SAME_AS)) out.push({ start: m.index + m[0].length - m[2].length, name: m[2], head: head(m) });
  return out;
}
