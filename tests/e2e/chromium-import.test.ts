import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { backupJson } from '../../lib/backup/to-json-ld';
import type { GlossSnapshot } from '../../lib/export/page-export';
import { useChromium } from './support/browser-sessions';

const WAIT = { timeout: 10_000 };
const env = useChromium();
const PAGE = 'https://news.example/storm-1152';
const T = 1_714_000_000_000;

/** A backup of one highlight that also adds an actor of the user's and a name to a shipped actor. */
function backupWithActors(): string {
  const snapshot: GlossSnapshot = {
    pages: [{ url: PAGE, title: 'Storm-1152 explained', siteName: 'News', createdAt: T, updatedAt: T, actors: [] }],
    annotations: [
      {
        id: '3b241101-e2bb-4255-8caf-4136c566a962',
        pageUrl: PAGE,
        color: 'yellow',
        note: '',
        tags: [],
        createdAt: T,
        updatedAt: T,
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'Storm-1152 sold accounts', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 24 },
        },
      },
    ],
    tags: [],
    entityTags: [],
    actors: [
      {
        id: 'gold harvest',
        canonical: 'Gold Harvest',
        aliases: ['GH-1'],
        extendsBuiltin: false,
        nameKeys: ['gold harvest', 'gh-1'],
        createdAt: T,
        updatedAt: T,
      },
      {
        id: 'apt29',
        canonical: 'APT29',
        aliases: ['the Board'],
        extendsBuiltin: true,
        nameKeys: ['apt29', 'the board'],
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gloss-import-')), 'actors.gloss.json');
  writeFileSync(file, backupJson(snapshot));
  return file;
}

const status = (library: Page) => library.locator('.status-line').textContent();

describe('Chromium: importing a backup that changes threat actors', () => {
  it('asks first, with the safe choice focused; the highlights import either way, the actors only when confirmed', async () => {
    const file = backupWithActors();
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    await library.getByText('Nothing saved yet').waitFor(WAIT);

    await library.getByLabel('Import backup').setInputFiles(file);
    const confirm = library.getByRole('group', { name: 'Actor changes in actors.gloss.json' });
    await confirm.waitFor(WAIT);
    expect(await confirm.textContent()).toContain(
      'This backup also adds 1 actor and 2 aliases: “the Board” for APT29; Gold Harvest (new; also “GH-1”).',
    );
    expect(await library.evaluate(() => document.activeElement?.textContent)).toBe('Import without');
    await library.keyboard.press('Enter');
    await expect.poll(() => status(library), WAIT).toMatch(/^Imported: 1 highlight added.*Actor changes left out, as chosen\.$/);
    expect(await confirm.count()).toBe(0);
    await expect.poll(() => library.locator('.page-card').count(), WAIT).toBe(1);

    // The actors were not changed, so the next import asks again; this time they apply.
    await library.getByLabel('Import backup').setInputFiles(file);
    await confirm.waitFor(WAIT);
    await library.getByRole('button', { name: 'Import with actor changes' }).click();
    await expect.poll(() => status(library), WAIT).toMatch(/^Imported: 0 highlights added.*Actor changes applied\.$/);

    // Nothing is left to ask about.
    await library.getByLabel('Import backup').setInputFiles(file);
    await expect.poll(() => status(library), WAIT).toMatch(/^Imported: 0 highlights added, 0 updated, 1 already up to date/);
    expect(await confirm.count()).toBe(0);
    await library.close();
  });
});
