import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The id Chrome gives the tab showing `page`, for `popup.html?tab=<id>`. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Opens the popup as a tab, describing the tab of `target`; `extraQuery` is added to its address (for a test's init script). */
  openPopupFor: (target: Page, extraQuery?: string) => Promise<Page>;
  close: () => Promise<void>;
}

// Without these, Chromium keeps trying to reach Google's services, which this network refuses.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  // The real pages refer to assets on the web; fail those lookups at once instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** How long a fresh profile may take to open Gloss's welcome page after the extension starts. */
const WELCOME_WAIT_MS = 5_000;
/** How long a tab may take to report its address to the extension before `tabIdOf` gives up. */
const TAB_ADDRESS_LIMIT_MS = 10_000;

/**
 * Closes the welcome page Gloss opens on first install: it comes to the front, and a page left behind
 * it gets no animation frames, so tests and the demo would act on a tab in the background.
 */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Gives one tab a viewport of its own size (the popup's, the side panel's) without shrinking the
 * window. Playwright's setViewportSize also resizes the window, which every tab of this browser shares:
 * the other tabs would keep drawing at 1200×900 inside a smaller window, and Chrome routes no click to a
 * cross-origin frame (Gloss's in-page UI) drawn outside the real window, so the click falls through to the
 * page. A person's popup or side panel never resizes the window of the page beside it.
 */
export async function setTabViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId, bounds } = await cdp.send('Browser.getWindowForTarget');
    await page.setViewportSize(size);
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width: bounds.width, height: bounds.height } });
  } finally {
    await cdp.detach();
  }
}

/** Starts Chromium with the built extension loaded; headless unless `headed`. */
export async function launchChromiumWithGloss(
  options: { headed?: boolean; extensionDir?: string; userDataDir?: string; keepWelcome?: boolean } = {},
): Promise<ChromiumSession> {
  const dir = options.extensionDir ?? CHROME_BUILD;
  // '' is a fresh temporary profile; a folder keeps the profile across launches (a browser restart).
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    viewport: { width: 1200, height: 900 },
    args: [...(options.headed ? [] : ['--headless=new']), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...QUIET_FLAGS],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.keepWelcome) await closeWelcome(context);

  // A tab that has just opened can report its address to the extension a moment after Playwright knows it.
  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const deadline = Date.now() + TAB_ADDRESS_LIMIT_MS;
    for (;;) {
      const id = await serviceWorker.evaluate(async (pageUrl) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === pageUrl || tab.pendingUrl === pageUrl)?.id ?? null;
      }, url);
      if (id !== null) return id;
      if (Date.now() > deadline) throw new Error(`no tab shows ${url} after ${TAB_ADDRESS_LIMIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    context,
    extensionId,
    serviceWorker,
    tabIdOf,
    async openPopupFor(target, extraQuery) {
      const tabId = await tabIdOf(target);
      const popup = await context.newPage();
      await setTabViewport(popup, { width: 380, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}${extraQuery ? `&${extraQuery}` : ''}`);
      return popup;
    },
    close: () => context.close(),
  };
}
