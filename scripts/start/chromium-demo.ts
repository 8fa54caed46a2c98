import path from 'node:path';
import { launchChromiumWithGloss } from '../../harness/chromium';
import type { AnalyzeTabResult } from '../../lib/messaging/contract';
import { DEMO_OUTPUT_DIR, writeDemoOutput } from './demo-output';
import { storeScreenshotsDir, writeStoreScreenshots } from './store-screenshots';

/**
 * Opens the sample in Chromium with Gloss. Headed: stays open until closed. Headless: writes demo-output/
 * (or `outputDir`, which the demo's end-to-end test gives), then highlights, takes a note and opens the
 * popup and library for the store screenshots (its store/ folder).
 */
export async function runChromiumDemo(sampleUrl: string, headed: boolean, outputDir = DEMO_OUTPUT_DIR): Promise<void> {
  const session = await launchChromiumWithGloss({ headed });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(sampleUrl);
  const popup = await session.openPopupFor(page);
  await popup.getByRole('navigation', { name: 'Outline' }).waitFor();
  await popup.getByText('Loading highlights…').waitFor({ state: 'detached' });
  await popup.locator('section.entities[aria-busy="false"]').waitFor();
  if (headed) {
    await page.bringToFront();
    console.log('\nChromium is open on the sample article with Gloss loaded.');
    console.log('Click the Gloss icon (in the puzzle-piece menu; pin it for quick access). The second tab shows');
    console.log('the same panel for the article tab. Close the browser window to stop.');
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    return;
  }
  const tabId = await session.tabIdOf(page);
  const data = (await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'analyze-tab', tabId: id }), tabId)) as AnalyzeTabResult;
  try {
    await writeDemoOutput(page, popup, data, outputDir);
    await popup.close();
    const shots = await writeStoreScreenshots(session, page, outputDir);
    console.log(
      `\nWrote the store screenshots (1280×800) to ${path.relative(process.cwd(), storeScreenshotsDir(outputDir))}/: ${shots.join(', ')}.`,
    );
  } finally {
    await session.close();
  }
}
