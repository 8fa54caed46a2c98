import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../harness/paths';

// Headless Chromium with nothing running in the background; every host except 127.0.0.1 fails to resolve.
const BENCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * Aborts every request not for 127.0.0.1 (the fixture server), and serves documents cross-origin isolated:
 * that sharpens performance.now() from 100 µs to 5 µs steps.
 */
export async function offlineAndIsolated(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (new URL(request.url()).hostname !== '127.0.0.1') return route.abort('blockedbyclient');
    if (request.resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), ...ISOLATION_HEADERS } });
  });
}

export interface BenchBrowser {
  version: string;
  /** Opens `url` in a fresh tab with page scripts off, evaluates `bundle` in it, and returns the tab. */
  open: (url: string, bundle: string) => Promise<Page>;
  close: () => Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BENCH_FLAGS });
  // The fixtures' own scripts stay off so they cannot disturb timing. page.evaluate still runs with
  // javaScriptEnabled: false (it goes through DevTools); addScriptTag would not.
  const context: BrowserContext = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1200, height: 900 },
  });
  await offlineAndIsolated(context);
  return {
    version: browser.version(),
    async open(url, bundle) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error(`${url} is not cross-origin isolated`);
      await page.evaluate(bundle);
      return page;
    },
    close: () => browser.close(),
  };
}
