import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useFirefox } from './support/browser-sessions';
import { usePdfServer } from './support/pdf-viewer';
import { SAMPLE_TITLE } from './support/sample';
import { useTestPdfs } from '../support/use-test-pdfs';

const WAIT = { timeout: 15_000 };

// WebDriver BiDi cannot emulate a colour scheme, so the whole session prefers dark, as a person's system would.
const env = useFirefox({ 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 });
useTestPdfs(['sample']);
const pdfs = usePdfServer();

/** Whether the page prefers dark, its body's colours, and the scrollbar colours of its scrolling sections. */
const looks = (page: Page) =>
  page.evaluate(() => {
    const scrollers = [...document.querySelectorAll('*')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY));
    return {
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      scrollbars: [...new Set(scrollers.map((e) => getComputedStyle(e).scrollbarColor))],
    };
  });

describe('Firefox: dark mode', () => {
  it('draws the popup and the side panel dark, scrollbars included', async () => {
    const { popup } = await env.session.openWithPopup(env.server.url('storm-1152.html?case=firefox-dark'));
    await expect.poll(() => popup.evaluate(() => document.querySelector('h1')?.textContent), WAIT).toBe(SAMPLE_TITLE);
    expect(await looks(popup)).toMatchObject({ dark: true, background: 'rgb(23, 25, 29)', text: 'rgb(232, 234, 237)' });

    const { panel } = await env.session.openWithSidePanel(env.server.url('storm-1152.html?case=firefox-dark-panel'));
    await expect.poll(() => panel.evaluate(() => document.querySelector('h1')?.textContent), WAIT).toBe(SAMPLE_TITLE);
    const panelLooks = await looks(panel);
    expect(panelLooks).toMatchObject({ dark: true, background: 'rgb(23, 25, 29)', text: 'rgb(232, 234, 237)' });
    // The panel's sections scroll on their own; light scrollbars on them read as white bars down the panel.
    expect(panelLooks.scrollbars).toEqual(['rgb(74, 80, 90) rgb(23, 25, 29)']);
  });
  // The Chromium file (chromium-accessibility.test.ts) checks every view in both schemes; this is Firefox's own rendering, dark.
  it('passes axe’s accessibility checks in dark mode: popup, side panel, library, settings, welcome page and PDF viewer', async () => {
    const { popup } = await env.session.openWithPopup(env.server.url('storm-1152.html?case=firefox-dark-axe'));
    await expect.poll(() => popup.evaluate(() => document.querySelector('h1')?.textContent), WAIT).toBe(SAMPLE_TITLE);
    expect(await axeViolations(popup), 'popup').toEqual([]);
    const { panel } = await env.session.openWithSidePanel(env.server.url('storm-1152.html?case=firefox-dark-axe-panel'));
    await expect.poll(() => panel.evaluate(() => document.querySelector('h1')?.textContent), WAIT).toBe(SAMPLE_TITLE);
    expect(await axeViolations(panel), 'side panel').toEqual([]);

    const pdf = `/pdf.html?file=${encodeURIComponent(await pdfs.urlOf('sample'))}`;
    for (const [path, ready] of [
      ['/library.html', '.page-card, .notice'],
      ['/settings.html', 'h1'],
      ['/welcome.html', 'h1'],
      [pdf, '.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)'],
    ] as const) {
      await popup.evaluate((address) => {
        location.href = address;
      }, path);
      // pdf.js draws in animation frames, which a background tab does not get.
      await popup.bringToFront();
      await popup.waitForSelector(ready, WAIT);
      expect(await axeViolations(popup), path).toEqual([]);
    }
  });
});
