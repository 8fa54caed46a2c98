import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '@/lib/anchoring/types';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import { mergedFields } from '@/lib/storage/merge-annotations';
import { lastUsedColor, tagsInUse } from '@/lib/storage/reader-habits';
import { saveSettings } from '@/lib/storage/settings-store';

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

describe('the colour the shortcut reuses', () => {
  it('is none before the first highlight, then the colour of the one made or changed last', async () => {
    expect(await lastUsedColor(db)).toBeNull();
    const first = await createAnnotation(db, { pageUrl: PAGE, target: target('a'), color: 'green' }, null, 1000);
    await createAnnotation(db, { pageUrl: PAGE, target: target('b', 5), color: 'blue' }, null, 2000);
    expect(await lastUsedColor(db)).toBe('blue');
    await updateAnnotation(db, first.id, { color: 'pink' }, 3000);
    expect(await lastUsedColor(db)).toBe('pink');
  });

  it('gives way to a default colour chosen on the settings page since', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target('a'), color: 'green' }, null, 1000);
    await saveSettings(db, { defaultColor: 'purple' }, 2000);
    expect(await lastUsedColor(db)).toBeNull();
    await createAnnotation(db, { pageUrl: PAGE, target: target('b', 4), color: 'blue' }, null, 3000);
    expect(await lastUsedColor(db)).toBe('blue');
  });
});

describe('the tags a tag field suggests', () => {
  it('lists every tag in use once, whatever its case, and forgets tags no highlight carries', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target('a'), tags: ['APT29', 'phishing'] }, null, 1000);
    const other = await createAnnotation(db, { pageUrl: `${PAGE}/2`, target: target('b'), tags: ['apt29', 'gone'] }, null, 2000);
    expect((await tagsInUse(db)).map((tag) => tag.toLowerCase()).sort()).toEqual(['apt29', 'gone', 'phishing']);
    await deleteAnnotation(db, other.id);
    expect((await tagsInUse(db)).sort()).toEqual(['APT29', 'phishing']);
  });
});

describe('merging overlapping highlights', () => {
  it('keeps every note in page order, each once, and every tag', async () => {
    const later = await createAnnotation(
      db,
      { pageUrl: PAGE, target: target('world', 6), note: 'Second.', tags: ['b', 'shared'] },
      null,
      1000,
    );
    const earlier = await createAnnotation(
      db,
      { pageUrl: PAGE, target: target('hello wo', 0), note: 'First.', tags: ['a', 'Shared'] },
      null,
      2000,
    );
    const repeat = await createAnnotation(db, { pageUrl: PAGE, target: target('lo', 3), note: ' First. ', tags: [] }, null, 3000);
    expect(mergedFields([later, earlier, repeat], 'purple')).toEqual({
      color: 'purple',
      note: 'First.\n\nSecond.',
      tags: ['a', 'Shared', 'b'],
    });
  });
});
