import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorNameIndex } from '@/lib/entities/alias-candidates';
import { applyAliasPicks } from '@/lib/entities/alias-picks';
import { actorKeysOf, pageEntities } from '@/lib/entities/page-entities';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { actorProfiles } from '@/lib/export/actor-profiles';
import { picksForPage, savePick } from '@/lib/storage/alias-pick-store';
import { GlossDatabase } from '@/lib/storage/database';
import { entityTagsForPage, tagEntity } from '@/lib/storage/entity-tag-store';
import { recordPageActors } from '@/lib/storage/page-store';
import { savedPagesFile } from '@/lib/storage/saved-page-files';
import { threatActors } from '../entities/shared-data';

/**
 * A pick reaches the exports the way the background does it: the page is read with its picks applied,
 * its actors recorded, and the Markdown note and STIX bundle name the actors the page is filed under.
 */
const actors = threatActors();
const scanner = createEntityScanner({ actors });
const index = actorNameIndex(actors);
const URL = 'https://news.example/grizzly-steppe';
const TEXT = 'Investigators say Grizzly Steppe is behind the phishing. Grizzly Steppe stole party e-mail before.';
const details = { title: 'Grizzly Steppe returns', siteName: 'News' };

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** What the background does when the popup reads the page (extension/background/page-entities.ts). */
async function readPage() {
  const verdicts = await entityTagsForPage(db, URL);
  const result = pageEntities(TEXT, applyAliasPicks(scanner.findEntities(TEXT), await picksForPage(db, URL), index), verdicts);
  await recordPageActors(db, URL, actorKeysOf(result));
  return result;
}

const exported = async (format: 'markdown' | 'stix') => {
  const file = await savedPagesFile(db, format, [URL], {
    resolveActors: (keys, fallback) => actorProfiles(actors, keys, fallback),
    attackIds: () => () => undefined,
    placeFacts: () => () => undefined,
  });
  return String(file?.data);
};

describe('an alias pick in the exports', () => {
  it('names the picked actor, with its ATT&CK id and other names, in the Markdown note and the STIX bundle', async () => {
    await savePick(db, URL, { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' }, details, 1000);
    const read = await readPage();
    expect(read.entities.filter((e) => e.kind === 'threat-actor').map((e) => [e.canonical, e.mentions.length])).toEqual([['APT29', 2]]);
    const markdown = await exported('markdown');
    expect(markdown).toMatch(
      /## Threat actors\n\n- \*\*APT29\*\* \(\[G0016\]\(https:\/\/attack\.mitre\.org\/groups\/G0016\/\)\): also known as Midnight Blizzard, /,
    );
    expect(markdown).not.toContain('APT28');

    await tagEntity(db, URL, { kind: 'threat-actor', name: 'Grizzly Steppe', canonical: 'APT29' }, 'confirmed', details, 2000);
    const bundle = JSON.parse(await exported('stix')) as {
      objects: { type: string; name?: string; aliases?: string[]; external_references?: { external_id?: string }[] }[];
    };
    const [set, ...others] = bundle.objects.filter((o) => o.type === 'intrusion-set');
    expect(others).toEqual([]);
    expect(set.name).toBe('APT29');
    expect(set.aliases).toEqual(expect.arrayContaining(['Grizzly Steppe', 'Midnight Blizzard', 'NOBELIUM']));
    expect(set.external_references?.map((r) => r.external_id)).toContain('G0016');
  });

  it('names Gloss’s choice without a pick, and follows a pick for every page made on another page', async () => {
    await tagEntity(db, URL, { kind: 'threat-actor', name: 'Storm-1152', canonical: 'Storm-1152' }, 'rejected', details, 1000);
    await readPage();
    expect(await exported('markdown')).toContain('- **APT28** ([G0007](https://attack.mitre.org/groups/G0007/))');
    await savePick(db, 'https://blog.example/other', { name: 'grizzly steppe', actor: 'APT29', scope: 'everywhere' }, details, 2000);
    await readPage();
    const markdown = await exported('markdown');
    expect(markdown).toContain('- **APT29** ([G0016]');
    expect(markdown).not.toContain('APT28');
  });
});
