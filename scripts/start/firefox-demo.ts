import { launchFirefoxWithGloss } from '../../harness/firefox';
import { FIREFOX_BUILD, FIREFOX_E2E_BUILD } from '../../harness/paths';
import type { AnalyzeTabResult } from '../../lib/messaging/contract';
import { writeDemoOutput } from './demo-output';

/**
 * Opens the sample in Firefox ESR with Gloss installed as a temporary add-on. Headed: the normal
 * build, open until closed. Headless: the e2e build, which can open its popup as a tab for screenshots.
 */
export async function runFirefoxDemo(sampleUrl: string, headed: boolean): Promise<void> {
  const session = await launchFirefoxWithGloss({ headed, extensionDir: headed ? FIREFOX_BUILD : FIREFOX_E2E_BUILD });
  if (headed) {
    const page = await session.browser.newPage();
    await page.goto(sampleUrl);
    console.log('\nFirefox is open on the sample article with Gloss installed.');
    console.log('Click the Gloss icon in the toolbar (or the puzzle-piece menu). Close the window to stop.');
    await new Promise<void>((resolve) => session.browser.on('disconnected', () => resolve()));
    return;
  }
  const { page, popup } = await session.openWithPopup(sampleUrl);
  await popup.waitForSelector('nav[aria-label="Outline"] a');
  await popup.waitForFunction(() => !document.body.textContent?.includes('Loading highlights'), { timeout: 10_000 });
  await popup.waitForSelector('section.entities[aria-busy="false"]', { timeout: 10_000 });
  await page.bringToFront();
  const data = (await popup.evaluate(() => {
    const tabId = Number(new URLSearchParams(location.search).get('tab'));
    return browser.runtime.sendMessage({ type: 'analyze-tab', tabId });
  })) as AnalyzeTabResult;
  await writeDemoOutput(page, popup, data);
  await session.close();
}
