/**
 * The model's features of a candidate span, as strings (the model maps each to a weight per class).
 * Chosen to carry to text the model has never seen: the span's shape, length and affixes, the words and
 * shapes around it, whether it starts a sentence, what the rules decided on it and how (listed name or a
 * name they proposed), whether a dictionary knows the name in any case, the cue phrases around it
 * (`context-cues.ts`, `software-cues.ts`), and document-level consistency: what the rules decided for the
 * same name elsewhere in the text, how often the text names it, whether the text also writes it in lower
 * case. The spelled name itself is a feature too, so names seen in training weigh in, but never alone.
 */
import { cuesAround } from '../context-cues';
import { calledMalware } from '../software-cues';
import type { Entity } from '../types';
import { findCandidates, isListed, type Candidate } from './candidates';
import { tokenize, type Tokens } from './tokenize';
import { isModelKind, MODEL_KINDS } from './tags';
import { wordShape } from './word-shape';

/** What the dictionaries say of a name in any case: `actor`, `malware`, `tool`, `ransomware`. */
export type DictionaryFacts = (surface: string) => readonly string[];

export interface SpanDocument {
  text: string;
  tokens: Tokens;
  /** Token i as written, and in lower case; read from the text on first use (most are never read). */
  word(i: number): string;
  lower(i: number): string;
  /** The shape of token i (`word-shape.ts`), worked out on first use. */
  shape(i: number): string;
  candidates: Candidate[];
  /** Each candidate's text and its name key (`nameKey`), by the candidate's index. */
  surfaces: string[];
  keys: string[];
  /** Per name (form key): the kinds the rules gave it anywhere in the text. */
  ruleKindsOfName: Map<string, Set<string>>;
  /** Per name (form key): how many candidates spell it. */
  countOfName: Map<string, number>;
  /** Whether the text writes a candidate's (lower-cased) single word in lower case somewhere. */
  writtenLower(lowerWord: string): boolean;
}

export const SENTENCE_END = new Set(['.', '!', '?', ':', '#', '*', '•', '|', '"', '“', '(']);

export function spanDocument(text: string, ruleEntities: readonly Entity[]): SpanDocument {
  const tokens = tokenize(text);
  const n = tokens.count;
  // Words, lower case and shapes are worked out only for the tokens a candidate reads (its words and
  // their neighbours): a text has tens of thousands of tokens and a few thousand candidates.
  const words: string[] = new Array(n);
  const lowers: string[] = new Array(n);
  const shapes: string[] = new Array(n);
  const word = (i: number) => words[i] ?? (words[i] = text.slice(tokens.starts[i], tokens.ends[i]));
  const lower = (i: number) => lowers[i] ?? (lowers[i] = word(i).toLowerCase());
  const shape = (i: number) => shapes[i] ?? (shapes[i] = wordShape(word(i)));
  const ruleKindsOfName = new Map<string, Set<string>>();
  for (const entity of ruleEntities) {
    if (!isModelKind(entity.kind)) continue;
    for (const m of entity.mentions) {
      const key = nameKey(m.text);
      let kinds = ruleKindsOfName.get(key);
      if (!kinds) ruleKindsOfName.set(key, (kinds = new Set()));
      kinds.add(`${entity.kind}|${isListed(entity) ? 'listed' : 'new'}`);
    }
  }
  const candidates = findCandidates(text, tokens, ruleEntities);
  const countOfName = new Map<string, number>();
  const asked = new Set<string>();
  const surfaces: string[] = new Array(candidates.length);
  const keys: string[] = new Array(candidates.length);
  // Most names recur: each spelling's key is worked out once.
  const keyOfSurface = new Map<string, string>();
  candidates.forEach((c, i) => {
    const surface = text.slice(c.start, c.end);
    let key = keyOfSurface.get(surface);
    if (key === undefined) keyOfSurface.set(surface, (key = nameKey(surface)));
    surfaces[i] = surface;
    keys[i] = key;
    countOfName.set(key, (countOfName.get(key) ?? 0) + 1);
    if (c.first === c.last) asked.add(lower(c.first));
  });
  const lowerWords = wordsWrittenLower(text, tokens, asked);
  return {
    text,
    tokens,
    word,
    lower,
    shape,
    candidates,
    surfaces,
    keys,
    ruleKindsOfName,
    countOfName,
    writtenLower: (w) => lowerWords.has(w),
  };
}

/** FNV-1a over UTF-16 code units. */
function hashAt(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Which of the `asked` words the text writes in lower case as a whole token. Every token is read in place
 * (a hash of its characters); only a token whose hash is an asked word's is cut out of the text and compared.
 */
function wordsWrittenLower(text: string, tokens: Tokens, asked: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (asked.size === 0) return found;
  const hashes = new Set<number>();
  for (const w of asked) hashes.add(hashAt(w, 0, w.length));
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.starts[i];
    const end = tokens.ends[i];
    if (!hashes.has(hashAt(text, start, end))) continue;
    const w = text.slice(start, end);
    if (asked.has(w) && w.toLowerCase() === w) found.add(w);
  }
  return found;
}

/**
 * A name compared across the text: lower case, any run of spaces as one (candidates are words joined by
 * single spaces; `formKey`'s Unicode normalisation is not needed for that and costs more per candidate).
 */
const nameKey = (surface: string): string => surface.toLowerCase().replace(/[\s\u00a0]+/g, ' ');

export const bucket = (n: number) => (n <= 1 ? '1' : n <= 2 ? '2' : n <= 4 ? '3-4' : '5+');

/** Every value `ruleLabel` can give. */
export const RULE_LABELS: readonly string[] = ['none', ...MODEL_KINDS.flatMap((kind) => [`${kind}|listed`, `${kind}|new`, `+1:${kind}`])];

/** What the rules said of a candidate, as a feature value. */
export const ruleLabel = (c: Candidate): string =>
  c.rule ? `${c.rule.kind}|${c.rule.listed ? 'listed' : 'new'}` : c.extendsRule ? `+1:${c.extendsRule}` : 'none';

/** Every feature of a candidate: those of its name (the same wherever the name occurs) and of its place. */
export function spanFeatures(doc: SpanDocument, c: Candidate, facts: DictionaryFacts): string[] {
  const surface = doc.text.slice(c.start, c.end);
  const known = facts(surface);
  return [...nameFeatures(doc, c, nameKey(surface), known), ...placeFeatures(doc, c, known)];
}

export { nameKey };

export function spanShape(doc: SpanDocument, c: Candidate): string {
  let shape = doc.shape(c.first);
  for (let i = c.first + 1; i <= c.last; i++) shape += `_${doc.shape(i)}`;
  return shape;
}

/** Features that depend only on the name (its spelling in this text): a model may score them once per name. */
export function nameFeatures(doc: SpanDocument, c: Candidate, key: string, known: readonly string[]): string[] {
  const { lower } = doc;
  const n = c.last - c.first + 1;
  const keys = [
    'bias',
    `name=${key}`,
    `first=${lower(c.first)}`,
    `last=${lower(c.last)}`,
    `shape=${spanShape(doc, c)}`,
    `n=${n}`,
    `x3=${lower(c.last).slice(-3)}`,
    `p3=${lower(c.first).slice(0, 3)}`,
    `count=${bucket(doc.countOfName.get(key) ?? 0)}`,
  ];
  if (n === 1 && doc.writtenLower(lower(c.first))) keys.push('written-lower');
  for (const fact of known) keys.push(`dict=${fact}`);
  const kinds = doc.ruleKindsOfName.get(key);
  if (kinds) for (const kind of kinds) keys.push(`doc=${kind}`);
  return keys;
}

/** Features of the candidate's place: the rules' decision, the words around it, cue phrases. */
export function placeFeatures(doc: SpanDocument, c: Candidate, known: readonly string[]): string[] {
  const { text, lower, word, tokens } = doc;
  const shape = spanShape(doc, c);
  const rule = ruleLabel(c);
  const before = (o: number) => (c.first - o >= 0 ? lower(c.first - o) : '<edge>');
  const after = (o: number) => (c.last + o < tokens.count ? lower(c.last + o) : '<edge>');
  const shapeBefore = c.first > 0 ? doc.shape(c.first - 1) : '<edge>';
  const shapeAfter = c.last + 1 < tokens.count ? doc.shape(c.last + 1) : '<edge>';
  const sentenceStart = c.first === 0 || tokens.lineStart[c.first] === 1 || SENTENCE_END.has(word(c.first - 1));
  const keys = [
    `rule=${rule}`,
    `L1=${before(1)}`,
    `R1=${after(1)}`,
    `L1|R1=${before(1)}|${after(1)}`,
    `L1s=${shapeBefore}`,
    `R1s=${shapeAfter}`,
    `rule|L1=${rule}|${before(1)}`,
    `rule|R1=${rule}|${after(1)}`,
  ];
  if (sentenceStart) keys.push(`start|shape=${shape}`);
  if (c.otherKind) keys.push(`other=${c.otherKind}`);
  for (const fact of known) keys.push(`dict|rule=${fact}|${rule}`);
  const cues = cuesAround(text, c.start, c.end);
  if (cues.actor) keys.push('cue=actor', `cue=actor|${rule}`);
  if (cues.strongActor) keys.push('cue=strong-actor');
  if (cues.software) keys.push('cue=software', `cue=software|${rule}`);
  if (calledMalware(text, c.start, c.end)) keys.push('cue=called-malware');
  return keys;
}
