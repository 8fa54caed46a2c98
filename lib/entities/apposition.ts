/**
 * What an apposition right after a name says it is: ", the private equity firm", ", a Russian pop band",
 * " (a 2019 book)". Shared by the cues that read one kind of noun there (`company-cues.ts`,
 * `common-sense-cues.ts`).
 */

/** One or more spaces (a no-break space too). */
export const SP = String.raw`[ \u00a0]+`;

/** How far after a mention an apposition is read. */
const WINDOW = 80;

/**
 * A test of the text right after a mention: an article, up to three describing words (none of `notDescribing`,
 * which would start a relative clause or name something else), then one of `nouns`.
 */
export function appositionTest(nouns: string, notDescribing: string): (text: string, end: number) => boolean {
  const apposition = new RegExp(
    String.raw`^[”"'’*_]*(?:,${SP}|${SP}\()(?:an?|the|one${SP}of${SP}the)${SP}(?:(?!${notDescribing}\b)[\w’'&.-]+${SP}){0,3}?${nouns}s?\b`,
    'i',
  );
  return (text, end) => apposition.test(text.slice(end, end + WINDOW));
}
