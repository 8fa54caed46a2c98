import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '@/lib/anchoring/types';
import { parseBackup } from '@/lib/backup/parse-backup';
import { backupJson } from '@/lib/backup/to-json-ld';
import { createAnnotation, retargetAnnotation } from '@/lib/storage/annotation-store';
import { readSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import { saveUserActor, tagEntity } from '@/lib/storage/entity-tag-store';
import { recordArticleDetails, recordPageActors } from '@/lib/storage/page-store';
import { RecordProblem } from '@/lib/storage/record-rules';

const PAGE = 'https://news.example/storm-1152';
const target = (exact = 'Storm-1152', element?: AnnotationTarget['element']): AnnotationTarget => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: 'p'.repeat(1_500), suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  ...(element && { element }),
});
const element = (path: string): AnnotationTarget['element'] => ({ type: 'gloss:ElementPathSelector', path, start: 0, end: 10 });

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** What the stores wrote, exported and read back: nothing is skipped. */
async function importable(): Promise<void> {
  const result = parseBackup(backupJson(await readSnapshot(db)));
  expect(result.ok && result.skipped).toEqual([]);
}

describe('the stores write only what a backup import accepts', () => {
  it('clamp the quote context and a title made from a long address', async () => {
    const url = `https://news.example/${'a'.repeat(3_000)}`;
    const record = await createAnnotation(db, { pageUrl: url, target: target() }, null, 1);
    expect(record.target.quote.prefix).toBe('p'.repeat(1_000));
    expect((await db.pages.get(url))?.title).toBe(url.slice(0, 500));
    await importable();
  });

  it('keep element paths with namespaced and custom tags, and drop a hint they could not write', async () => {
    const word = await createAnnotation(
      db,
      { pageUrl: PAGE, target: target('a', element('p:1/st1:place:1/o:p:2/x-my-widget:1')) },
      null,
      1,
    );
    expect(word.target.element?.path).toBe('p:1/st1:place:1/o:p:2/x-my-widget:1');
    for (const path of ['div:1/'.repeat(400).slice(0, -1), 'main/p', 'p:0']) {
      const record = await createAnnotation(db, { pageUrl: PAGE, target: target('b', element(path)) }, null, 2);
      expect(record.target.element).toBeUndefined();
      expect((await db.annotations.get(record.id))?.target).toStrictEqual({ ...target('b'), quote: record.target.quote });
    }
    const moved = await retargetAnnotation(db, word.id, target('c', element('../<script>')), 3);
    expect(moved?.target.element).toBeUndefined();
    await importable();
  });

  it('refuse, with a clear message and nothing written, what cannot be kept', async () => {
    const tooLong = `https://news.example/${'a'.repeat(8_200)}`;
    await expect(createAnnotation(db, { pageUrl: tooLong, target: target() }, null)).rejects.toThrow(
      new RecordProblem('This highlight: pageUrl is longer than 8,192 characters.'),
    );
    await expect(createAnnotation(db, { pageUrl: PAGE, target: target('x'.repeat(100_001)) }, null)).rejects.toThrow(
      'This highlight target: TextQuoteSelector exact is longer than 100,000 characters.',
    );
    await expect(createAnnotation(db, { pageUrl: 'javascript:alert(1)', target: target() }, null)).rejects.toThrow(RecordProblem);
    await expect(tagEntity(db, PAGE, { kind: 'threat-actor', name: ' ', canonical: ' \n ' }, 'confirmed', null)).rejects.toThrow(
      'This entity: canonical is empty.',
    );
    expect(await db.annotations.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.entityTags.count()).toBe(0);
  });

  it('keep at most 1,000 actors on a page, and clamp what an article says of itself', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target() }, { title: 'T', siteName: 'S' }, 1);
    const actors = Array.from({ length: 1_500 }, (_, i) => `actor ${String(i).padStart(4, '0')}`);
    await recordPageActors(db, PAGE, [...actors].reverse());
    expect((await db.pages.get(PAGE))?.actors).toEqual(actors.slice(0, 1_000));
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'Zeta', canonical: 'Zeta' }, 'confirmed', null, 2);
    expect((await db.pages.get(PAGE))?.actors).toHaveLength(1_000);
    await recordArticleDetails(db, PAGE, { title: 'A'.repeat(900), byline: 'B'.repeat(900), publishedTime: '2024'.repeat(100) });
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'A'.repeat(500), byline: 'B'.repeat(300), publishedTime: '2024'.repeat(25) });
    await importable();
  });

  it('keep names whose folded keys grow longer than the names (İ folds to two characters)', async () => {
    const name = 'İ'.repeat(200);
    const actor = await saveUserActor(db, { canonical: name, aliases: ['ẞ'.repeat(250), 'x'], extendsBuiltin: false }, 1);
    expect(actor.canonical).toHaveLength(200);
    expect(actor.aliases[0]).toHaveLength(200);
    expect(actor.id.length).toBeGreaterThan(200);
    const tag = await tagEntity(db, PAGE, { kind: 'threat-actor', name, canonical: name }, 'confirmed', null, 2);
    expect(tag.entityKey).toBe(`threat-actor:${actor.id}`);
    expect((await db.pages.get(PAGE))?.actors).toEqual([actor.id]);
    await importable();
    await expect(tagEntity(db, PAGE, { kind: 'malware', name: 'x', canonical: 'İ'.repeat(600) }, 'confirmed', null, 3)).rejects.toThrow(
      'This entity: entityKey is longer than 1,000 characters.',
    );
  });
});
