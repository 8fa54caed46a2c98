import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromiumWithGloss } from '../../harness/chromium';

const profile = mkdtempSync(path.join(tmpdir(), 'gloss-welcome-profile-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const welcomePages = (context: BrowserContext) => context.pages().filter((page) => page.url().endsWith('/welcome.html'));

describe('Chromium: the welcome page', () => {
  it('opens once on a fresh profile, says how to highlight, and does not open again after a restart', async () => {
    const first = await launchChromiumWithGloss({ userDataDir: profile, keepWelcome: true });
    try {
      await expect.poll(() => welcomePages(first.context).length, { timeout: 10_000 }).toBe(1);
      const welcome = welcomePages(first.context)[0];
      await welcome.getByRole('heading', { name: 'Welcome to Gloss', level: 1 }).waitFor();
      expect(await welcome.getByRole('region', { name: 'Highlight a passage' }).textContent()).toContain('Alt+Shift+H');
      await welcome.getByRole('region', { name: 'Pause Gloss on a site' }).waitFor();
    } finally {
      await first.close();
    }

    const again = await launchChromiumWithGloss({ userDataDir: profile, keepWelcome: true });
    try {
      // The background has started (the session waits for it); give an install-time tab time to appear.
      await again.serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
      expect(welcomePages(again.context)).toHaveLength(0);
      // The library opens it again from its menu.
      const library = await again.context.newPage();
      await library.goto(`chrome-extension://${again.extensionId}/library.html`);
      const [opened] = await Promise.all([
        again.context.waitForEvent('page'),
        library.getByRole('link', { name: 'Welcome and tips' }).click(),
      ]);
      await opened.waitForLoadState();
      expect(opened.url()).toBe(`chrome-extension://${again.extensionId}/welcome.html`);
    } finally {
      await again.close();
    }
  });
});
