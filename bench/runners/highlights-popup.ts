/**
 * `npm run bench -- --suite popup-highlights` (issue 14, part 6): how soon the popup lists a page's
 * highlights when it is opened for a tab, in Chromium and in Firefox, with this checkout's builds against
 * a build of --baseline (by default the commit before the fix), alternating in one run.
 *
 * - The popup is opened the way the end-to-end tests and the headless demo open it: `popup.html?tab=<id>`
 *   as a tab behind the one in front (Firefox's WebDriver BiDi cannot open an extension page any other
 *   way). A hidden document gets no animation frames and its timers are slowed to about one a second.
 * - Timed from inside: a Gloss page in front (the controller, itself a popup of the same build) creates
 *   the popup's tab, finds its window among the extension's views (`extension.getViews`, same process),
 *   and watches it with a MutationObserver, which runs in the popup's own event loop as its DOM changes.
 *   The times are the popup's `performance.now()` (from its navigation start) when "Loading highlights…"
 *   first appears and when the first highlight is listed. No polling of the popup's page.
 * - The page has one highlight, made with the toolbar as a person would.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromiumWithGloss } from '../../harness/chromium';
import { launchFirefoxWithGloss } from '../../harness/firefox';
import { startFixtureServer } from '../../harness/fixture-server';
import { FIREFOX_E2E_BUILD, FIXTURES_DIR } from '../../harness/paths';
import { median } from '../../harness/stats';
import { highlightText } from '../../tests/e2e/support/chromium-gloss-ui';
import { clickGlossControl, selectForToolbar } from '../../tests/e2e/support/firefox-gloss-ui';
import { PAINTED_SCRIPT } from '../../tests/e2e/support/page-selection';
import { baselineBuild } from './baseline-build';
import { ensureChromeBuild } from './wxt-build';

/** The last commit before the popup stopped waiting for animation frames. */
export const BEFORE_POPUP_FIX_COMMIT = '5e6252a';

const ARTICLE = 'storm-1152.html?bench=popup-highlights';

interface Open {
  loading: number | null;
  listed: number;
}

/** Runs in the controller (a Gloss page in front); a string, so tsx's helpers stay out of the page. */
const OPEN_AND_TIME = `async ({ tabId, n }) => {
  const api = globalThis.browser ?? globalThis.chrome;
  const url = api.runtime.getURL('/popup.html') + '?tab=' + tabId + '&bench=' + n;
  const tab = await api.tabs.create({ url, active: false });
  const deadline = Date.now() + 30000;
  let view;
  while (!(view = api.extension.getViews({ type: 'tab' }).find((v) => v.location.href === url))) {
    if (Date.now() > deadline) throw new Error('the popup did not load');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const times = await new Promise((resolve, reject) => {
    const seen = { loading: null, listed: null };
    let observer;
    const check = () => {
      const now = view.performance.now();
      const body = view.document.body;
      if (seen.loading === null && body && body.textContent.includes('Loading highlights')) seen.loading = now;
      if (view.document.querySelector('.highlight-list > li')) {
        seen.listed = now;
        observer.disconnect();
        resolve(seen);
      }
    };
    observer = new view.MutationObserver(check);
    observer.observe(view.document, { subtree: true, childList: true, characterData: true });
    check();
    setTimeout(() => reject(new Error('no highlight listed after 30 s')), 30000);
  });
  await api.tabs.remove(tab.id);
  return times;
}`;

type Evaluate = (script: string, arg: { tabId: number; n: number }) => Promise<Open>;

interface Subject {
  /** Opens the popup for the article's tab `n`-th time and times it. */
  open: (n: number) => Promise<Open>;
  close: () => Promise<void>;
}

async function chromiumSubject(extensionDir: string, url: string): Promise<Subject & { version: string }> {
  const session = await launchChromiumWithGloss({ extensionDir });
  const page = await session.context.newPage();
  await page.goto(url);
  await page.getByText('Astonishingly').waitFor();
  await highlightText(page, 'Astonishingly, the group', '750 million');
  await waitPainted(() => page.evaluate(PAINTED_SCRIPT));
  const controller: PlaywrightPage = await session.openPopupFor(page);
  await controller.bringToFront();
  const tabId = await session.tabIdOf(page);
  const evaluate: Evaluate = (script, arg) => controller.evaluate(`(${script})(${JSON.stringify(arg)})`) as Promise<Open>;
  // A persistent context has no Browser object to ask; DevTools knows the full version.
  const version = (await (await session.context.newCDPSession(controller)).send('Browser.getVersion')).product.replace(/^.*\//, '');
  return { version, open: (n) => evaluate(OPEN_AND_TIME, { tabId, n }), close: session.close };
}

async function firefoxSubject(extensionDir: string, url: string): Promise<Subject & { version: string }> {
  const session = await launchFirefoxWithGloss({ extensionDir });
  const { page, popup } = await session.openWithPopup(url);
  const tabId = Number(new URL(await popup.evaluate(() => location.href)).searchParams.get('tab'));
  await popup.close();
  await page.bringToFront();
  await selectForToolbar(page, 'Astonishingly, the group', '750 million');
  await clickGlossControl(page, 'Highlight');
  await waitPainted(() => page.evaluate(PAINTED_SCRIPT));
  // Any Gloss page in front will do as the controller: the e2e build opens a popup for a marked address.
  const { popup: controller } = await session.openWithPopup(`${url}&controller=1`);
  await controller.bringToFront();
  const evaluate: Evaluate = (script, arg) =>
    (controller as PuppeteerPage).evaluate(`(${script})(${JSON.stringify(arg)})`) as Promise<Open>;
  return { version: await session.browser.version(), open: (n) => evaluate(OPEN_AND_TIME, { tabId, n }), close: session.close };
}

async function waitPainted(painted: () => Promise<unknown>): Promise<void> {
  for (let tries = 0; Object.keys((await painted()) as object).length === 0; tries++) {
    if (tries === 100) throw new Error('the highlight was not painted');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface HighlightsPopupRow {
  browser: string;
  version: string;
  before: Open[];
  after: Open[];
}

export async function benchHighlightsPopup(options: {
  opens: number;
  baseline: string;
  rebuild: boolean;
}): Promise<{ rows: HighlightsPopupRow[]; baseline: string }> {
  const server = await startFixtureServer(FIXTURES_DIR);
  const url = server.url(ARTICLE);
  const chromeNow = (await ensureChromeBuild('production', options.rebuild)).dir;
  const chromeBefore = await baselineBuild(options.baseline, 'chrome');
  const firefoxBefore = await baselineBuild(options.baseline, 'firefox-e2e');
  const rows: HighlightsPopupRow[] = [];
  try {
    for (const [browser, launch, before, after] of [
      ['Chromium', chromiumSubject, chromeBefore.dir, chromeNow],
      ['Firefox ESR', firefoxSubject, firefoxBefore.dir, FIREFOX_E2E_BUILD],
    ] as const) {
      const subjects = { before: await launch(before, url), after: await launch(after, url) };
      const row: HighlightsPopupRow = { browser, version: subjects.after.version, before: [], after: [] };
      try {
        // One warm-up open each (the first open compiles the popup's code), then alternate.
        await subjects.before.open(0);
        await subjects.after.open(0);
        for (let n = 1; n <= options.opens; n++) {
          row.before.push(await subjects.before.open(n));
          row.after.push(await subjects.after.open(n));
        }
      } finally {
        await subjects.before.close();
        await subjects.after.close();
      }
      console.error(
        `popup highlights, ${browser}: before ${median(row.before.map((o) => o.listed)).toFixed(0)} ms, ` +
          `after ${median(row.after.map((o) => o.listed)).toFixed(0)} ms`,
      );
      rows.push(row);
    }
    return { rows, baseline: chromeBefore.commit };
  } finally {
    await server.close();
  }
}

const med = (values: (number | null)[]): string => {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? '–' : median(known).toFixed(0);
};

export function formatHighlightsPopup({ rows, baseline }: { rows: HighlightsPopupRow[]; baseline: string }, opens: number): string {
  const shortened = baseline.slice(0, 12);
  return [
    `| browser | before (${shortened}): "Loading highlights…" shown ms | before: highlights listed ms | after: "Loading highlights…" shown ms | after: highlights listed ms | listed, after / before |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const before = median(row.before.map((o) => o.listed));
      const after = median(row.after.map((o) => o.listed));
      return (
        `| ${row.browser} ${row.version} | ${med(row.before.map((o) => o.loading))} | ${before.toFixed(0)} | ` +
        `${med(row.after.map((o) => o.loading))} | **${after.toFixed(0)}** | ${(after / before).toFixed(2)} |`
      );
    }),
    '',
    `Medians of ${opens} opens per build, alternating, after one warm-up open each; milliseconds from the popup's ` +
      'navigation start (its own clock). "–": the popup never showed "Loading highlights…" (the list came with the ' +
      'first paint of the region). How and why: bench/runners/highlights-popup.ts.',
  ].join('\n');
}
