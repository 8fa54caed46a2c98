import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchFirefoxWithGloss } from '../../harness/firefox';
import { useFirefox } from './support/browser-sessions';
import { downloaded } from './support/firefox-downloads';
import { clickButton, HEADLINE_NUMBER, highlightWithNote } from './support/firefox-gloss-ui';
import { PAINTED_SCRIPT } from './support/page-selection';

const WAIT = { timeout: 15_000 };
const env = useFirefox();

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;

const highlightItems = (popup: Page) =>
  popup.evaluate(() => [...document.querySelectorAll('.highlight-list > li')].map((li) => li.textContent ?? ''));

describe('Firefox: export and import', () => {
  it('exports a page as Markdown and JSON from the popup, and the JSON restores it in a fresh profile', async () => {
    const url = env.server.url('storm-1152.html?case=firefox-export');
    const { page, popup: first } = await env.session.openWithPopup(url);
    await first.close();
    await page.bringToFront();
    // A long note, which the library shows clamped until asked for all of it.
    const note = [
      'Scale of the fraud, see [[Octo Tempest]].',
      '',
      ...Array.from({ length: 12 }, (_, i) => `- point ${i + 1}`),
      '',
      'Last line. **#urgent** \\#not-a-tag',
    ].join('\n');
    const quote = await highlightWithNote(page, HEADLINE_NUMBER, note, 'fraud');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const { popup } = await env.session.openWithPopup(url);
    await expect.poll(() => highlightItems(popup), WAIT).toHaveLength(1);
    await clickButton(popup, 'Export Markdown');
    const markdown = readFileSync(await downloaded(env.session.downloadDir, '.md'), 'utf8');
    expect(markdown).toContain(`> ${quote}`);
    expect(markdown).toContain('Scale of the fraud, see [[Octo Tempest]].');
    expect(markdown).toContain('Last line. **#urgent** \\#not-a-tag');
    expect(markdown).toContain('#fraud');
    await clickButton(popup, 'Export JSON');
    const backupPath = await downloaded(env.session.downloadDir, '.gloss.json');
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 1 });

    const fresh = await launchFirefoxWithGloss();
    try {
      const { page: freshPage, popup: freshPopup } = await fresh.openWithPopup(url);
      await expect.poll(() => freshPopup.evaluate(() => document.body.textContent ?? ''), WAIT).toContain('Select text on the page');
      const library = await fresh.openLibrary(freshPopup);
      const input = await library.waitForSelector('input[type="file"]');
      await input!.uploadFile(backupPath);
      const status = () => library.evaluate(() => document.querySelector('.status-line')?.textContent ?? '');
      await expect.poll(status, WAIT).toContain('1 highlight added');
      await expect.poll(() => library.evaluate(() => document.querySelectorAll('.page-card').length), WAIT).toBe(1);
      // The note is drawn from its Markdown, its first lines until the whole note is asked for.
      const noteView = () =>
        library.evaluate(() => {
          const frame = document.querySelector('.note-frame');
          const toggle = document.querySelector<HTMLButtonElement>('button.note-more');
          return {
            items: frame?.querySelectorAll('li').length,
            shown: frame?.getBoundingClientRect().height ?? 0,
            whole: frame?.firstElementChild?.getBoundingClientRect().height ?? 0,
            toggle: toggle && `${toggle.textContent} ${toggle.getAttribute('aria-expanded')}`,
          };
        });
      await expect.poll(noteView, WAIT).toMatchObject({ items: 12, toggle: 'Show the whole note false' });
      const clamped = await noteView();
      expect(clamped.shown).toBeLessThan(clamped.whole / 2);
      await clickButton(library, 'Show the whole note');
      await expect.poll(noteView, WAIT).toMatchObject({ toggle: 'Show less of the note true' });
      const opened = await noteView();
      expect(opened.shown).toBe(opened.whole);
      // A bold #tag is a tag, an escaped one is text, as Obsidian reads them.
      const inlineTags = () => library.evaluate(() => [...document.querySelectorAll('.note-frame a.note-tag')].map((a) => a.textContent));
      expect(await inlineTags()).toEqual(['#urgent']);
      // The note's wikilink searches the library in place, and the address keeps the search.
      const tabs = (await fresh.browser.pages()).length;
      await library.evaluate(() => document.querySelector<HTMLAnchorElement>('.note a.note-wikilink')!.click());
      const searched = () =>
        library.evaluate(() => ({
          box: document.querySelector<HTMLInputElement>('input[type="search"]')?.value,
          address: new URL(location.href).searchParams.get('q'),
        }));
      await expect.poll(searched, WAIT).toEqual({ box: 'Octo Tempest', address: 'Octo Tempest' });
      expect((await fresh.browser.pages()).length).toBe(tabs);
      // Firefox cannot write into a folder: the vault region says so and points at the Markdown export.
      const vaultText = () => library.evaluate(() => document.querySelector('section[aria-labelledby="vault-title"]')?.textContent ?? '');
      expect(await vaultText()).toMatch(/^Obsidian vaultThis browser cannot write into a folder.*Export Markdown/);
      expect(await library.evaluate(() => document.querySelectorAll('section[aria-labelledby="vault-title"] button').length)).toBe(0);

      // The tab that was already open learns of the import and paints the highlight.
      await expect.poll(() => painted(freshPage), WAIT).toEqual({ 'gloss-yellow': [quote] });
      const { popup: after } = await fresh.openWithPopup(url);
      await expect.poll(() => highlightItems(after), WAIT).toHaveLength(1);
      // Drawn once the Markdown reader has loaded: the wikilink shows its words.
      await expect.poll(async () => (await highlightItems(after))[0], WAIT).toContain('Scale of the fraud, see Octo Tempest.');
      // With the library open, the popup's wikilink searches there, and opens no other library tab.
      await clickButton(library, 'Clear search and filters');
      await expect.poll(searched, WAIT).toEqual({ box: '', address: null });
      const open = (await fresh.browser.pages()).length;
      await after.evaluate(() => document.querySelector<HTMLAnchorElement>('.highlight-list a.note-wikilink')!.click());
      await expect.poll(searched, WAIT).toEqual({ box: 'Octo Tempest', address: 'Octo Tempest' });
      expect((await fresh.browser.pages()).length).toBe(open);
      // Open library, too, comes back to the library already open, its search kept, with no other tab.
      expect(await fresh.openLibrary(after)).toBe(library);
      // A new tab would open 300 ms after the click had no answer (library-channel.ts): wait past that.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await fresh.browser.pages()).length).toBe(open);
      expect(await searched()).toEqual({ box: 'Octo Tempest', address: 'Octo Tempest' });
    } finally {
      await fresh.close();
    }
  });
});
