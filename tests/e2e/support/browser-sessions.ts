import { afterAll, beforeAll } from 'vitest';
import { launchChromiumWithGloss, type ChromiumSession } from '../../../harness/chromium';
import { launchFirefoxWithGloss, type FirefoxSession } from '../../../harness/firefox';
import { startFixtureServer, type FixtureServer } from '../../../harness/fixture-server';
import { FIXTURES_DIR } from '../../../harness/paths';

export interface BrowserEnvironment<S> {
  server: FixtureServer;
  session: S;
}

/** Starts the fixture server and a browser with Gloss before a test file's tests; stops both after. */
function useBrowser<S extends { close: () => Promise<void> }>(launch: () => Promise<S>): BrowserEnvironment<S> {
  const environment = {} as BrowserEnvironment<S>;
  beforeAll(async () => {
    environment.server = await startFixtureServer(FIXTURES_DIR);
    environment.session = await launch();
  });
  afterAll(async () => {
    await environment.session?.close();
    await environment.server?.close();
  });
  return environment;
}

export const useChromium = (): BrowserEnvironment<ChromiumSession> => useBrowser(() => launchChromiumWithGloss());
/** `prefs`: extra Firefox preferences for the whole file's session (a dark colour scheme, say). */
export const useFirefox = (prefs?: Record<string, unknown>): BrowserEnvironment<FirefoxSession> =>
  useBrowser(() => launchFirefoxWithGloss({ prefs }));
