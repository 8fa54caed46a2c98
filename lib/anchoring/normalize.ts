/**
 * Whitespace-insensitive view of a text. Pages reflow their source freely (indentation, line breaks,
 * &nbsp; for spaces) without changing what a reader sees, so matching happens on text where every run of
 * whitespace is one space, and results are mapped back to offsets in the original text.
 */

/** The characters JavaScript's \s matches: ASCII whitespace, nbsp, the Unicode spaces, line separators, BOM. */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Zero-width spaces and soft hyphens: editors and hyphenation scripts add and remove them invisibly. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b;
}

/** The text with every whitespace run collapsed to one space and invisible characters dropped. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ');
}

export class NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** toRawOffsets[i] is the offset in the raw text of normalised character i; one extra entry for the end. */
  private readonly toRawOffsets: Int32Array;

  constructor(readonly raw: string) {
    const map = new Int32Array(raw.length + 1);
    const parts: string[] = [];
    let out = 0;
    let runStart = -1;
    let pieceStart = 0;
    // Copy maximal runs of ordinary characters with one slice each: a per-character string build is
    // several times slower on a megabyte page.
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      const space = isWhitespace(code);
      if (!space && !isInvisible(code)) {
        if (runStart >= 0) {
          map[out++] = runStart;
          parts.push(' ');
          runStart = -1;
          pieceStart = i;
        }
        map[out++] = i;
        continue;
      }
      if (i > pieceStart) parts.push(raw.slice(pieceStart, i));
      pieceStart = i + 1;
      if (space && runStart < 0) runStart = i;
    }
    if (runStart >= 0) {
      map[out++] = runStart;
      parts.push(' ');
    } else if (pieceStart < raw.length) {
      parts.push(raw.slice(pieceStart));
    }
    map[out] = raw.length;
    this.text = parts.join('');
    this.toRawOffsets = map.subarray(0, out + 1);
  }

  /** Raw offset of normalised offset `offset` (the end maps to the raw end). */
  toRaw(offset: number): number {
    return this.toRawOffsets[Math.max(0, Math.min(offset, this.text.length))];
  }

  /** Raw range [start, end) for a normalised range: it ends just after the last matched character. */
  toRawRange(start: number, end: number): { start: number; end: number } {
    const rawStart = this.toRaw(start);
    return { start: rawStart, end: end > start ? this.toRaw(end - 1) + 1 : rawStart };
  }

  /** Normalised offset for a raw offset: the first normalised character at or after it. */
  fromRaw(offset: number): number {
    const map = this.toRawOffsets;
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
