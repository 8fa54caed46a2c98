/**
 * Word tokens for the entity model: a run of letters, digits and combining marks, with `-`, `_` and `.`
 * kept inside when they join two such characters (`Storm-1152`, `APT-C-36`, `Mustang.Panda`, `T1566.001`);
 * every other non-space character is a token of its own. One pass over the text, no regular expression
 * over the text as a whole (each non-ASCII character is classed alone), so it is linear by construction.
 */

export interface Tokens {
  /** UTF-16 offsets into the text; `end` exclusive. */
  starts: Int32Array;
  ends: Int32Array;
  /** A line break (or the start of the text) comes right before the token. */
  lineStart: Uint8Array;
  count: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i]);
}

const isJoiner = (c: number) => c === 45 /* - */ || c === 95 /* _ */ || c === 46; /* . */
const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;

export function tokenize(text: string): Tokens {
  const n = text.length;
  let starts = new Int32Array(Math.max(16, n >> 2));
  let ends = new Int32Array(starts.length);
  let lineStart = new Uint8Array(starts.length);
  let count = 0;
  let newline = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13) newline = true;
      i++;
      continue;
    }
    const start = i;
    if (isWordCode(text, i)) {
      i++;
      for (;;) {
        if (i < n && isWordCode(text, i)) i++;
        else if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordCode(text, i + 1)) i += 2;
        else break;
      }
    } else i++;
    if (count === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      const l = new Uint8Array(lineStart.length * 2);
      l.set(lineStart);
      lineStart = l;
    }
    starts[count] = start;
    ends[count] = i;
    lineStart[count] = newline ? 1 : 0;
    newline = false;
    count++;
  }
  return { starts, ends, lineStart, count };
}
