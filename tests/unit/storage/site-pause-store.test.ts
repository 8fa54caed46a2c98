import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossDatabase } from '@/lib/storage/database';
import { isSitePaused, pausedSites, pauseSite, resumeSite } from '@/lib/storage/site-pause-store';

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('site pause store', () => {
  it('pauses and resumes a site', async () => {
    expect(await isSitePaused(db, 'news.example')).toBe(false);
    expect(await pauseSite(db, 'news.example', 1000)).toEqual({ site: 'news.example', pausedAt: 1000 });
    expect(await isSitePaused(db, 'news.example')).toBe(true);
    expect(await isSitePaused(db, 'blog.example')).toBe(false);
    await resumeSite(db, 'news.example');
    expect(await isSitePaused(db, 'news.example')).toBe(false);
  });

  it('keeps the first pause time when a paused site is paused again, and resumes an unpaused site quietly', async () => {
    await pauseSite(db, 'news.example', 1000);
    expect(await pauseSite(db, 'news.example', 2000)).toEqual({ site: 'news.example', pausedAt: 1000 });
    await resumeSite(db, 'blog.example');
    expect(await pausedSites(db)).toEqual([{ site: 'news.example', pausedAt: 1000 }]);
  });

  it('lists paused sites alphabetically, and a port makes its own site', async () => {
    await pauseSite(db, 'news.example', 1);
    await pauseSite(db, '127.0.0.1:8080', 2);
    await pauseSite(db, 'blog.example', 3);
    expect((await pausedSites(db)).map((record) => record.site)).toEqual(['127.0.0.1:8080', 'blog.example', 'news.example']);
    expect(await isSitePaused(db, '127.0.0.1')).toBe(false);
  });

  it('lists nothing when no site is paused', async () => {
    expect(await pausedSites(db)).toEqual([]);
  });
});
