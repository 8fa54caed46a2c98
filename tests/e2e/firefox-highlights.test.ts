import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { clickGlossControl, fillGlossField, HEADLINE_NUMBER, highlightWithNote, selectForToolbar } from './support/firefox-gloss-ui';
import { PAINTED_SCRIPT, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };

const env = useFirefox();

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;

describe('Firefox: highlights on the sample article', () => {
  it('highlights a selection, takes a note and a tag, survives a reload, and can be deleted', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    await popup.close();
    await page.bringToFront();
    const note = 'The **headline** number, see [the filing](https://example.org/filing). <b>typed</b> [[Storm-1152|the gang]] #actor/storm';
    const quote = await highlightWithNote(page, HEADLINE_NUMBER, note, 'fraud');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const { page: second, popup: listing } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    const items = () => listing.evaluate(() => [...document.querySelectorAll('.highlight-list > li')].map((li) => li.textContent ?? ''));
    await expect.poll(items, WAIT).toHaveLength(1);
    // The note's Markdown is drawn (once its reader has loaded); its HTML is not.
    const drawnNote = () =>
      listing.evaluate(() => {
        const note = document.querySelector('.highlight-list .note');
        return {
          bold: note?.querySelector('strong')?.textContent,
          link: note?.querySelector('a')?.getAttribute('href'),
          html: note?.querySelector('b') !== null,
          // A wikilink opens the library searching for its target.
          wikilink: [...(note?.querySelectorAll('a.note-wikilink') ?? [])].map((a) => [a.textContent, (a as HTMLAnchorElement).href]),
          // An inline tag searches the library's tags.
          tag: [...(note?.querySelectorAll('a.note-tag') ?? [])].map((a) => [a.textContent, (a as HTMLAnchorElement).href]),
        };
      });
    const [library, tagSearch] = await listing.evaluate(() =>
      ['library.html?q=Storm-1152', 'library.html?q=%23actor%2Fstorm'].map((address) => new URL(address, location.href).href),
    );
    await expect.poll(drawnNote, WAIT).toEqual({
      bold: 'headline',
      link: 'https://example.org/filing',
      html: false,
      wikilink: [['the gang', library]],
      tag: [['#actor/storm', tagSearch]],
    });
    expect((await items())[0]).toContain('The headline number, see the filing. <b>typed</b> the gang #actor/storm');
    expect((await items())[0]).toContain('#fraud');

    await page.bringToFront();
    const again = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(again.x, again.y);
    await clickGlossControl(page, 'Delete');
    await clickGlossControl(page, 'Delete highlight');
    await expect.poll(() => painted(page), WAIT).toEqual({});
    await expect.poll(items, WAIT).toHaveLength(0);
    await listing.close();
    await second.close();
    await page.close();
  });

  it('keeps the note and tags typed when the page reloads before Done', async () => {
    const address = env.server.url('storm-1152.html?case=reload-draft');
    const { page, popup } = await env.session.openWithPopup(address);
    await popup.close();
    await page.bringToFront();
    const quote = await selectForToolbar(page, HEADLINE_NUMBER.start, HEADLINE_NUMBER.end);
    await clickGlossControl(page, 'Highlight');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    const point = (await page.evaluate(textCenterScript(HEADLINE_NUMBER.inside))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await fillGlossField(page, 'Note', 'The headline number.');
    await fillGlossField(page, 'Tags', 'fraud');
    // No Done: the tab reloads with the editor open, as after F5 (or the tab closing).
    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const { page: second, popup: listing } = await env.session.openWithPopup(address);
    const items = () => listing.evaluate(() => [...document.querySelectorAll('.highlight-list > li')].map((li) => li.textContent ?? ''));
    await expect.poll(items, WAIT).toEqual([expect.stringContaining('The headline number.')]);
    expect((await items())[0]).toContain('#fraud');
    await listing.close();
    await second.close();
    await page.close();
  });

  it('highlights a selection that spans two paragraphs', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    await popup.close();
    await page.bringToFront();
    const quote = await selectForToolbar(page, 'this formidable foe', 'Storm-1152 had operated');
    await clickGlossControl(page, 'Highlight');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });
});
