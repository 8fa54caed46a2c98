import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_E2E_BUILD, FIREFOX_PATH } from './paths';

/** Must match extension/e2e-marks.ts and HOOK_NOTE_KEY in extension/background/e2e-hooks.ts. */
const HOOK_NOTE_KEY = 'gloss-e2e-hook';
const HOLDER_PARAMETER = 'gloss-e2e-holder';
const OPEN_POPUP_PARAMETER = 'gloss-e2e-open-popup';
const OPEN_SETTINGS_PARAMETER = 'gloss-e2e-open-settings';
const OPEN_SIDE_PANEL_PARAMETER = 'gloss-e2e-open-side-panel';

/** A host the test profile forbids extensions on, like Firefox does for its add-on store. */
export const RESTRICTED_TEST_HOST = 'localhost';

export interface FirefoxSession {
  browser: Browser;
  /** Opens `url` in a new tab and has the extension open its popup for that tab; returns both pages. */
  openWithPopup: (url: string) => Promise<{ page: Page; popup: Page }>;
  /**
   * Opens `url` in a new tab and has the extension open its side panel page following that tab's window
   * (`sidepanel.html?window=<id>`, in a window of its own: BiDi cannot reach Firefox's sidebar); returns both.
   */
  openWithSidePanel: (url: string) => Promise<{ page: Page; panel: Page }>;
  /** Clicks the popup's "Open library" and returns the library's tab. */
  openLibrary: (popup: Page) => Promise<Page>;
  /**
   * Has the extension open its options page (the settings), as the add-ons page does, from a page at
   * `fromUrl` (any page Gloss runs on); returns the settings page's tab. (A tab opened by a link in an
   * extension page is out of BiDi's reach here.)
   */
  openSettings: (fromUrl: string) => Promise<Page>;
  /** Where this profile saves downloads, without asking. */
  downloadDir: string;
  close: () => Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the search for a new tab may go on with nothing happening (no new tab, no tab changing address). */
const QUIET_LIMIT_MS = 15_000;
/** How long a fresh profile may take to show the welcome page after the add-on is installed (see launchFirefoxWithGloss). */
const WELCOME_LIMIT_MS = 30_000;
/** A page that takes longer than this to say its address is asked again on the next round. */
const ASK_LIMIT_MS = 2_000;

/** The page's address as the page itself says it, `onError` if it cannot, `onSilence` if it has not within ASK_LIMIT_MS. */
const askAddress = (page: Page, onError: string, onSilence: string): Promise<string> =>
  Promise.race([page.evaluate(() => location.href).catch(() => onError), pause(ASK_LIMIT_MS).then(() => onSilence)]);

/**
 * The first page, not among `known`, whose address satisfies `predicate`; waits for it to open.
 *
 * It waits on progress, not on the clock: a loaded machine takes longer to load the page, open the tab and
 * load Gloss's page in it, and each of those steps shows (a tab appears, its address moves on from
 * about:blank), so the search fails only once nothing has happened for QUIET_LIMIT_MS. The open pages are
 * asked for their address all at once, each for ASK_LIMIT_MS at the most (one busy page must not hold up the
 * round), and a page that has left about:blank for some other address is not asked again: a new tab shows
 * the address it was opened for.
 */
async function findPage(
  browser: Browser,
  predicate: (href: string) => boolean,
  known: ReadonlySet<Page> = new Set(),
  quietLimitMs = QUIET_LIMIT_MS,
  signal?: AbortSignal,
): Promise<Page> {
  const seen = new Map<Page, string>();
  let lastChange = Date.now();
  for (;;) {
    signal?.throwIfAborted();
    const pages = (await browser.pages()).filter((page) => !known.has(page) && !page.isClosed());
    const hrefs = await Promise.all(
      pages.map((page) => {
        const before = seen.get(page);
        if (before !== undefined && before !== '' && before !== 'about:blank') return before;
        // The target's reported URL can stay about:blank over BiDi; ask the page itself.
        return askAddress(page, '', before ?? '');
      }),
    );
    for (const [index, page] of pages.entries()) {
      if (predicate(hrefs[index])) return page;
      if (seen.get(page) !== hrefs[index]) {
        seen.set(page, hrefs[index]);
        lastChange = Date.now();
      }
    }
    if (Date.now() - lastChange > quietLimitMs) {
      throw new Error(
        `the expected tab did not open: nothing changed for ${quietLimitMs / 1000} s; new tabs: ${JSON.stringify([...seen.values()])}`,
      );
    }
    await pause(200);
  }
}

/**
 * `found`, or its failure told with the marked page's address and load state, how far the e2e hook got with
 * it (the steps it notes in the page's sessionStorage), and every tab's address: so a popup that never
 * opened says whether the hook never heard of the page, could not open the tab, or opened it unseen.
 */
async function sayingPageState<T>(page: Page, found: Promise<T>): Promise<T> {
  try {
    return await found;
  } catch (error) {
    const state = await Promise.race([
      page
        .evaluate(
          (key) => `${location.href} (${document.readyState}); the hook: ${sessionStorage.getItem(key) ?? 'nothing'}`,
          HOOK_NOTE_KEY,
        )
        .catch(() => 'unknown'),
      pause(ASK_LIMIT_MS).then(() => 'no answer'),
    ]);
    const open = await Promise.all((await page.browser().pages()).map((other) => askAddress(other, '?', '…')));
    throw new Error(`${(error as Error).message}; the marked page: ${state}; all tabs: ${JSON.stringify(open)}`, { cause: error });
  }
}

/** How long a kept tab may stay where it is once its marked page has loaded, before the hook is taken to have failed. */
const HOLDER_LIMIT_MS = 30_000;

/** `holder` once its address satisfies `wanted`; waits while the e2e hook loads the Gloss page there. */
async function becomes(holder: Page, wanted: (href: string) => boolean, signal: AbortSignal): Promise<Page> {
  const deadline = Date.now() + HOLDER_LIMIT_MS;
  let href = '';
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    // Asked mid-navigation, a page may not answer at all: ask again rather than wait.
    href = await askAddress(holder, href, href);
    if (wanted(href)) return holder;
    await pause(200);
  }
  throw new Error(`the kept tab never showed the expected Gloss page in ${HOLDER_LIMIT_MS / 1000} s (it shows ${href})`);
}

/**
 * Loads `url` with `mark` in a new tab, and returns it with the Gloss page the e2e hook opens for it
 * (`wanted`). The hook opens that page in a tab the harness opened first and keeps ready, never in a new one:
 * Puppeteer over BiDi now and then never hears of a tab the extension creates (CI runs failed so, with the
 * hook's notes saying "opened"). The kept tab's address carries the marked address in base64url, naming no
 * mark. Builds from before the kept tabs (the bench's baseline) still open a new tab: it is looked for too.
 */
async function openMarked(
  browser: Browser,
  url: string,
  mark: string,
  wanted: (href: string) => boolean,
): Promise<{ page: Page; found: Page }> {
  // The mark's value stays the same: the page's address is its key in Gloss's store, the same on every visit.
  const marked = new URL(url);
  marked.searchParams.set(mark, '1');
  const holder = await browser.newPage();
  const kept = new URLSearchParams({ [HOLDER_PARAMETER]: Buffer.from(marked.href).toString('base64url') });
  await holder.goto(`${new URL('/gloss-e2e-holder', url).href}?${kept}`);
  const page = await browser.newPage();
  const known = new Set(await browser.pages());
  await page.goto(marked.href);
  const stop = new AbortController();
  const found = Promise.any([becomes(holder, wanted, stop.signal), findPage(browser, wanted, known, HOLDER_LIMIT_MS, stop.signal)]).catch(
    (error: AggregateError) => {
      throw new Error(error.errors.map((each: Error) => each.message).join('; and '));
    },
  );
  try {
    return { page, found: await sayingPageState(page, found) };
  } finally {
    stop.abort();
  }
}

/** Starts Firefox ESR over WebDriver BiDi with the e2e build of Gloss installed as a temporary add-on. */
export async function launchFirefoxWithGloss(
  options: {
    headed?: boolean;
    extensionDir?: string;
    /** Extra Firefox preferences (e.g. a dark colour scheme). */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<FirefoxSession> {
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'gloss-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'network.proxy.type': 0,
      'browser.shell.checkDefaultBrowser': false,
      // Optional permissions (sync's data-collection consent) are granted without Firefox's prompt, as a
      // person pressing "Allow" would; headless Firefox cannot show the prompt's panel to click.
      'extensions.webextOptionalPermissionPrompts': false,
      // Firefox keeps extensions off these hosts (addons.mozilla.org and friends). Adding "localhost"
      // gives tests a page Gloss is not allowed to run on, served by the local fixture server.
      'extensions.webextensions.restrictedDomains': `${RESTRICTED_TEST_HOST},addons.mozilla.org,accounts-static.cdn.mozilla.net`,
      // Downloads go straight to a folder the test reads, as for a user who never set "always ask".
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir ?? FIREFOX_E2E_BUILD);
  // Gloss opens its welcome page on install, in front: close it, so tests act on the tab they open. It is
  // also the sign that the background has started: its e2e hooks (which open the popup for a marked page)
  // listen from the same start, and a page loaded before that would wait in vain. On a loaded machine the
  // background took over 5 s to start, so this waits up to WELCOME_LIMIT_MS of quiet.
  const welcome = await findPage(
    browser,
    (href) => href.startsWith('moz-extension://') && href.endsWith('/welcome.html'),
    new Set(),
    WELCOME_LIMIT_MS,
  ).catch(() => null);
  await welcome?.close();
  return {
    browser,
    async openWithPopup(url) {
      const { page, found: popup } = await openMarked(
        browser,
        url,
        OPEN_POPUP_PARAMETER,
        (href) => href.startsWith('moz-extension://') && href.includes('/popup.html'),
      );
      await popup.setViewport({ width: 380, height: 600 });
      return { page, popup };
    },
    async openWithSidePanel(url) {
      const page = await browser.newPage();
      // A page left open by an earlier test must not be taken for this one's.
      const known = new Set(await browser.pages());
      const marked = new URL(url);
      marked.searchParams.set(OPEN_SIDE_PANEL_PARAMETER, '1');
      await page.goto(marked.href);
      // A window of its own, as the sidebar would be: there is no tab to keep ready for it.
      const panel = await sayingPageState(
        page,
        findPage(browser, (href) => href.startsWith('moz-extension://') && href.includes('/sidepanel.html'), known),
      );
      await panel.setViewport({ width: 400, height: 900 });
      return { page, panel };
    },
    async openLibrary(popup) {
      const known = await browser.pages();
      const isLibrary = (href: string) => href.startsWith('moz-extension://') && href.includes('/library.html');
      const addresses = await Promise.all(known.map((page) => askAddress(page, '', '')));
      const open = known.filter((page, i) => !page.isClosed() && isLibrary(addresses[i]));
      // With a library open, Open library brings that one forward instead of opening another (library-channel.ts).
      if (open.length > 1) throw new Error(`openLibrary: ${open.length} library tabs are open; the button would bring one of them forward`);
      // The button appears once the popup has read the page.
      await popup.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Open library'), {
        timeout: 15_000,
      });
      await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open library')!.click());
      if (open.length === 1) return open[0];
      return findPage(browser, isLibrary, new Set(known));
    },
    async openSettings(fromUrl) {
      const { page, found: settings } = await openMarked(
        browser,
        fromUrl,
        OPEN_SETTINGS_PARAMETER,
        (href) => href.startsWith('moz-extension://') && href.includes('/settings.html'),
      );
      await page.close();
      return settings;
    },
    downloadDir,
    close: () => browser.close(),
  };
}
