/**
 * The spans the model judges in one text: every mention the rules gave an actor, malware or tool (the
 * rules' kind and whether it resolved to a list go with it), the same mention with the next word when
 * that word is capitalised ("MineBridge RAT", "Darkside APT"), and every run of one to three name-shaped
 * words (a capital or a digit in each: `LockBit`, `Storm-1152`, `R.E.D`), so names no list or cue has
 * are judged too. One pass over the tokens; at most a few candidates per token.
 */
import { isModelKind, type ModelKind } from './tags';
import type { Entity, EntityKind } from '../types';
import type { Tokens } from './tokenize';

export interface Candidate {
  start: number;
  end: number;
  /** Token indexes of the span's first and last word. */
  first: number;
  last: number;
  /** The rules' decision on exactly this span, if any. */
  rule?: { kind: ModelKind; listed: boolean };
  /** The rules' mention this extends by one word. */
  extendsRule?: ModelKind;
  /** The rules gave an overlapping stretch another kind (organisation, place, indicator…). */
  otherKind?: EntityKind;
}

/**
 * An entity the rules resolved to a list of its kind (a canonical name or ATT&CK id of its own); not a gang
 * known only by its software's names, which no actor list has.
 */
export const isListed = (entity: Entity): boolean =>
  !entity.foundBy?.rules?.family && (entity.attackId !== undefined || entity.aliases.length > 0 || entity.canonical !== entity.name);

const MAX_RUN = 3;

/** A run of 16 hex digits or more (a hash, a key, an address) is no name. */
const HEX_RUN = 16;
/** Nor is a run of more than 24 letters and digits with no joiner (encoded data: Base64, keys). */
const LONG_RUN = 24;

export function nameShaped(word: string): boolean {
  return nameShapedAt(word, 0, word.length);
}

/** `nameShaped` of `text[start, end)`, read in place (a text has tens of thousands of words). */
export function nameShapedAt(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  let letter = false;
  let marked = false;
  let ascii = true;
  let hex = 0;
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const isHex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    hex = isHex ? hex + 1 : 0;
    run = c === 45 || c === 46 || c === 95 ? 0 : run + 1;
    if (hex >= HEX_RUN || run > LONG_RUN) return false;
    if (c >= 65 && c <= 90) letter = marked = true;
    else if (c >= 97 && c <= 122) letter = true;
    else if (c >= 48 && c <= 57) marked = true;
    else if (c >= 128) ascii = false;
  }
  if (ascii) return letter && marked;
  letter = false;
  marked = false;
  for (const ch of text.slice(start, end)) {
    const lower = ch.toLowerCase();
    if (lower !== ch.toUpperCase()) {
      letter = true;
      if (ch !== lower) marked = true;
    } else if (ch >= '0' && ch <= '9') marked = true;
  }
  return letter && marked;
}

/**
 * A stretch of more than this many characters without a space is encoded data (Base64, a key, a packed
 * URL), whose letters and digits break into thousands of name-shaped pieces at `+` and `/`.
 */
const ENCODED_STRETCH = 48;

/** 1 for each token inside a stretch of text without spaces longer than `ENCODED_STRETCH`. */
function encodedTokens(tokens: Tokens): Uint8Array {
  const encoded = new Uint8Array(tokens.count);
  let first = 0;
  for (let i = 1; i <= tokens.count; i++) {
    if (i < tokens.count && tokens.starts[i] === tokens.ends[i - 1]) continue;
    if (tokens.ends[i - 1] - tokens.starts[first] > ENCODED_STRETCH) encoded.fill(1, first, i);
    first = i;
  }
  return encoded;
}

/** Token index of the first token ending after `offset` (binary search). */
function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findCandidates(text: string, tokens: Tokens, ruleEntities: readonly Entity[]): Candidate[] {
  const shapedAt = (i: number) => nameShapedAt(text, tokens.starts[i], tokens.ends[i]);
  // Keyed by start and end together (a text is far shorter than 2^26 characters).
  const byKey = new Map<number, Candidate>();
  const add = (c: Candidate) => {
    const key = c.start * 67_108_864 + c.end;
    const had = byKey.get(key);
    if (!had) byKey.set(key, c);
    else {
      had.rule ??= c.rule;
      had.extendsRule ??= c.extendsRule;
    }
  };
  const others: { start: number; end: number; kind: EntityKind }[] = [];
  for (const entity of ruleEntities) {
    const listed = isListed(entity);
    for (const m of entity.mentions) {
      if (!isModelKind(entity.kind)) {
        others.push({ start: m.start, end: m.end, kind: entity.kind });
        continue;
      }
      const first = tokenAt(tokens, m.start);
      let last = first;
      while (last + 1 < tokens.count && tokens.starts[last + 1] < m.end) last++;
      add({ start: m.start, end: m.end, first, last, rule: { kind: entity.kind, listed } });
      const next = last + 1;
      if (next < tokens.count && shapedAt(next) && /^[ \u00a0]+$/.test(text.slice(m.end, tokens.starts[next]))) {
        add({ start: m.start, end: tokens.ends[next], first, last: next, extendsRule: entity.kind });
      }
    }
  }
  // Runs of name-shaped words separated by single spaces, outside encoded data.
  const encoded = encodedTokens(tokens);
  let runStart = -1;
  for (let i = 0; i <= tokens.count; i++) {
    const shaped = i < tokens.count && encoded[i] === 0 && shapedAt(i);
    const joined =
      shaped && runStart >= 0 && i - runStart < 16 && tokens.starts[i] - tokens.ends[i - 1] === 1 && text[tokens.ends[i - 1]] === ' ';
    if (shaped && runStart >= 0 && joined) continue;
    if (runStart >= 0) {
      for (let a = runStart; a < i; a++) {
        for (let b = a; b < i && b - a < MAX_RUN; b++) {
          // Inside a longer run, only the words alone and the stretches that start or end it.
          if (b > a && a !== runStart && b !== i - 1) continue;
          add({ start: tokens.starts[a], end: tokens.ends[b], first: a, last: b });
        }
      }
    }
    runStart = shaped ? i : -1;
  }
  const candidates = [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  // Another kind's mention overlapping a candidate (both lists sorted by start).
  others.sort((a, b) => a.start - b.start);
  let o = 0;
  for (const c of candidates) {
    while (o < others.length && others[o].end <= c.start) o++;
    for (let k = o; k < others.length && others[k].start < c.end; k++) {
      if (others[k].end > c.start) {
        c.otherKind = others[k].kind;
        break;
      }
    }
  }
  return candidates;
}
