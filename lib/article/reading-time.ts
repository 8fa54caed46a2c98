/** Typical silent-reading speeds: words per minute for spaced scripts, characters per minute for CJK. */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 500;

export interface ReadingTime {
  words: number;
  minutes: number;
}

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// A word is a run of letters, digits and marks, joined by apostrophes, hyphens or dots ("don't", "e-mail", "U.S").
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

/**
 * Estimates reading time. CJK scripts have no spaces between words, so their characters are
 * counted separately and read at a character rate. Any text at all takes at least one minute.
 */
export function estimateReadingTime(text: string): ReadingTime {
  const cjk = countMatches(text, CJK_CHARACTER);
  const spaced = cjk > 0 ? text.replace(CJK_CHARACTER, ' ') : text;
  const words = countMatches(spaced, WORD);
  const exact = words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  const minutes = words + cjk === 0 ? 0 : Math.max(1, Math.round(exact));
  return { words: words + cjk, minutes };
}
