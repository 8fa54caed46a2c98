/**
 * The scanner read from a compiled index finds exactly what the scanner built from the records finds:
 * on the sample article and the 20 real pages, on AnnoCTR's train and dev reports (never its test
 * split), and with the user's own actors merged in (random actors, fast-check). Also: the index file's
 * round trip and its refusals.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { compileEntityIndex } from '@/lib/entities/compiled/compile-entity-index';
import { decodeIndex, encodeIndex } from '@/lib/entities/compiled/index-file';
import { readEntityIndex, scannerFromIndex, type IndexJson } from '@/lib/entities/compiled/load-entity-index';
import { readCalibration } from '@/lib/entities/model/calibration';
import type { EntityModelFile } from '@/lib/entities/model/entity-model';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { withUserActors, type UserActor } from '@/lib/entities/user-actors';
import { FIXTURES_DIR } from '../../../../harness/paths';
import { readSplit } from '../../../../scripts/entities-eval/annoctr';
import { fixtureDocument } from '../../../support/load-html';

const data = loadEntityData();
const bytes = compileEntityIndex(data);
const index = readEntityIndex(bytes);
const compiled = scannerFromIndex(index, data);
const built = createEntityScanner(data);

const pages = [
  'storm-1152.html',
  ...readdirSync(path.join(FIXTURES_DIR, 'real-pages'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `real-pages/${f}`),
];

/** Each text's entities from both scanners, as JSON (what the popup, the CLI and the exports read). */
function expectSameEntities(texts: readonly string[]): void {
  for (const text of texts) expect(JSON.stringify(compiled.findEntities(text))).toBe(JSON.stringify(built.findEntities(text)));
}

describe('the scanner read from a compiled index', () => {
  it('finds what the built scanner finds on the sample article and the real pages', () => {
    const texts = pages.map((page) => extractArticle(fixtureDocument(page)).textContent);
    expect(texts).toHaveLength(21);
    expect(compiled.findEntities(texts[0]).length).toBeGreaterThan(5);
    expectSameEntities(texts);
  }, 180_000); // jsdom and Readability on 21 pages, on a loaded machine

  it.each(['train', 'dev'])('finds what the built scanner finds on AnnoCTR %s', (split) => {
    const texts = readSplit(split).map((report) => report.text);
    expect(texts.length).toBeGreaterThan(10);
    expectSameEntities(texts);
  });

  it('runs its steps as the built scanner does', () => {
    const text = extractArticle(fixtureDocument('storm-1152.html')).textContent;
    const steps = compiled.scanSteps(text);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    const builtSteps = built.scanSteps(text);
    let builtCount = 0;
    for (let s = builtSteps.next(); !s.done; s = builtSteps.next()) builtCount++;
    expect(count).toBe(builtCount);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(built.findEntities(text)));
  });

  it("with the user's own actors, finds what a scanner built with them merged in finds", () => {
    // Names of every sort: new ones, shipped aliases given to another actor, capitals-only words, names
    // that are also software, and extra names for shipped actors.
    const name = fc.oneof(
      fc.constantFrom(
        'Octo Tempest',
        'Storm-1152',
        'Cobalt Strike',
        'ZEBRAWOOD',
        'Lazarus',
        'APT28',
        'Mimikatz',
        'Fancy Bear',
        'Winnti',
        'Blue Heron',
      ),
      fc.string({ unit: fc.constantFrom('a', 'e', 'K', 'Z', 'r', ' ', '-', '7'), minLength: 2, maxLength: 9 }),
    );
    const actor = fc.record({ canonical: name, aliases: fc.array(name, { maxLength: 3 }) });
    const report = readSplit('dev')[0].text.slice(0, 4000);
    fc.assert(
      fc.property(fc.array(actor, { minLength: 1, maxLength: 4 }), (own: UserActor[]) => {
        const text = `${report} ${own.flatMap((a) => [a.canonical, ...a.aliases]).join(' and ')} were seen.`;
        const expected = createEntityScanner({ ...data, actors: withUserActors(data.actors, own) }).findEntities(text);
        expect(JSON.stringify(scannerFromIndex(index, data, own).findEntities(text))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("the model's calibration in the index", () => {
  const file = data.model as EntityModelFile;
  const modelFound = (scanner: ReturnType<typeof createEntityScanner>) =>
    readSplit('dev')
      .slice(0, 6)
      .flatMap((report) => scanner.findEntities(report.text))
      .filter((e) => e.foundBy?.model)
      .map((e) => [e.name, e.foundBy!.model!.confidence]);

  it("carries the model file's calibration, so both scanners say the same confidence", () => {
    expect(file.calibration).toBeDefined();
    expect(index.json.model?.calibration).toEqual(readCalibration(file.calibration));
    expect(modelFound(compiled).length).toBeGreaterThan(0);
    expect(modelFound(compiled)).toEqual(modelFound(built));
  });

  it('reads an index from before calibration as the plain softmax, as a model file without one', () => {
    const { json, arrays } = decodeIndex(bytes);
    const old = json as IndexJson;
    const { calibration: _, ...modelWithout } = old.model!;
    const { calibration: __, ...fileWithout } = file;
    const oldIndex = readEntityIndex(encodeIndex({ ...old, model: modelWithout }, arrays));
    const oldData = { ...data, model: fileWithout };
    expect(modelFound(scannerFromIndex(oldIndex, oldData))).toEqual(modelFound(createEntityScanner(oldData)));
    expect(modelFound(scannerFromIndex(oldIndex, oldData))).not.toEqual(modelFound(built));
  });
});

describe('the index file', () => {
  it('reads back its JSON and arrays, as views at aligned offsets', () => {
    const arrays = { a: Int32Array.of(1, -2, 3), b: Uint16Array.of(7), c: Float32Array.of(0.5, -1.25), d: Uint8Array.of(1, 2, 3, 4, 5) };
    const decoded = decodeIndex(encodeIndex({ hello: ['world'] }, arrays));
    expect(decoded.json).toEqual({ hello: ['world'] });
    expect(decoded.arrays).toEqual(arrays);
    for (const array of Object.values(decoded.arrays)) expect(array.byteOffset % 8).toBe(0);
  });

  it('is the same bytes for the same data (the build is reproducible)', () => {
    expect(Buffer.from(compileEntityIndex(loadEntityData())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses what is not an index with a plain reason', () => {
    expect(() => decodeIndex(new Uint8Array(4))).toThrow('entity index: the file is too short');
    expect(() => decodeIndex(new TextEncoder().encode('<html>not found</html>'))).toThrow('entity index: not an entity index file');
    const other = bytes.slice();
    other[4] = 99;
    expect(() => decodeIndex(other)).toThrow('entity index: format 99, this code reads format 1');
    expect(() => decodeIndex(bytes.slice(0, bytes.length - 100))).toThrow(/entity index: array .* is cut short/);
  });
});
