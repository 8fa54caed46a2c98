/**
 * The tagger's scores as `tokenScorer` gives them (technique-tagger.ts), without building a feature string
 * per token: each template's contribution is looked up once per value and kept (per word: its own word,
 * suffix, rule-and-word and tag-and-word rows; per shape: its rows as this, the previous or the next
 * token's shape; the small flag templates in arrays by code), so a token costs a few array reads. A unit
 * test holds the two scorers to the same scores; the templates are `tokenFeatures` and `tagFeatures`.
 */
import type { TaggerDocument } from './technique-features';
import type { TaggerWeights, TokenScorer } from './token-scorer';
import { TAGS } from './technique-tags';

const N = TAGS.length;
/** Tags before a token: O, B, I and START. */
const BEFORE = N + 1;
const SUFFIX = 3;

/** Per word: [w + suf] (N), [rw for rule mark 0..2] (3N), [tw for each tag before] (BEFORE·N). */
const WORD_SIZE = N + 3 * N + BEFORE * N;
/** Per shape: [sh, sh-1, sh+1] (3N). */
const SHAPE_SIZE = 3 * N;
const TAG_NAMES = [...TAGS, '^'];

export function cachedTokenScorer({ names, weights }: TaggerWeights): (doc: TaggerDocument) => TokenScorer {
  const ids = new Map<string, number>();
  names.forEach((name, k) => ids.set(name, k));
  /** Adds feature `name`'s row into `out` at `at`. */
  const addRow = (name: string, out: Float64Array, at: number) => {
    const id = ids.get(name);
    if (id === undefined) return;
    for (let c = 0; c < N; c++) out[at + c] += weights[id * N + c];
  };
  const rowOf = (name: string) => {
    const out = new Float64Array(N);
    addRow(name, out, 0);
    return out;
  };
  // Templates of a few values: rows by code, filled when first met.
  const small = new Map<string, Float64Array>();
  const smallRow = (name: string) => {
    let row = small.get(name);
    if (!row) small.set(name, (row = rowOf(name)));
    return row;
  };
  const bias = rowOf('b');
  const noOther = rowOf('o=');
  const startShape = rowOf('sh-1=<s>');
  const endShape = rowOf('sh+1=</s>');
  const FLAG = ['0', '1', '2', '-'];
  const flagRows = (template: string, size: number) => {
    const rows: Float64Array[] = [];
    for (let code = 0; code < size; code++) {
      const a = Math.floor(code / 16);
      const b = Math.floor(code / 4) % 4;
      const c = code % 4;
      rows.push(rowOf(`${template}=${FLAG[a]}${FLAG[b]}${FLAG[c]}`));
    }
    return rows;
  };
  const vocabularyRows = flagRows('v', 64);
  const ruleRows = flagRows('r', 64);
  const lineRows = [0, 1, 2, 3].map((code) => rowOf(`row=${code >> 1}${code & 1}`));
  const idRows = [0, 1, 2, 3].map((code) => rowOf(`id=${code >> 1}${code & 1}`));
  const tagRows: Float64Array[] = [];
  for (let previous = 0; previous < BEFORE; previous++) {
    const t = TAG_NAMES[previous];
    tagRows.push(rowOf(`t=${t}`));
  }
  const tagRuleRows = Array.from({ length: BEFORE * 3 }, (_, k) => rowOf(`tr=${TAG_NAMES[Math.floor(k / 3)]} ${k % 3}`));
  const tagVocabularyRows = Array.from({ length: BEFORE * 2 }, (_, k) => rowOf(`tv=${TAG_NAMES[k >> 1]} ${k & 1}`));
  const tagLineRows = Array.from({ length: BEFORE * 2 }, (_, k) => rowOf(`trow=${TAG_NAMES[k >> 1]} ${k & 1}`));

  return (doc) => {
    const words: (Float64Array | undefined)[] = new Array(doc.wordCount);
    const shapes: (Float64Array | undefined)[] = new Array(doc.shapeCount);
    const wordRowsAt = (i: number) => {
      const id = doc.wordIds[i];
      let rows = words[id];
      if (!rows) {
        const w = doc.words[i];
        rows = new Float64Array(WORD_SIZE);
        addRow(`w=${w}`, rows, 0);
        addRow(`suf=${w.length > SUFFIX ? w.slice(-SUFFIX) : w}`, rows, 0);
        for (let r = 0; r < 3; r++) addRow(`rw=${r} ${w}`, rows, N + r * N);
        for (let previous = 0; previous < BEFORE; previous++) addRow(`tw=${TAG_NAMES[previous]} ${w}`, rows, 4 * N + previous * N);
        words[id] = rows;
      }
      return rows;
    };
    const shapeRowsAt = (i: number) => {
      const id = doc.shapeIds[i];
      let rows = shapes[id];
      if (!rows) {
        const shape = doc.shapes[i];
        rows = new Float64Array(SHAPE_SIZE);
        addRow(`sh=${shape}`, rows, 0);
        addRow(`sh-1=${shape}`, rows, N);
        addRow(`sh+1=${shape}`, rows, 2 * N);
        shapes[id] = rows;
      }
      return rows;
    };
    const n = doc.tokens.count;
    const flag = (a: Uint8Array, k: number) => (k < 0 || k >= n ? 3 : a[k]);
    const add = (out: Float64Array, row: ArrayLike<number>, at = 0) => {
      for (let c = 0; c < N; c++) out[c] += row[at + c];
    };
    return {
      token(_, i, out) {
        add(out, bias);
        const own = wordRowsAt(i);
        add(out, own, 0);
        add(out, own, N + doc.ruleTechnique[i] * N);
        add(out, shapeRowsAt(i), 0);
        if (i > 0) add(out, shapeRowsAt(i - 1), N);
        else add(out, startShape);
        if (i + 1 < n) add(out, shapeRowsAt(i + 1), 2 * N);
        else add(out, endShape);
        add(out, vocabularyRows[flag(doc.vocabulary, i - 1) * 16 + doc.vocabulary[i] * 4 + flag(doc.vocabulary, i + 1)]);
        add(out, ruleRows[flag(doc.ruleTechnique, i - 1) * 16 + doc.ruleTechnique[i] * 4 + flag(doc.ruleTechnique, i + 1)]);
        const other = doc.ruleOther[i];
        add(out, other === '' ? noOther : smallRow(`o=${other}`));
        add(out, lineRows[doc.inRow[i] * 2 + doc.tokens.lineStart[i]]);
        const idNear = (i > 0 && doc.attackId[i - 1]) || (i > 1 && doc.attackId[i - 2]) || (i > 2 && doc.attackId[i - 3]) ? 1 : 0;
        add(out, idRows[doc.attackId[i] * 2 + idNear]);
      },
      tag(_, i, previous, out) {
        add(out, tagRows[previous]);
        add(out, wordRowsAt(i), 4 * N + previous * N);
        add(out, tagRuleRows[previous * 3 + doc.ruleTechnique[i]]);
        add(out, tagVocabularyRows[previous * 2 + doc.vocabulary[i]]);
        add(out, tagLineRows[previous * 2 + doc.inRow[i]]);
      },
    };
  };
}
