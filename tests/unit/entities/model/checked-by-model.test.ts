/**
 * The `checked` way of joining the model to the rules: a threat actor only a cue proposed (in no list, made by
 * no vendor scheme) is the model's to decide; every other rule entity stays as in `union`.
 */
import { describe, expect, it } from 'vitest';
import { combineWithModel } from '@/lib/entities/model/combine';
import { isCueOnlyActor, KEEP_ACTOR_BELOW } from '@/lib/entities/model/checked-by-model';
import { modelFromWeights, type ModelSpan } from '@/lib/entities/model/entity-model';
import type { Entity } from '@/lib/entities/types';
import { calibratedAt, type Calibration } from '@/lib/entities/model/calibration';
import { classOf } from '@/lib/entities/model/tags';

const text = 'The Trickbot group used Trickbot. APT28 and Vortexa struck.';
const at = (name: string, from = 0) => {
  const start = text.indexOf(name, from);
  return { start, end: start + name.length, text: name };
};
const cued: Entity = {
  kind: 'threat-actor',
  name: 'Trickbot group',
  canonical: 'Trickbot group',
  aliases: [],
  mentions: [at('Trickbot group')],
  foundBy: { rules: { cue: 'actor' } },
};
const listed: Entity = {
  kind: 'threat-actor',
  name: 'APT28',
  canonical: 'Sofacy',
  aliases: ['APT28'],
  mentions: [at('APT28')],
  foundBy: { rules: { listed: true } },
};
const scheme: Entity = {
  kind: 'threat-actor',
  name: 'Vortexa',
  canonical: 'Vortexa',
  aliases: [],
  mentions: [at('Vortexa')],
  foundBy: { rules: { scheme: 'test scheme' } },
};
const names = (found: Entity[]) => found.map((e) => [e.kind, e.mentions.map((m) => m.text).join('|')]).sort();

describe('the model checking cue-only actors', () => {
  it('checks only an actor that a cue alone proposed', () => {
    expect(isCueOnlyActor(cued)).toBe(true);
    expect(isCueOnlyActor(listed)).toBe(false);
    expect(isCueOnlyActor(scheme)).toBe(false);
    expect(isCueOnlyActor({ ...cued, kind: 'malware' })).toBe(false);
  });

  it('leaves alone a name that ends in a capitalised group noun: it says itself what it is', () => {
    const named = (name: string) => ({ ...cued, name, canonical: name });
    expect(isCueOnlyActor(named('Cobalt Group'))).toBe(false);
    expect(isCueOnlyActor(named('Karakurt Team'))).toBe(false);
    expect(isCueOnlyActor(named('Trickbot'))).toBe(true);
    expect(isCueOnlyActor(named('Trickbot gang'))).toBe(true);
  });

  it('leaves alone a name in dotted initials ("the M.O.D. crew"): the model learned that spelling from "U.S."', () => {
    const named = (name: string) => ({ ...cued, name, canonical: name });
    expect(isCueOnlyActor(named('M.O.D.'))).toBe(false);
    expect(isCueOnlyActor(named('T.A.G'))).toBe(false);
    expect(isCueOnlyActor(named('MOD'))).toBe(true);
    expect(isCueOnlyActor(named('M.'))).toBe(true);
  });

  it('keeps the M.O.D. crew an actor in the shipped scanner', async () => {
    const { createEntityScanner } = await import('@/lib/entities/scan-entities');
    const { loadEntityData } = await import('@/lib/entities/shipped-data');
    const found = createEntityScanner(loadEntityData()).findEntities(
      'Researchers attribute the intrusions to the M.O.D. crew, active since 2019.',
    );
    expect(found.filter((e) => e.kind === 'threat-actor').map((e) => e.name)).toEqual(['M.O.D.']);
  });

  it('leaves alone a name a cue introduces as a group\'s own ("we dubbed the gang X", "the X APT")', () => {
    expect(isCueOnlyActor({ ...cued, foundBy: { rules: { cue: 'actor', introduced: true } } })).toBe(false);
  });

  it('carries the introducing cue from the text to the entity, and no other cue', async () => {
    const { createEntityScanner } = await import('@/lib/entities/scan-entities');
    const { loadEntityData } = await import('@/lib/entities/shipped-data');
    const rules = createEntityScanner({ ...loadEntityData(), model: undefined });
    const actor = (sentence: string, name: string) =>
      rules.findEntities(sentence).find((e) => e.kind === 'threat-actor' && e.name === name)?.foundBy?.rules;
    expect(actor('Researchers tracked the Vexa APT for months.', 'Vexa')).toMatchObject({ cue: 'actor', introduced: true });
    expect(actor('We dubbed the gang BlueHydra. BlueHydra sells access.', 'BlueHydra')).toMatchObject({ introduced: true });
    const plainCue = actor('Members of the Zorblat gang used it.', 'Zorblat');
    expect(plainCue).toMatchObject({ cue: 'actor' });
    expect(plainCue).not.toHaveProperty('introduced');
  });

  it('drops a cue-only actor the model does not keep, and keeps the listed and scheme actors it does not judge', () => {
    expect(names(combineWithModel(text, [cued, listed, scheme], [], 'checked', () => undefined))).toEqual([
      ['threat-actor', 'APT28'],
      ['threat-actor', 'Vortexa'],
    ]);
    // As a union the same cue-only actor stays.
    expect(names(combineWithModel(text, [cued, listed, scheme], [], 'union', () => undefined))).toHaveLength(3);
  });

  it("gives a cue-only actor the model's kind: the malware its group noun named", () => {
    const trickbot = at('Trickbot');
    const found = combineWithModel(
      text,
      [cued, listed],
      [{ kind: 'malware', start: trickbot.start, end: trickbot.end, confidence: 0.7 }],
      'checked',
      () => undefined,
    );
    expect(names(found)).toEqual([
      ['malware', 'Trickbot'],
      ['threat-actor', 'APT28'],
    ]);
  });

  it("keeps a cue-only actor the model also calls an actor, with the rules' reason and the model's confidence", () => {
    const span = at('Trickbot group');
    const [actor] = combineWithModel(
      text,
      [cued],
      [{ kind: 'threat-actor', start: span.start, end: span.end, confidence: 0.9 }],
      'checked',
      () => undefined,
    );
    expect(actor).toMatchObject({
      kind: 'threat-actor',
      name: 'Trickbot group',
      foundBy: { rules: { cue: 'actor' }, model: { confidence: 0.9, agreesWithRules: true } },
    });
  });

  it("never lets the model's span take a listed actor's place", () => {
    const span = at('APT28');
    const found = combineWithModel(
      text,
      [listed],
      [{ kind: 'malware', start: span.start, end: span.end, confidence: 0.9 }],
      'checked',
      () => undefined,
    );
    expect(names(found)).toEqual([['threat-actor', 'APT28']]);
  });
});

describe('how sure the model must be to recast a cue-only actor', () => {
  const sentence = 'The Trickbot group struck again.';
  const span = { start: 4, end: 12 };
  const trickbot: Entity = {
    kind: 'threat-actor',
    name: 'Trickbot',
    canonical: 'Trickbot',
    aliases: [],
    mentions: [{ ...span, text: 'Trickbot' }],
    foundBy: { rules: { cue: 'actor' } },
  };
  // One feature, the bias, whose weights (none, actor, malware, tool) make every candidate malware.
  const modelSaying = (malware: number, calibration?: Calibration) =>
    modelFromWeights(['bias'], [0, 0, malware, 0], () => [], 'checked', Infinity, { calibration });
  const at = (spans: ModelSpan[]) => spans.find((s) => s.start === span.start && s.end === span.end);

  it(`keeps the rules' actor where the model is less than ${KEEP_ACTOR_BELOW * 100}% sure of its other reading`, () => {
    // softmax: e^0.5 / (3 + e^0.5) ≈ 0.35.
    expect(at(modelSaying(0.5).findSpans(sentence, [trickbot]))).toMatchObject({ kind: 'threat-actor' });
  });
  it('recasts it where the model is sure', () => {
    // e^6 / (3 + e^6) ≈ 0.99.
    expect(at(modelSaying(6).findSpans(sentence, [trickbot]))).toMatchObject({ kind: 'malware' });
  });
  it('never drops it for `none`: a name the text calls a group stays one, however sure the model is that it is nothing', () => {
    // The model learned from AnnoCTR that "gang" after a new name means no actor ("the Quillfeather gang").
    const calibration: Calibration = { method: 'platt', slope: 0.1, offset: 1.2 };
    const sayingNone = (gate: number) => modelFromWeights(['bias'], [6, 0, 0, 0], () => [], 'checked', gate, { calibration });
    // Whether it is sure at the name alone (past the gate, 1) or only with the words around it (no gate).
    for (const gate of [1, Infinity]) {
      const kept = at(sayingNone(gate).findSpans(sentence, [trickbot]));
      expect(kept).toMatchObject({ kind: 'threat-actor', doubted: true });
      // Every feature summed, though `none` was sure to win before the cue phrases were read.
      expect(kept!.confidence).toBe(calibratedAt(calibration, [6, 0, 0, 0], classOf('threat-actor')));
    }
    // A name the rules did not propose is still not judged past the gate, nor kept as nothing.
    expect(sayingNone(1).findSpans(sentence, [])).toEqual([]);
    expect(sayingNone(Infinity).findSpans(sentence, [])).toEqual([]);
  });
  it('says that the model doubts the actor it keeps, with its calibrated confidence', () => {
    const calibration: Calibration = { method: 'platt', slope: 0.1, offset: 1.2 };
    const kept = at(modelSaying(0.5, calibration).findSpans(sentence, [trickbot]))!;
    expect(kept).toMatchObject({ kind: 'threat-actor', doubted: true });
    expect(kept.confidence).toBe(calibratedAt(calibration, [0, 0, 0.5, 0], classOf('threat-actor')));
    const [actor] = combineWithModel(sentence, [trickbot], [kept], 'checked', () => undefined);
    expect(actor.foundBy).toEqual({ rules: { cue: 'actor' }, model: { confidence: kept.confidence, agreesWithRules: true, doubts: true } });
  });
  it('decides the same under any calibration: the threshold is read on the plain softmax, as it was chosen', () => {
    for (const calibration of [
      { method: 'temperature', temperature: 20 },
      { method: 'platt', slope: 0.05, offset: 3 },
      { method: 'platt', slope: 3, offset: -3 },
    ] as Calibration[])
      for (const malware of [0.5, 2, 4, 6]) {
        const kinds = (spans: ModelSpan[]) => spans.map(({ kind, start, end }) => ({ kind, start, end }));
        expect(kinds(modelSaying(malware, calibration).findSpans(sentence, [trickbot]))).toEqual(
          kinds(modelSaying(malware).findSpans(sentence, [trickbot])),
        );
      }
  });
  it("judges a checked actor's reading, not its bounds: a listed name inside it does not take its place", () => {
    const quoted = 'The threat actor known as “Fancy Lazarus” is back.';
    const whole = { start: quoted.indexOf('Fancy'), end: quoted.indexOf('”') };
    const fancy: Entity = {
      kind: 'threat-actor',
      name: 'Fancy Lazarus',
      canonical: 'Fancy Lazarus',
      aliases: [],
      mentions: [{ ...whole, text: 'Fancy Lazarus' }],
      foundBy: { rules: { cue: 'actor' } },
    };
    // The model leans to `none` for a new name and to an actor for a listed one ("Lazarus").
    const model = modelFromWeights(
      ['bias', 'dict=actor'],
      [2, 0, 0, 0, 0, 5, 0, 0],
      (s) => (s === 'Lazarus' ? ['actor'] : []),
      'checked',
      Infinity,
    );
    const spans = model.findSpans(quoted, [fancy]);
    expect(spans.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual([{ kind: 'threat-actor', ...whole }]);
    expect(spans[0].doubted).toBe(true);
  });
  it('never keeps a name the rules did not call an actor that way', () => {
    expect(
      modelSaying(0.5)
        .findSpans(sentence, [])
        .every((s) => s.kind === 'malware'),
    ).toBe(true);
  });
});
