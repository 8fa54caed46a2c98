import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '@/lib/anchoring/types';
import {
  annotationsForPage,
  createAnnotation,
  deleteAnnotation,
  pageHasAnnotations,
  restoreAnnotation,
  retargetAnnotation,
  updateAnnotation,
} from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';

const PAGE = 'https://news.example/storm-1152';
const target = (exact: string, start = 0): AnnotationTarget => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
});

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('annotation store', () => {
  it('creates a highlight with its page and tags', async () => {
    const record = await createAnnotation(
      db,
      { pageUrl: PAGE, target: target('Storm-1152'), note: 'n', tags: ['APT', 'apt', 'fraud'] },
      { title: 'T', siteName: 'S' },
      1000,
    );
    expect(record).toMatchObject({ pageUrl: PAGE, color: 'yellow', note: 'n', tags: ['APT', 'fraud'], createdAt: 1000 });
    expect(await db.pages.get(PAGE)).toEqual({ url: PAGE, title: 'T', siteName: 'S', createdAt: 1000, updatedAt: 1000, actors: [] });
    expect((await db.tags.toArray()).map((tag) => tag.key).sort()).toEqual(['apt', 'fraud']);
    expect(await pageHasAnnotations(db, PAGE)).toBe(true);
    expect(await pageHasAnnotations(db, `${PAGE}/other`)).toBe(false);
  });

  it('refuses colours it does not know, falling back to yellow', async () => {
    const record = await createAnnotation(db, { pageUrl: PAGE, target: target('x'), color: 'red' as never }, null);
    expect(record.color).toBe('yellow');
  });

  it('updates note, tags and colour, and leaves the rest alone', async () => {
    const created = await createAnnotation(db, { pageUrl: PAGE, target: target('a') }, null, 1000);
    const updated = await updateAnnotation(db, created.id, { note: 'why it matters', color: 'blue', tags: ['#ioc'] }, 2000);
    expect(updated).toMatchObject({
      id: created.id,
      note: 'why it matters',
      color: 'blue',
      tags: ['ioc'],
      createdAt: 1000,
      updatedAt: 2000,
    });
    expect(updated?.target).toEqual(created.target);
    expect(await updateAnnotation(db, 'missing', { note: 'x' })).toBeNull();
  });

  it('keeps both fields when a note and a tags update are in flight together', async () => {
    // Each update patches only the fields it names, reading the record inside its own transaction, so the
    // later one never writes back a copy of the record from before the earlier one.
    const created = await createAnnotation(db, { pageUrl: PAGE, target: target('a') }, null, 1000);
    await Promise.all([
      updateAnnotation(db, created.id, { note: 'The headline number.' }, 2000),
      updateAnnotation(db, created.id, { tags: ['fraud', 'Storm-1152'] }, 2001),
      retargetAnnotation(db, created.id, target('a', 5), 2002),
    ]);
    expect(await db.annotations.get(created.id)).toMatchObject({ note: 'The headline number.', tags: ['fraud', 'Storm-1152'] });
  });

  it('deletes and restores a highlight exactly', async () => {
    const created = await createAnnotation(db, { pageUrl: PAGE, target: target('a'), tags: ['t'] }, null);
    const deleted = await deleteAnnotation(db, created.id);
    expect(deleted).toEqual(created);
    expect(await annotationsForPage(db, PAGE)).toEqual([]);
    await restoreAnnotation(db, deleted!);
    expect(await annotationsForPage(db, PAGE)).toEqual([created]);
    expect(await deleteAnnotation(db, 'missing')).toBeNull();
  });

  it('re-targets an orphan to a new selection', async () => {
    const created = await createAnnotation(db, { pageUrl: PAGE, target: target('old text') }, null, 1);
    const moved = await retargetAnnotation(db, created.id, target('new text', 40), 2);
    expect(moved?.target.quote.exact).toBe('new text');
    expect(moved?.updatedAt).toBe(2);
  });

  it('lists a page’s highlights oldest first and only that page’s', async () => {
    const second = await createAnnotation(db, { pageUrl: PAGE, target: target('b') }, null, 2);
    const first = await createAnnotation(db, { pageUrl: PAGE, target: target('a') }, null, 1);
    await createAnnotation(db, { pageUrl: 'https://elsewhere.example/', target: target('c') }, null, 3);
    expect((await annotationsForPage(db, PAGE)).map((record) => record.id)).toEqual([first.id, second.id]);
  });
});
