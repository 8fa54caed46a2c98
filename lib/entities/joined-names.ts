/**
 * A listed name of two or three words, as reports also write it: joined, each word starting with a
 * capital. ransomlook lists "black suit", reports write BlackSuit; likewise CobaltStrike, AgentTesla,
 * CyberBerkut. The joined spelling counts only in that case, and it needs no threat context even where
 * the words apart are ordinary ("black suit" is weak): no ordinary phrase is written so.
 */
const PLAIN_WORDS = /^[A-Za-z]{2,}(?: [A-Za-z]{2,}){1,2}$/;

/** The camel-case spelling of a name of two or three plain words, or undefined for any other name. */
export function joinedSpelling(form: string): string | undefined {
  if (!PLAIN_WORDS.test(form)) return undefined;
  return form
    .split(' ')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}
