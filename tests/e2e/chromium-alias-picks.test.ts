import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';

const WAIT = { timeout: 15_000 };

const env = useChromium();

async function download(popup: Page, button: string): Promise<string> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('Chromium: a name that may mean several actors', () => {
  it('names every candidate; a pick made with the keyboard changes the list, the details and the exports, and can be cleared', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('ambiguous-alias.html?case=alias-pick'));
    let popup = await env.session.openPopupFor(page);
    let entities = popup.getByRole('region', { name: 'Entities' });
    const actors = () => entities.getByRole('group', { name: 'Threat actors' });

    // Gloss's own choice first: the name is APT28's and APT29's in the shipped data.
    await actors().getByRole('button', { name: 'Grizzly Steppe → APT28 (2)' }).click();
    const question = entities.getByRole('radiogroup', { name: 'Which actor does “Grizzly Steppe” mean?' });
    const apt28 = question.getByRole('radio', { name: 'APT28' });
    const apt29 = question.getByRole('radio', { name: 'APT29' });
    await expect.poll(() => apt28.isChecked(), WAIT).toBe(true);
    expect(await apt29.isChecked()).toBe(false);
    const why = entities.locator('.entity-why');
    await expect
      .poll(() => why.textContent(), WAIT)
      .toContain(
        '“Grizzly Steppe” may mean APT28 (another name for it; MITRE ATT&CK, MISP galaxy, Microsoft naming map) or APT29 (another name for it; MITRE ATT&CK, MISP galaxy, Microsoft naming map); Gloss took APT28',
      );

    // With the keyboard: arrow to APT29, tab to "Use APT29 on this page", press Enter.
    await apt28.focus();
    await popup.keyboard.press('ArrowDown');
    expect(await apt29.isChecked()).toBe(true);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Use APT29 on this page');
    await popup.keyboard.press('Enter');
    await expect.poll(() => entities.getByText('“Grizzly Steppe” now means APT29 on this page.').count(), WAIT).toBe(1);
    const picked = actors().getByRole('button', { name: 'Grizzly Steppe → APT29 (2)' });
    await expect.poll(() => picked.getAttribute('aria-expanded'), WAIT).toBe('true');
    expect(await actors().getByRole('button', { name: /APT28/ }).count()).toBe(0);
    expect(await popup.locator(`[id="${await picked.getAttribute('aria-describedby')}"]`).textContent()).toBe(
      'Resolved to APT29, Picked by you',
    );
    await expect.poll(() => why.textContent(), WAIT).toContain('you picked APT29 for this page');
    // Focus stays in the picker, on the actor now in force.
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('APT29');

    // Confirmed, the picked actor reaches the STIX bundle; the Markdown note names it with its other names.
    await entities.getByRole('button', { name: 'Confirm threat actor' }).click();
    await expect.poll(() => entities.getByText('Confirmed Grizzly Steppe as a threat actor.').count(), WAIT).toBe(1);
    let markdown = await download(popup, 'Export Markdown');
    expect(markdown).toMatch(
      /## Threat actors\n\n- \*\*APT29\*\* \(\[G0016\]\(https:\/\/attack\.mitre\.org\/groups\/G0016\/\)\): also known as [^\n]*Midnight Blizzard/,
    );
    expect(markdown).not.toContain('APT28');
    const bundle = JSON.parse(await download(popup, 'Export STIX')) as { objects: { type: string; name?: string; aliases?: string[] }[] };
    const sets = bundle.objects.filter((o) => o.type === 'intrusion-set');
    expect(sets.map((o) => o.name)).toEqual(['APT29']);
    expect(sets[0].aliases).toEqual(expect.arrayContaining(['Grizzly Steppe', 'Midnight Blizzard']));
    await popup.close();

    // A new popup keeps the pick; clearing it gives Gloss's choice back, and the confirmation stays with APT29.
    popup = await env.session.openPopupFor(page);
    entities = popup.getByRole('region', { name: 'Entities' });
    await actors().getByRole('button', { name: 'Grizzly Steppe → APT29 (2)' }).click();
    await entities.getByRole('button', { name: 'Clear the pick on this page' }).click();
    await expect.poll(() => entities.getByText('Cleared your pick for “Grizzly Steppe” on this page.').count(), WAIT).toBe(1);
    await expect.poll(() => actors().getByRole('button', { name: 'Grizzly Steppe → APT28 (2)' }).count(), WAIT).toBe(1);
    markdown = await download(popup, 'Export Markdown');
    expect(markdown).toContain('- **APT28** ([G0007](https://attack.mitre.org/groups/G0007/))');
    await popup.close();
    await page.close();
  });
});
