/**
 * What the technique tagger knows of each token of a text: the token's own word (lower case, its last
 * letters, its shape), the shapes of the tokens around it, whether it is a word ATT&CK names techniques with, what the
 * rules found there (inside one of their technique mentions, first or later token; or inside an actor,
 * malware or tool name), whether its line is a table row, whether it is or follows an ATT&CK id. The
 * tag before it is the one feature that depends on the decoding (`tagFeatures`).
 *
 * Features are strings `template=value`; training interns them, inference looks them up. Everything is
 * read in one pass over the tokens: linear in the text. The neighbouring words themselves (and word
 * pairs) were features at first; cross-validation was better without them (they remember the training
 * reports' phrases: technique exact F1 0.389 with them, 0.414 without, the greedy tagger deciding alone;
 * with Viterbi decoding 0.494 without, 0.494 with the words next to it, 0.484 with those and the pairs).
 */
import type { Entity } from '../../types';
import { tokenize, type Tokens } from '../tokenize';
import { wordShape } from '../word-shape';
import { TAGS } from './technique-tags';
import { tokenLines } from './viterbi';

/** Rules' marks on a token (0: none). */
const RULE_FIRST = 1;
const RULE_INSIDE = 2;

export interface TaggerDocument {
  text: string;
  tokens: Tokens;
  /** Per token: its word in lower case (long tokens by their shape: encoded data says nothing). */
  words: string[];
  shapes: string[];
  /** Per token: its word and shape as numbers (0…wordCount−1, 0…shapeCount−1), for the cached scorer. */
  wordIds: Int32Array;
  wordCount: number;
  shapeIds: Int32Array;
  shapeCount: number;
  /** Per token: 1 when it is a word of ATT&CK's technique names. */
  vocabulary: Uint8Array;
  /** Per token: the rules' technique mention there (RULE_*). */
  ruleTechnique: Uint8Array;
  /** Per token: the kind of another entity the rules found there (first letter), or ''. */
  ruleOther: string[];
  /** Per token: its line holds a table bar. */
  inRow: Uint8Array;
  /** Per token: an ATT&CK id (T1234, T1234.001). */
  attackId: Uint8Array;
  /**
   * The token lines (`[from, to)` token ranges, `tokenLines`) and whether each is a table line: a table bar
   * or an ATT&CK id on it. Those are the rules' (`combine-techniques.ts`, `free-lines`).
   */
  lines: Int32Array;
  tableLine: Uint8Array;
}

const ID = /^T1\d{3}(?:\.\d{3})?$/;
const LONGEST_WORD = 30;

/** Marks the tokens each mention covers; `mentions` sorted by start. */
function markTokens(tokens: Tokens, mentions: readonly { start: number; end: number }[], mark: (token: number, first: boolean) => void) {
  let t = 0;
  for (const m of mentions) {
    while (t < tokens.count && tokens.ends[t] <= m.start) t++;
    let first = true;
    for (let k = t; k < tokens.count && tokens.starts[k] < m.end; k++) {
      mark(k, first);
      first = false;
    }
  }
}

export function taggerDocument(text: string, ruleEntities: readonly Entity[], vocabulary: ReadonlySet<string>): TaggerDocument {
  const tokens = tokenize(text);
  const n = tokens.count;
  const words: string[] = new Array(n);
  const shapes: string[] = new Array(n);
  const inVocabulary = new Uint8Array(n);
  const attackId = new Uint8Array(n);
  const inRow = new Uint8Array(n);
  // What a spelling says is the same wherever it is: read once per distinct token.
  const spellings = new Map<string, number>();
  const wordList: string[] = [];
  const shapeIds = new Map<string, number>();
  const shapeList: string[] = [];
  const spellingWord: number[] = [];
  const spellingShape: number[] = [];
  const spellingFlags: number[] = [];
  const wordIds = new Int32Array(n);
  const shapeIdAt = new Int32Array(n);
  const wordIdOf = new Map<string, number>();
  let lineFrom = 0;
  let lineHasBar = false;
  const closeLine = (to: number) => {
    if (lineHasBar) inRow.fill(1, lineFrom, to);
  };
  for (let i = 0; i < n; i++) {
    if (tokens.lineStart[i]) {
      closeLine(i);
      lineFrom = i;
      lineHasBar = false;
    }
    const raw = text.slice(tokens.starts[i], tokens.ends[i]);
    if (raw === '|') lineHasBar = true;
    let spelling = spellings.get(raw);
    if (spelling === undefined) {
      spelling = spellingWord.length;
      spellings.set(raw, spelling);
      const shape = wordShape(raw.length > LONGEST_WORD ? raw.slice(0, LONGEST_WORD) : raw);
      const word = raw.length > LONGEST_WORD ? `~${shape}` : raw.toLowerCase();
      let wordId = wordIdOf.get(word);
      if (wordId === undefined) wordIdOf.set(word, (wordId = wordList.push(word) - 1));
      let shapeId = shapeIds.get(shape);
      if (shapeId === undefined) shapeIds.set(shape, (shapeId = shapeList.push(shape) - 1));
      spellingWord.push(wordId);
      spellingShape.push(shapeId);
      spellingFlags.push((vocabulary.has(word) ? 1 : 0) | (ID.test(raw) ? 2 : 0));
    }
    const wordId = spellingWord[spelling];
    const shapeId = spellingShape[spelling];
    wordIds[i] = wordId;
    shapeIdAt[i] = shapeId;
    words[i] = wordList[wordId];
    shapes[i] = shapeList[shapeId];
    inVocabulary[i] = spellingFlags[spelling] & 1;
    attackId[i] = spellingFlags[spelling] >> 1;
  }
  closeLine(n);
  const lines = tokenLines(tokens.lineStart, n);
  const tableLine = new Uint8Array(lines.length - 1);
  for (let k = 0; k + 1 < lines.length; k++)
    for (let i = lines[k]; i < lines[k + 1] && !tableLine[k]; i++) if (inRow[i] || attackId[i]) tableLine[k] = 1;
  const ruleTechnique = new Uint8Array(n);
  const ruleOther: string[] = new Array(n).fill('');
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  markTokens(
    tokens,
    ruleEntities
      .filter((e) => e.kind === 'technique')
      .flatMap((e) => e.mentions)
      .sort(byStart),
    (k, first) => (ruleTechnique[k] = first ? RULE_FIRST : RULE_INSIDE),
  );
  for (const entity of ruleEntities) {
    if (entity.kind === 'technique') continue;
    const letter = entity.kind[0];
    markTokens(tokens, [...entity.mentions].sort(byStart), (k) => (ruleOther[k] = letter));
  }
  return {
    text,
    tokens,
    words,
    shapes,
    wordIds,
    wordCount: wordList.length,
    shapeIds: shapeIdAt,
    shapeCount: shapeList.length,
    vocabulary: inVocabulary,
    ruleTechnique,
    ruleOther,
    inRow,
    attackId,
    lines,
    tableLine,
  };
}

const SUFFIX = 3;

/** The features of token `i` that do not depend on the tags decoded before it. */
export function tokenFeatures(doc: TaggerDocument, i: number): string[] {
  const n = doc.tokens.count;
  const flag = (a: Uint8Array, k: number) => (k < 0 || k >= n ? '-' : String(a[k]));
  const w = doc.words[i];
  const idNear = (i > 0 && doc.attackId[i - 1]) || (i > 1 && doc.attackId[i - 2]) || (i > 2 && doc.attackId[i - 3]) ? 1 : 0;
  return [
    'b',
    `w=${w}`,
    `suf=${w.length > SUFFIX ? w.slice(-SUFFIX) : w}`,
    `sh=${doc.shapes[i]}`,
    `sh-1=${i > 0 ? doc.shapes[i - 1] : '<s>'}`,
    `sh+1=${i + 1 < n ? doc.shapes[i + 1] : '</s>'}`,
    `v=${flag(doc.vocabulary, i - 1)}${doc.vocabulary[i]}${flag(doc.vocabulary, i + 1)}`,
    `r=${flag(doc.ruleTechnique, i - 1)}${doc.ruleTechnique[i]}${flag(doc.ruleTechnique, i + 1)}`,
    `rw=${doc.ruleTechnique[i]} ${w}`,
    `o=${doc.ruleOther[i]}`,
    `row=${doc.inRow[i]}${doc.tokens.lineStart[i]}`,
    `id=${doc.attackId[i]}${idNear}`,
  ];
}

/** The features that join the tag decoded before token `i` (`previous`, a TAGS index or START). */
export function tagFeatures(doc: TaggerDocument, i: number, previous: number): string[] {
  const t = previous < TAGS.length ? TAGS[previous] : '^';
  return [
    `t=${t}`,
    `tw=${t} ${doc.words[i]}`,
    `tr=${t} ${doc.ruleTechnique[i]}`,
    `tv=${t} ${doc.vocabulary[i]}`,
    `trow=${t} ${doc.inRow[i]}`,
  ];
}
