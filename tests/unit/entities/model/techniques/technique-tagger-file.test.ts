import { describe, expect, it } from 'vitest';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { compileEntityIndex } from '@/lib/entities/compiled/compile-entity-index';
import { readEntityIndex, scannerFromIndex } from '@/lib/entities/compiled/load-entity-index';
import type { EntityModelFile } from '@/lib/entities/model/entity-model';
import { loadTechniqueTagger, techniqueTaggerFile } from '@/lib/entities/model/techniques/technique-tagger-file';
import { techniqueTagger } from '@/lib/entities/model/techniques/technique-tagger';
import { trainTechniqueTagger, DEFAULT_TAGGER_SETTINGS } from '@/lib/entities/model/techniques/technique-training';
import { techniqueVocabulary } from '@/lib/entities/model/techniques/technique-vocabulary';
import type { LabelledReport } from '@/lib/entities/model/training';
import { attackTechniques } from '../../shared-data';

const vocabulary = techniqueVocabulary(attackTechniques());
const data = loadEntityData();
const shipped = (data.model as EntityModelFile).techniques!;

const REPORT = [
  'The operators used spear phishing emails with malicious attachments to gain initial access.',
  'They then performed credential dumping and moved laterally with stolen passwords.',
  '| T1003 | OS Credential Dumping |',
  'Finally, the ransomware encrypted the file servers.',
].join('\n');

describe('the shipped technique tagger (data/entity-model.json)', () => {
  it('is in a known format, trained with the settings the training uses, its combination chosen by cross-validation', () => {
    expect(shipped.tags).toEqual(['O', 'B', 'I']);
    expect(['rules', 'tagger', 'union', 'tagger-first', 'free-lines']).toContain(shipped.combine);
    expect(shipped.weights).toHaveLength(shipped.features.length * 3);
    expect(shipped.decoder).toBe(DEFAULT_TAGGER_SETTINGS.decoder);
  });

  it('loads and finds technique mentions in a report it was not trained on, given what the rules found', () => {
    const tagger = loadTechniqueTagger(shipped, vocabulary);
    const { spans, tableLines } = tagger.findSpans(REPORT, createEntityScanner({ ...data, model: undefined }).findEntities(REPORT));
    expect(tableLines).toEqual([{ start: REPORT.indexOf('| T1003'), end: REPORT.indexOf('Dumping |') + 'Dumping |'.length }]);
    if (shipped.combine === 'rules') return;
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span.confidence).toBeGreaterThan(0);
  });

  it('is the scanner’s: built from the records and from the compiled index alike, its mentions say the model found them', () => {
    const built = createEntityScanner(data).findEntities(REPORT);
    const compiled = scannerFromIndex(readEntityIndex(compileEntityIndex(data)), data).findEntities(REPORT);
    expect(compiled).toEqual(built);
    const techniques = built.filter((e) => e.kind === 'technique');
    expect(techniques.some((e) => e.mentions.some((m) => m.text.startsWith('T1003')))).toBe(true);
    if (shipped.combine !== 'rules') expect(techniques.some((e) => e.foundBy?.model)).toBe(true);
  });
});

describe("the tagger's file", () => {
  const reports: LabelledReport[] = ['token theft', 'log wiping', 'port knocking'].map((phrase, i) => {
    const text = `Report ${i}.\nThe attackers used ${phrase} against the bank.`;
    return { id: `r${i}`, text, mentions: [{ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, type: 'TECHNIQUE' }] };
  });
  const settings = { ...DEFAULT_TAGGER_SETTINGS, minCount: 1 };
  const trained = trainTechniqueTagger(reports, () => [], vocabulary, settings);

  it('reads back to the tagger that was trained (weights rounded to hundredths)', () => {
    const file = JSON.parse(JSON.stringify(techniqueTaggerFile(trained, settings, 'free-lines')));
    const text = 'Intro.\nThe attackers used log wiping against the bank.';
    const fromFile = loadTechniqueTagger(file, vocabulary).findSpans(text, []).spans;
    const inMemory = techniqueTagger(trained, vocabulary, settings).findSpans(text, []).spans;
    expect(fromFile.map((s) => [s.start, s.end])).toEqual(inMemory.map((s) => [s.start, s.end]));
    expect(fromFile.map((s) => text.slice(s.start, s.end))).toEqual(['log wiping']);
  });

  it('refuses a file of another shape with a plain reason', () => {
    const file = techniqueTaggerFile(trained, settings, 'free-lines');
    expect(() => loadTechniqueTagger({ ...file, tags: ['O', 'X', 'Y'] }, vocabulary)).toThrow(/technique tagger: unknown format/);
    expect(() => loadTechniqueTagger({ ...file, weights: file.weights.slice(1) }, vocabulary)).toThrow(/unknown format/);
  });
});
