import { describe, expect, it } from 'vitest';
import { taggerDocument } from '@/lib/entities/model/techniques/technique-features';
import { decodeGreedy, spansOfTags, techniqueTagger } from '@/lib/entities/model/techniques/technique-tagger';
import { tokenScorer } from '@/lib/entities/model/techniques/token-scorer';
import { cachedTokenScorer } from '@/lib/entities/model/techniques/cached-scorer';
import { viterbiLine, type LocalScores } from '@/lib/entities/model/techniques/viterbi';
import { B, I, O, START } from '@/lib/entities/model/techniques/technique-tags';
import { trainTechniqueTagger, type TaggerSettings } from '@/lib/entities/model/techniques/technique-training';
import { techniqueVocabulary } from '@/lib/entities/model/techniques/technique-vocabulary';
import type { LabelledReport } from '@/lib/entities/model/training';
import type { Entity } from '@/lib/entities/types';
import { attackTechniques } from '../../shared-data';

const vocabulary = techniqueVocabulary(attackTechniques());

/** Scores from a table: token i's own scores, and a bonus for a tag given the one before. */
function tableScores(own: number[][], follow: (previous: number, tag: number) => number = () => 0): LocalScores {
  return {
    token: (i, out) => own[i].forEach((s, c) => (out[c] += s)),
    tag: (_, previous, out) => out.forEach((_, c) => (out[c] += follow(previous, c))),
  };
}

describe('decoding a line', () => {
  it('finds the best sequence, not the best tag at each token (Viterbi)', () => {
    // Alone, token 1 would be I after an O; the best path makes token 0 a B to allow it.
    const local = tableScores([
      [1, 0.9, 0],
      [0, 0, 5],
    ]);
    const tags = new Uint8Array(2);
    viterbiLine(0, 2, local, tags);
    expect(Array.from(tags)).toEqual([B, I]);
  });

  it('never puts an I after an O or at the start of a line', () => {
    const tags = new Uint8Array(3);
    viterbiLine(
      0,
      3,
      tableScores([
        [0, 0, 9],
        [5, 0, 0],
        [0, 0, 9],
      ]),
      tags,
    );
    expect(tags[0]).not.toBe(I);
    expect(tags[2] === I ? tags[1] !== O : true).toBe(true);
  });

  it('greedy: each token by its own scores and the tag before; an I after an O starts a mention', () => {
    const tags = new Uint8Array(3);
    decodeGreedy(
      0,
      3,
      tableScores([
        [5, 0, 0],
        [0, 0, 3],
        [0, 0, 4],
      ]),
      tags,
    );
    expect(Array.from(tags)).toEqual([O, B, I]);
  });

  it('gives each decision its probability as confidence (alone on its line: the softmax of its scores)', () => {
    const tags = new Uint8Array(1);
    const confidence = new Float64Array(1);
    viterbiLine(0, 1, tableScores([[0, Math.log(3), -Infinity]]), tags, confidence);
    expect(tags[0]).toBe(B);
    expect(confidence[0]).toBeCloseTo(0.75, 6);
  });

  it('makes mentions of a B and the Is after it, the least sure token their confidence', () => {
    const doc = taggerDocument('use spear phishing now', [], vocabulary);
    const spans = spansOfTags(doc, Uint8Array.from([O, B, I, O]), Float64Array.from([1, 0.9, 0.7, 1]));
    expect(spans).toEqual([{ start: 4, end: 18, confidence: 0.7 }]);
  });
});

/** Small reports where the phrase after "attackers used" is the technique, whatever it is. */
function reports(): LabelledReport[] {
  const phrases = ['password spraying', 'token theft', 'log wiping', 'port knocking', 'tunnel building', 'data staging'];
  return phrases.map((phrase, i) => {
    const text = `Report ${i}.\nThe attackers used ${phrase} against the bank.\n| T1003 | OS Credential Dumping |\nNothing else happened.`;
    const start = text.indexOf(phrase);
    return { id: `r${i}`, text, mentions: [{ start, end: start + phrase.length, type: 'TECHNIQUE' }] };
  });
}
const noRules = (): Entity[] => [];
const SETTINGS: TaggerSettings = { epochs: 10, seed: 7, minCount: 1, decoder: 'viterbi', lines: 'free' };

describe('training the tagger', () => {
  it('is deterministic: the same data and seed give the same weights', () => {
    const a = trainTechniqueTagger(reports(), noRules, vocabulary, SETTINGS);
    const b = trainTechniqueTagger(reports(), noRules, vocabulary, SETTINGS);
    expect(a.names).toEqual(b.names);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.weights.some((w) => w !== 0)).toBe(true);
  });

  const unseen = 'Intro.\nThe attackers used beacon hiding against the bank.\nNothing else happened.';
  const found = (decoder: 'viterbi' | 'greedy') => {
    const trained = trainTechniqueTagger(reports(), noRules, vocabulary, { ...SETTINGS, decoder, epochs: 30 });
    return techniqueTagger(trained, vocabulary, { decoder, lines: 'free' }).findSpans(unseen, []).spans;
  };

  it('learns the phrasing, and finds a phrase it never saw (Viterbi)', () => {
    const spans = found('viterbi');
    expect(spans.map((s) => unseen.slice(s.start, s.end))).toEqual(['beacon hiding']);
    expect(spans[0].confidence).toBeGreaterThan(0.5);
  });

  it('greedy: decides each token before seeing what the next one is, so misses where an unseen phrase starts', () => {
    expect(found('greedy').map((s) => unseen.slice(s.start, s.end))).toEqual(['hiding']);
  });

  it("leaves table lines to the rules with lines: 'free', and says where they are", () => {
    const tagger = techniqueTagger(trainTechniqueTagger(reports(), noRules, vocabulary, SETTINGS), vocabulary, SETTINGS);
    const text = '| T1003 | The attackers used beacon hiding against the bank. |';
    const found = tagger.findSpans(text, []);
    expect(found.spans).toEqual([]);
    expect(found.tableLines).toEqual([{ start: 0, end: text.length }]);
  });

  it('leaves out features seen fewer times than minCount', () => {
    const all = trainTechniqueTagger(reports(), noRules, vocabulary, SETTINGS);
    const pruned = trainTechniqueTagger(reports(), noRules, vocabulary, { ...SETTINGS, minCount: 3 });
    const nonZero = (t: typeof all) => t.names.filter((_, f) => [0, 1, 2].some((c) => t.weights[f * 3 + c] !== 0)).length;
    expect(nonZero(pruned)).toBeLessThan(nonZero(all));
    const once = pruned.names.indexOf('w=spraying');
    expect([0, 1, 2].map((c) => pruned.weights[once * 3 + c])).toEqual([0, 0, 0]);
  });
});

describe('the cached scorer', () => {
  it('gives the scores the feature strings give, at every token and tag before it', () => {
    const trained = trainTechniqueTagger(reports(), noRules, vocabulary, { ...SETTINGS, lines: 'all' });
    const text = `${reports()[0].text}\nThe group used credential dumping (T1003) and | rows |\n${'QUJD'.repeat(20)} end`;
    const rules: Entity[] = [
      {
        kind: 'technique',
        name: 'x',
        canonical: 'x',
        aliases: [],
        mentions: [{ start: text.indexOf('credential'), end: text.indexOf(' (T1003'), text: 'x' }],
      },
      {
        kind: 'malware',
        name: 'y',
        canonical: 'y',
        aliases: [],
        mentions: [{ start: text.indexOf('bank'), end: text.indexOf('bank') + 4, text: 'bank' }],
      },
    ];
    const doc = taggerDocument(text, rules, vocabulary);
    const reference = tokenScorer(trained);
    const cached = cachedTokenScorer(trained)(doc);
    for (let i = 0; i < doc.tokens.count; i++) {
      const a = new Float64Array(3);
      const b = new Float64Array(3);
      reference.token(doc, i, a);
      cached.token(doc, i, b);
      for (let c = 0; c < 3; c++) expect(b[c]).toBeCloseTo(a[c], 9);
      for (const previous of [O, B, I, START]) {
        a.fill(0);
        b.fill(0);
        reference.tag(doc, i, previous, a);
        cached.tag(doc, i, previous, b);
        for (let c = 0; c < 3; c++) expect(b[c]).toBeCloseTo(a[c], 9);
      }
    }
  });
});
