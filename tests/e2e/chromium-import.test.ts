import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { backupWithActors } from './support/backups';
import { useChromium } from './support/browser-sessions';

const WAIT = { timeout: 10_000 };
const env = useChromium();
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
