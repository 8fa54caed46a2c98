import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation, annotationsForPage } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import { annotationsForDocument, pageForDocument, pageUrlForDocument } from '@/lib/storage/document-store';
import { RecordProblem } from '@/lib/storage/record-rules';
import { pageFragmentSelector } from '@/lib/pdf/page-selector';
import type { AnnotationTarget } from '@/lib/anchoring/types';

const KEY = 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b';
const VENDOR = 'https://vendor.example/research/storm-1152.pdf';
const MIRROR = 'https://mirror.example/files/storm-1152.pdf';

const opened: GlossDatabase[] = [];
function database(): GlossDatabase {
  const db = new GlossDatabase(`documents-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function target(exact: string, start: number, page: number): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    page: pageFragmentSelector(page),
  };
}

const details = { title: 'Storm-1152 takedown', siteName: 'vendor.example' };

describe('PDFs in the store', () => {
  it('file the same PDF under one page, whichever address it was opened from', async () => {
    const db = database();
    const first = await createAnnotation(db, { pageUrl: VENDOR, documentKey: KEY, target: target('Storm-1152', 10, 1) }, details, 1);
    const second = await createAnnotation(db, { pageUrl: MIRROR, documentKey: KEY, target: target('Arkose Labs', 900, 2) }, details, 2);
    expect(first).toMatchObject({ pageUrl: VENDOR, documentKey: KEY });
    expect(second).toMatchObject({ pageUrl: VENDOR, documentKey: KEY });
    expect(second.target.page).toEqual(pageFragmentSelector(2));
    expect(await db.pages.toArray()).toEqual([expect.objectContaining({ url: VENDOR, documentKey: KEY, title: 'Storm-1152 takedown' })]);
    expect((await annotationsForDocument(db, MIRROR, KEY)).map((record) => record.id)).toEqual([first.id, second.id]);
    expect(await pageUrlForDocument(db, KEY, MIRROR)).toBe(VENDOR);
  });

  it('file a PDF read from a local file under its document key, and find it there from a web address later', async () => {
    const db = database();
    expect(await pageUrlForDocument(db, KEY, 'file:///home/me/storm.pdf')).toBe(KEY);
    expect(await pageUrlForDocument(db, KEY, null)).toBe(KEY);
    expect(await pageUrlForDocument(db, KEY, `${VENDOR}?utm_source=mail#page=3`)).toBe(VENDOR);
    const local = await createAnnotation(
      db,
      { pageUrl: KEY, documentKey: KEY, target: target('Storm-1152', 10, 1) },
      { title: 'storm.pdf', siteName: null },
      1,
    );
    expect(local.pageUrl).toBe(KEY);
    expect(await pageForDocument(db, KEY)).toMatchObject({ url: KEY, documentKey: KEY });
    const fromWeb = await createAnnotation(db, { pageUrl: VENDOR, documentKey: KEY, target: target('Arkose Labs', 900, 2) }, details, 2);
    expect(fromWeb.pageUrl).toBe(KEY);
    expect(await annotationsForDocument(db, VENDOR, KEY)).toHaveLength(2);
  });

  it('find highlights made before the page knew its key by address, each once', async () => {
    const db = database();
    const plain = await createAnnotation(db, { pageUrl: VENDOR, target: target('Storm-1152', 10, 1) }, details, 1);
    const keyed = await createAnnotation(db, { pageUrl: VENDOR, documentKey: KEY, target: target('Arkose Labs', 900, 2) }, details, 2);
    expect((await annotationsForDocument(db, VENDOR, KEY)).map((record) => record.id)).toEqual([plain.id, keyed.id]);
    expect(await annotationsForPage(db, VENDOR)).toHaveLength(2);
    expect((await db.pages.get(VENDOR))?.documentKey).toBe(KEY);
  });

  it('refuse a document key that is none, and write nothing', async () => {
    const db = database();
    await expect(
      createAnnotation(db, { pageUrl: VENDOR, documentKey: 'urn:x-pdf:nothex', target: target('x', 0, 1) }, details, 1),
    ).rejects.toThrow(RecordProblem);
    expect(await db.pages.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await pageForDocument(db, 'not a key')).toBeNull();
    expect(await annotationsForDocument(db, null, 'not a key')).toEqual([]);
  });
});
