import { describe, expect, it } from 'vitest';
import { loadEntityModel, modelFromWeights, modelWeights } from '@/lib/entities/model/entity-model';
import { calibratedAt, softmaxAt } from '@/lib/entities/model/calibration';
import { classOf } from '@/lib/entities/model/tags';
import { combineWithModel } from '@/lib/entities/model/combine';
import { modelFile, trainEntityModel, type LabelledReport } from '@/lib/entities/model/training';
import type { Entity } from '@/lib/entities/types';

/** Small labelled reports in which a gang is named by phrasings no rule knows. */
function reports(): LabelledReport[] {
  const names = ['Karakurt', 'Vortexa', 'Quillon', 'Marvex', 'Tessaro', 'Brontex', 'Calvora', 'Drenix'];
  return names.map((name, i) => {
    const text = `Researchers observed the crew called ${name} in March. Later ${name} APT hit a Bank. The Company said nothing.`;
    const first = text.indexOf(name);
    const second = text.indexOf(name, first + 1);
    return {
      id: `r${i}`,
      text,
      mentions: [
        { start: first, end: first + name.length, type: 'GROUP' },
        { start: second, end: second + name.length, type: 'GROUP' },
      ],
    };
  });
}

const noRules = () => [] as Entity[];
const noFacts = () => [] as string[];

describe('the entity model', () => {
  it('trains deterministically: the same data and seed give the same file', () => {
    const a = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 5, seed: 7 }), 'union', 'test');
    const b = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 5, seed: 7 }), 'union', 'test');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.features.length).toBeGreaterThan(0);
  });

  it('learns the phrasing, not the names: finds a gang name it never saw, and not the ordinary capitalised words', () => {
    const file = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 10, seed: 7 }), 'union', 'test');
    const model = loadEntityModel(JSON.parse(JSON.stringify(file)), noFacts);
    const text = 'Researchers observed the crew called Zelvani in March. Later Zelvani APT hit a Bank. The Company said nothing.';
    const spans = model.findSpans(text, []);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.kind])).toEqual([
      ['Zelvani', 'threat-actor'],
      ['Zelvani', 'threat-actor'],
    ]);
    for (const span of spans) expect(span.confidence).toBeGreaterThan(0.5);
  });

  it("loads a file from before calibration as it did: the confidence is the plain softmax of the model's scores", () => {
    const file = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 10, seed: 7 }), 'union', 'test');
    expect(file).not.toHaveProperty('calibration');
    const text = 'Researchers observed the crew called Zelvani in March. Later Zelvani APT hit a Bank.';
    const spans = loadEntityModel(file, noFacts).findSpans(text, []);
    const scored = modelFromWeights(file.features, modelWeights(file), noFacts, 'union', file.gate, { keepScores: true }).findSpans(
      text,
      [],
    );
    expect(spans.length).toBeGreaterThan(0);
    spans.forEach((span, i) => expect(span.confidence).toBe(softmaxAt(scored[i].scores!, classOf(span.kind))));
    expect(
      loadEntityModel({ ...file, calibration: { method: 'temperature', temperature: 1, fittedOn: 'test' } }, noFacts).findSpans(text, []),
    ).toEqual(spans);
  });

  it('a calibrated file keeps every decision and says the calibrated confidence', () => {
    const file = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 10, seed: 7 }), 'union', 'test');
    const calibration = { method: 'platt' as const, slope: 0.1, offset: 1.2 };
    const text = 'Researchers observed the crew called Zelvani in March. Later Zelvani APT hit a Bank.';
    const plain = loadEntityModel(file, noFacts).findSpans(text, []);
    const calibrated = loadEntityModel({ ...file, calibration: { ...calibration, fittedOn: 'test' } }, noFacts).findSpans(text, []);
    const scored = modelFromWeights(file.features, modelWeights(file), noFacts, 'union', file.gate, { keepScores: true }).findSpans(
      text,
      [],
    );
    expect(calibrated.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual(
      plain.map(({ kind, start, end }) => ({ kind, start, end })),
    );
    calibrated.forEach((span, i) => {
      expect(span.confidence).toBe(calibratedAt(calibration, scored[i].scores!, classOf(span.kind)));
      expect(span.confidence).toBeLessThan(plain[i].confidence);
    });
  });

  it('refuses a file whose calibration is not one, saying why', () => {
    const file = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 1, seed: 7 }), 'union', 'test');
    expect(() => loadEntityModel({ ...file, calibration: { method: 'temperature', temperature: -2, fittedOn: 'test' } }, noFacts)).toThrow(
      /calibration must be a positive temperature/,
    );
  });

  it('refuses a file of another format', () => {
    const file = modelFile(trainEntityModel(reports(), noRules, noFacts, { epochs: 1, seed: 7 }), 'union', 'test');
    expect(() => loadEntityModel({ ...file, format: 'other' as never }, noFacts)).toThrow(/unknown format/);
  });
});

describe('combining the model with the rules', () => {
  const text = 'APT28 and Zelvani met.';
  const rule: Entity = {
    kind: 'threat-actor',
    name: 'APT28',
    canonical: 'Sofacy',
    aliases: ['APT28'],
    mentions: [{ start: 0, end: 5, text: 'APT28' }],
  };
  const spans = [
    { kind: 'threat-actor' as const, start: 0, end: 5, confidence: 0.9 },
    { kind: 'threat-actor' as const, start: 10, end: 17, confidence: 0.8 },
  ];

  it("as a union keeps the rules' entities and adds the model's names where the rules found nothing", () => {
    const found = combineWithModel(text, [rule], spans, 'union', () => undefined);
    expect(found.map((e) => [e.name, e.canonical, e.foundBy?.model?.confidence])).toEqual([
      ['APT28', 'Sofacy', undefined],
      ['Zelvani', 'Zelvani', 0.8],
    ]);
  });

  it('resolves a name the model found through the dictionaries', () => {
    const found = combineWithModel(text, [], spans.slice(1), 'union', () => ({ canonical: 'Known Gang', aliases: ['Zelvani'] }));
    expect(found[0]).toMatchObject({ name: 'Zelvani', canonical: 'Known Gang', aliases: ['Zelvani'] });
  });

  it('in model mode lets the model decide, keeping what the rules knew of the same name', () => {
    const found = combineWithModel(text, [rule], spans, 'model', () => undefined);
    expect(found.map((e) => [e.name, e.canonical, e.foundBy?.model?.agreesWithRules])).toEqual([
      ['APT28', 'Sofacy', true],
      ['Zelvani', 'Zelvani', false],
    ]);
  });
});
