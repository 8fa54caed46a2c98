import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setTabViewport } from '../../harness/chromium';
import { useChromium } from './support/browser-sessions';
import { highlightText } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT } from './support/page-selection';
import { headingTopScript, SAMPLE_HEADINGS, SAMPLE_TITLE } from './support/sample';

const WAIT = { timeout: 10_000 };
const LATE_RENDER_TITLE = 'Late-rendering article';

const env = useChromium();

/**
 * What Chrome's own side panel shows, read through a Gloss page of the same process (the popup opened
 * as a tab): Playwright does not attach to side panels, but extension.getViews reaches every view of
 * the extension, the side panel included.
 */
function inSidePanel<T>(popup: Page, read: string): Promise<T | null> {
  return popup.evaluate(`(() => {
    const panel = chrome.extension.getViews().find((view) => view.location.pathname === '/sidepanel.html');
    return panel ? (${read})(panel.document) : null;
  })()`) as Promise<T | null>;
}

const panelTitle = (popup: Page) => inSidePanel<string | null>(popup, '(doc) => doc.querySelector("h1")?.textContent ?? null');
const panelQuotes = (popup: Page) =>
  inSidePanel<string[]>(
    popup,
    '(doc) => [...doc.querySelectorAll("section[aria-labelledby=highlights-title] li q")].map((q) => q.textContent)',
  );

describe('Chromium: the side panel', () => {
  it('opens from the popup, follows tab switches and page loads, and lists highlights live', async () => {
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('storm-1152.html?case=panel-follow'));
    const other = await env.session.context.newPage();
    await other.goto(env.server.url('late-render.html?case=panel-follow'));
    await other.getByText('Investigators traced').waitFor();

    // Chrome opens a side panel only for a person's gesture: a real click in the popup.
    const popup = await env.session.openPopupFor(article);
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    await expect.poll(() => inSidePanel<boolean>(popup, '() => true'), WAIT).toBe(true);

    await article.bringToFront();
    await expect.poll(() => panelTitle(popup), WAIT).toBe(SAMPLE_TITLE);
    await other.bringToFront();
    await expect.poll(() => panelTitle(popup), WAIT).toBe(LATE_RENDER_TITLE);
    await article.bringToFront();
    await expect.poll(() => panelTitle(popup), WAIT).toBe(SAMPLE_TITLE);

    // A highlight made in the page appears in the panel at once.
    const quote = await highlightText(article, 'Astonishingly, the group', '750 million');
    await expect.poll(() => panelQuotes(popup), WAIT).toEqual([quote]);

    // The tab loads another page: the panel reads it afresh.
    await article.goto(env.server.url('late-render.html?case=panel-follow-2'));
    await expect.poll(() => panelTitle(popup), WAIT).toBe(LATE_RENDER_TITLE);
    await popup.close();
    await other.close();
    await article.close();
  });

  it("sidepanel.html?tab=<id> has the popup's names; it marks the section being read", async () => {
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('storm-1152.html?case=panel-names'));
    const panel = await openPanelFor(article);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(SAMPLE_TITLE);
    const outline = panel.getByRole('navigation', { name: 'Outline' });
    expect(await outline.getByRole('link').allTextContents()).toEqual(SAMPLE_HEADINGS);
    await expect
      .poll(
        () =>
          panel
            .getByRole('region', { name: 'Entities' })
            .getByRole('button', { name: /^Storm-1152.*\(17\)$/ })
            .count(),
        WAIT,
      )
      .toBe(1);
    expect(await panel.getByRole('region', { name: /Highlights/ }).count()).toBe(1);
    for (const name of ['Export Markdown', 'Export JSON', 'Export STIX', 'Copy Markdown']) {
      expect(await panel.getByRole('button', { name, exact: true }).count()).toBe(1);
    }

    // Reading: the heading that has passed the reading line (a quarter down) marks its section, not the
    // next one still below the line, nor the sidebar's headings that come later in the page; nothing is
    // marked above the first section.
    await article.bringToFront();
    const target = SAMPLE_HEADINGS[5];
    await article.evaluate(`window.scrollTo(0, window.scrollY + ${headingTopScript(target)} - 100)`);
    expect(await article.evaluate(headingTopScript(SAMPLE_HEADINGS[6]))).toBeGreaterThan(900 / 4);
    const current = outline.locator('a[aria-current="location"]');
    await expect.poll(() => current.allTextContents(), WAIT).toEqual([target]);
    await article.evaluate('window.scrollTo(0, 0)');
    await expect.poll(() => current.count(), WAIT).toBe(0);
    await panel.close();
    await article.close();
  });

  it('edits and deletes a highlight, with undo, and the page repaints at once', async () => {
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('storm-1152.html?case=panel-edit'));
    await article.getByText('Astonishingly').waitFor();
    const quote = await highlightText(article, 'Astonishingly, the group', '750 million');
    await expect.poll(() => article.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const panel = await openPanelFor(article);
    const item = panel
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .filter({ hasText: 'Astonishingly' });
    await item.getByRole('button', { name: 'Edit' }).click();
    const form = item.getByRole('form', { name: 'Edit highlight' });
    // Keyboard: the note has focus; colours are a radio group.
    await panel.keyboard.type('The headline number.');
    await form.getByRole('radio', { name: 'Pink' }).check();
    await form.getByRole('textbox', { name: 'Tags' }).fill('fraud, social engineering');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => article.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-pink': [quote] });
    await expect.poll(() => item.textContent(), WAIT).toContain('The headline number.');
    expect(await item.textContent()).toContain('#social-engineering');

    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => article.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    const undo = panel.getByRole('status').getByRole('button', { name: 'Undo' });
    await undo.click();
    await expect.poll(() => article.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-pink': [quote] });
    await expect.poll(() => item.textContent(), WAIT).toContain('The headline number.');
    await panel.close();
    await article.close();
  });
});

/** Opens sidepanel.html for the tab of `page`, as a tab of its own (the panel's own tab is then in front). */
async function openPanelFor(page: Page): Promise<Page> {
  const tabId = await env.session.tabIdOf(page);
  const panel = await env.session.context.newPage();
  await setTabViewport(panel, { width: 400, height: 900 });
  await panel.goto(`chrome-extension://${env.session.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}
