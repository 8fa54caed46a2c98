import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossSnapshot } from '@/lib/export/page-export';
import { actorChanges, describeActorChanges } from '@/lib/storage/actor-changes';
import { importSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import type { UserActorRecord } from '@/lib/storage/records';
import { richSnapshot } from '../backup/rich-snapshot';

const actor = (canonical: string, aliases: string[], extendsBuiltin = false, updatedAt = 1): UserActorRecord => {
  const id = canonical.toLowerCase();
  return { id, canonical, aliases, extendsBuiltin, nameKeys: [id, ...aliases.map((a) => a.toLowerCase())], createdAt: 1, updatedAt };
};
const withActors = (actors: UserActorRecord[]): GlossSnapshot => ({ ...richSnapshot(), actors });

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the actor changes a backup would make', () => {
  it("are new actors, names for shipped actors, and names the user's actors lack; nothing for what is already here", async () => {
    await db.actors.bulkPut([actor('Crimson Heron', ['CH']), actor('Gold Harvest', ['GH-1'])]);
    const incoming = [
      actor('Crimson Heron', ['CH', 'Heron Team'], false, 9),
      actor('Gold Harvest', ['gh-1']),
      actor('APT29', ['the Board'], true),
      actor('Night Owl', []),
    ];
    const changes = await actorChanges(db, incoming);
    expect(changes).toEqual([
      { canonical: 'Crimson Heron', newActor: false, aliases: ['Heron Team'] },
      { canonical: 'APT29', newActor: false, aliases: ['the Board'] },
      { canonical: 'Night Owl', newActor: true, aliases: [] },
    ]);
    expect(describeActorChanges(changes)).toBe(
      'adds 1 actor and 2 aliases: “Heron Team” for Crimson Heron; “the Board” for APT29; Night Owl (new).',
    );
    expect(describeActorChanges([{ canonical: 'Gold Harvest', newActor: true, aliases: ['GH-1', 'Gold'] }])).toBe(
      'adds 1 actor and 2 aliases: Gold Harvest (new; also “GH-1”, “Gold”).',
    );
  });

  it('apply only when asked: without, the highlights import and the actors stay as they were', async () => {
    await db.actors.put(actor('Crimson Heron', ['CH']));
    const snapshot = withActors([actor('Crimson Heron', ['Heron Team'], false, 9), actor('APT29', ['the Board'], true)]);
    const report = await importSnapshot(db, snapshot, { actors: false });
    expect(report.annotations.added).toBe(4);
    expect(report.actors).toEqual({ added: 0, updated: 0, skipped: 0 });
    expect(await db.actors.toArray()).toEqual([actor('Crimson Heron', ['CH'])]);
    expect(await actorChanges(db, snapshot.actors)).toHaveLength(2);
  });

  it('add names to an actor the user has, keeping its own name, kind and names, and change nothing when imported again', async () => {
    await db.actors.put(actor('Crimson Heron', ['CH'], false, 5));
    const snapshot = withActors([
      { ...actor('Crimson Heron', ['Heron Team', 'ch'], true, 9), canonical: 'CRIMSON HERON' },
      actor('APT29', ['the Board'], true),
    ]);
    expect(await importSnapshot(db, snapshot, { actors: true })).toMatchObject({ actors: { added: 1, updated: 1, skipped: 0 } });
    expect(await db.actors.get('crimson heron')).toEqual({
      ...actor('Crimson Heron', ['CH', 'Heron Team'], false, 9),
      nameKeys: ['crimson heron', 'ch', 'heron team'],
    });
    expect(await db.actors.get('apt29')).toEqual(actor('APT29', ['the Board'], true));
    expect(await importSnapshot(db, snapshot, { actors: true })).toMatchObject({ actors: { added: 0, updated: 0, skipped: 2 } });
    expect(await actorChanges(db, snapshot.actors)).toEqual([]);
  });
});
