/** Typical silent-reading speeds: words per minute for spaced scripts, characters per minute for CJK. */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 500;

export interface ReadingTime {
  words: number;
  minutes: number;
}

const enum CharKind {
  Other = 0,
  Word = 1,
  Joiner = 2, // joins two word characters into one word: don't, e-mail, U.S
  Cjk = 3,
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const JOINERS = new Set(["'", '’', '.', '-']);

// Unicode property tests are slow per call, and articles reuse few distinct characters: cache them.
const kindCache = new Map<number, CharKind>();

function classify(code: number): CharKind {
  let kind = kindCache.get(code);
  if (kind === undefined) {
    const char = String.fromCodePoint(code);
    if (JOINERS.has(char)) kind = CharKind.Joiner;
    else if (CJK_CHARACTER.test(char)) kind = CharKind.Cjk;
    else kind = WORD_CHARACTER.test(char) ? CharKind.Word : CharKind.Other;
    kindCache.set(code, kind);
  }
  return kind;
}

function kindAt(code: number): CharKind {
  // ASCII fast path: letters and digits are word characters.
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharKind.Word;
    return code === 39 || code === 45 || code === 46 ? CharKind.Joiner : CharKind.Other;
  }
  return classify(code);
}

/** Counts words (runs of letters, digits and marks, joined by ' ’ . -) and CJK characters, in one pass. */
function countWords(text: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++) ?? code;
    const kind = kindAt(code);
    if (kind === CharKind.Word) {
      if (!inWord) words++;
      inWord = true;
    } else if (kind === CharKind.Cjk) {
      cjk++;
      inWord = false;
    } else if (kind === CharKind.Joiner && inWord) {
      // A joiner keeps the word going only when a word character follows it.
      const next = i + 1 < text.length ? kindAt(text.codePointAt(i + 1) ?? 0) : CharKind.Other;
      inWord = next === CharKind.Word;
    } else {
      inWord = false;
    }
  }
  return { words, cjk };
}

/**
 * Estimates reading time. CJK scripts have no spaces between words, so their characters are
 * counted separately and read at a character rate. Any text at all takes at least one minute.
 */
export function estimateReadingTime(text: string): ReadingTime {
  const { words, cjk } = countWords(text);
  const exact = words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  const minutes = words + cjk === 0 ? 0 : Math.max(1, Math.round(exact));
  return { words: words + cjk, minutes };
}
