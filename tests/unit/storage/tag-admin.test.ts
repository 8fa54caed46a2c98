import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import type { AnnotationRecord } from '@/lib/storage/records';
import { mergeTags, renameTag } from '@/lib/storage/tag-admin';

const PAGE = 'https://news.example/storm-1152';
const OTHER = 'https://blog.example/octo-tempest';
const target = (exact: string) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
});

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** Stores a highlight with these tags at time 1 (its tag spellings as given, as an import may leave them). */
async function highlight(id: string, tags: string[], pageUrl = PAGE): Promise<AnnotationRecord> {
  const record = await createAnnotation(db, { pageUrl, target: target(id), tags }, { title: 'Page', siteName: null }, 1, id);
  await db.annotations.update(id, { tags });
  return { ...record, tags };
}

const tagsOf = async (id: string) => (await db.annotations.get(id))?.tags;
const tagTable = async () => (await db.tags.toArray()).map(({ key, label }) => ({ key, label }));

describe('renaming a tag', () => {
  it('renames it on every highlight, in place, and replaces its tag record', async () => {
    await highlight('a', ['phish', 'apt']);
    await highlight('b', ['apt', 'phish']);
    await highlight('c', ['apt']);
    expect(await renameTag(db, 'phish', 'Phishing', 50)).toEqual({ annotations: 2, merged: false, label: 'Phishing' });
    expect(await tagsOf('a')).toEqual(['Phishing', 'apt']);
    expect(await tagsOf('b')).toEqual(['apt', 'Phishing']);
    expect(await tagTable()).toEqual([
      { key: 'apt', label: 'apt' },
      { key: 'phishing', label: 'Phishing' },
    ]);
  });

  it('finds the tag in every spelling, and keeps the original tag record date', async () => {
    await highlight('a', ['APT']);
    await highlight('b', ['apt']);
    await highlight('c', ['Apt', 'other']);
    expect(await renameTag(db, 'apt', 'APT29', 50)).toMatchObject({ annotations: 3, merged: false });
    expect([await tagsOf('a'), await tagsOf('b'), await tagsOf('c')]).toEqual([['APT29'], ['APT29'], ['APT29', 'other']]);
    expect(await db.tags.get('apt29')).toEqual({ key: 'apt29', label: 'APT29', createdAt: 1 });
  });

  it('can change only the case of a tag, respelling every highlight', async () => {
    await highlight('a', ['apt']);
    await highlight('b', ['APT']);
    expect(await renameTag(db, 'apt', 'Apt', 50)).toEqual({ annotations: 2, merged: false, label: 'Apt' });
    expect([await tagsOf('a'), await tagsOf('b')]).toEqual([['Apt'], ['Apt']]);
    expect(await tagTable()).toEqual([{ key: 'apt', label: 'Apt' }]);
  });

  it('merges into an existing tag, once on highlights that carried both, spelled as typed', async () => {
    await highlight('a', ['phish', 'x', 'phishing']);
    await highlight('b', ['Phishing']);
    await highlight('c', ['phish'], OTHER);
    expect(await renameTag(db, 'phish', 'PHISHING', 50)).toEqual({ annotations: 3, merged: true, label: 'PHISHING' });
    expect(await tagsOf('a')).toEqual(['PHISHING', 'x']);
    expect(await tagsOf('b')).toEqual(['PHISHING']);
    expect(await tagsOf('c')).toEqual(['PHISHING']);
    expect(await tagTable()).toEqual([
      { key: 'phishing', label: 'PHISHING' },
      { key: 'x', label: 'x' },
    ]);
  });

  it('marks changed highlights as updated, leaves the others and the pages as they were', async () => {
    await highlight('a', ['phish']);
    await highlight('b', ['apt']);
    await renameTag(db, 'phish', 'lure', 50);
    expect((await db.annotations.get('a'))?.updatedAt).toBe(50);
    expect(await db.annotations.get('b')).toMatchObject({ tags: ['apt'], updatedAt: 1 });
    expect((await db.pages.get(PAGE))?.updatedAt).toBe(1);
  });

  it('cleans the new name as the tag field does, and refuses a name that makes no tag or several', async () => {
    await highlight('a', ['phish']);
    expect((await renameTag(db, 'phish', '  #red team ', 50)).label).toBe('red-team');
    await expect(renameTag(db, 'red-team', '  ## ')).rejects.toThrow(/needs a name/);
    await expect(renameTag(db, 'red-team', 'a, b')).rejects.toThrow(/one tag/);
    expect(await tagsOf('a')).toEqual(['red-team']);
  });

  it('does nothing for a tag that does not exist', async () => {
    await highlight('a', ['apt']);
    expect(await renameTag(db, 'ghost', 'apt', 50)).toEqual({ annotations: 0, merged: false, label: 'apt' });
    expect(await tagTable()).toEqual([{ key: 'apt', label: 'apt' }]);
  });
});

describe('merging several tags', () => {
  it('puts them under one tag, leaving other tags alone', async () => {
    await highlight('a', ['Phish', 'lure', 'apt']);
    await highlight('b', ['lures']);
    await highlight('c', ['apt']);
    expect(await mergeTags(db, ['phish', 'lure', 'lures'], 'phishing', 50)).toEqual({ annotations: 2, merged: true, label: 'phishing' });
    expect([await tagsOf('a'), await tagsOf('b'), await tagsOf('c')]).toEqual([['phishing', 'apt'], ['phishing'], ['apt']]);
    expect(await tagTable()).toEqual([
      { key: 'apt', label: 'apt' },
      { key: 'phishing', label: 'phishing' },
    ]);
  });

  it('changes nothing when the transaction fails part way', async () => {
    await highlight('a', ['phish', 'apt']);
    await highlight('b', ['phishing']);
    const before = { annotations: await db.annotations.toArray(), tags: await db.tags.toArray() };
    db.tags.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(renameTag(db, 'phish', 'phishing', 50)).rejects.toThrow('disk full');
    expect({ annotations: await db.annotations.toArray(), tags: await db.tags.toArray() }).toEqual(before);
  });
});
