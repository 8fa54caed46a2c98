import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { selectTextScript } from './support/page-selection';

const WAIT = { timeout: 15_000 };
const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

const env = useChromium();

describe('Chromium: confirming and tagging every kind of entity', () => {
  it('confirms malware, an indicator, an organisation and a place, tags selected text as malware, and all reach the STIX and Markdown exports', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('ioc-report.html?case=entity-kinds'));
    let popup = await env.session.openPopupFor(page);
    let entities = popup.getByRole('region', { name: 'Entities' });

    // Malware: confirm it.
    await entities
      .getByRole('group', { name: 'Malware' })
      .getByRole('button', { name: /^Emotet \(\d+\)$/ })
      .click();
    await entities.getByRole('button', { name: 'Confirm malware' }).click();
    await expect.poll(() => entities.getByText('Confirmed Emotet as malware.').count(), WAIT).toBe(1);

    // An indicator: its type is shown and part of its name, its rejection has its article, and it can be confirmed.
    const indicators = entities.getByRole('group', { name: 'Indicators' });
    expect(await indicators.getByRole('button', { name: `${HASH} SHA-256 (1)` }).count()).toBe(1);
    const address = indicators.getByRole('button', { name: '203.0.113.77 IPv4 address · documentation address (1)' });
    await address.click();
    await expect.poll(() => entities.getByRole('button', { name: 'Not an indicator' }).count(), WAIT).toBe(1);
    await entities.getByRole('button', { name: 'Confirm indicator' }).click();
    await expect.poll(() => entities.getByText('Confirmed 203.0.113.77 as an indicator.').count(), WAIT).toBe(1);
    await expect
      .poll(async () => popup.locator(`[id="${await address.getAttribute('aria-describedby')}"]`).textContent(), WAIT)
      .toBe('Confirmed by you');

    // The company that reported it and the state the victims are in: context a researcher keeps too.
    await entities
      .getByRole('group', { name: 'Organizations' })
      .getByRole('button', { name: /^Proofpoint \(\d+\)$/ })
      .click();
    await entities.getByRole('button', { name: 'Confirm organization' }).click();
    await expect.poll(() => entities.getByText('Confirmed Proofpoint as an organization.').count(), WAIT).toBe(1);
    await entities
      .getByRole('group', { name: 'Places' })
      .getByRole('button', { name: /^Texas \(\d+\)$/ })
      .click();
    await entities.getByRole('button', { name: 'Confirm place' }).click();
    await expect.poll(() => entities.getByText('Confirmed Texas as a place.').count(), WAIT).toBe(1);
    await popup.close();

    // Selected text, tagged as malware: a name no list has.
    await page.evaluate(selectTextScript('GoldLoader', 'GoldLoader'));
    popup = await env.session.openPopupFor(page);
    entities = popup.getByRole('region', { name: 'Entities' });
    await entities.getByRole('button', { name: 'Tag selected text…' }).click();
    await entities.getByLabel('Tag as').selectOption('malware');
    const form = entities.getByRole('form', { name: 'Tag as malware' });
    expect(await form.getByRole('textbox', { name: 'Selected text' }).inputValue()).toBe('GoldLoader');
    await form.getByRole('button', { name: 'Tag' }).click();
    await expect.poll(() => entities.getByText('Tagged “GoldLoader” as malware.').count(), WAIT).toBe(1);
    const gold = entities.getByRole('group', { name: 'Malware' }).getByRole('button', { name: 'GoldLoader (3)' });
    await expect.poll(() => gold.count(), WAIT).toBe(1);
    expect(await popup.locator(`[id="${await gold.getAttribute('aria-describedby')}"]`).textContent()).toBe('Confirmed by you');

    const [stixDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export STIX' }).click()]);
    const bundle = JSON.parse(readFileSync((await stixDownload.path())!, 'utf8')) as { objects: Record<string, unknown>[] };
    const named = (type: string) => bundle.objects.filter((o) => o.type === type).map((o) => o.name);
    expect(named('malware').sort()).toEqual(['Emotet', 'GoldLoader']);
    expect(bundle.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern)).toEqual(["[ipv4-addr:value = '203.0.113.77']"]);
    expect(bundle.objects.filter((o) => o.type === 'identity')).toMatchObject([{ name: 'Proofpoint', identity_class: 'organization' }]);
    expect(bundle.objects.filter((o) => o.type === 'location')).toMatchObject([
      { name: 'Texas', country: 'US', administrative_area: 'Texas' },
    ]);
    const [report] = bundle.objects.filter((o) => o.type === 'report') as { object_refs: string[] }[];
    expect(report.object_refs).toHaveLength(5);

    const [markdownDownload] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
    expect(markdown).toContain('## Malware\n\n- **Emotet** ([S0367](https://attack.mitre.org/software/S0367/))\n- **GoldLoader**');
    expect(markdown).toContain('## Indicators\n\n- `203[.]0[.]113[.]77` (IPv4 address)');
    expect(markdown).toContain('## Organizations\n\n- **Proofpoint**\n\n## Places\n\n- **Texas**\n');
    await popup.close();

    // The library's export of everything asks the background where each confirmed place is.
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    await expect.poll(() => library.locator('.page-card h2').allTextContents(), WAIT).toContain('GoldLoader spreads through fake invoices');
    const [libraryDownload] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export STIX' }).click(),
    ]);
    const everything = JSON.parse(readFileSync((await libraryDownload.path())!, 'utf8')) as { objects: Record<string, unknown>[] };
    expect(everything.objects.filter((o) => o.type === 'location')).toMatchObject([{ name: 'Texas', country: 'US' }]);
    expect(everything.objects.filter((o) => o.type === 'identity').map((o) => o.name)).toEqual(['Proofpoint']);
    await library.close();
    await page.close();
  });

  it('keyboard only: says why an indicator is there, confirms and rejects with Enter, and the focus stays in the list, visibly', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('ioc-report.html?case=entity-keyboard'));
    const popup = await env.session.openPopupFor(page);
    const entities = popup.getByRole('region', { name: 'Entities' });
    await entities.getByRole('button', { name: '203.0.113.77 IPv4 address · documentation address (1)' }).waitFor(WAIT);
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
          ring: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    const tabTo = async (name: string) => {
      for (let i = 0; i < 80 && (await focused()).name !== name; i++) await popup.keyboard.press('Tab');
      expect((await focused()).name).toBe(name);
    };

    await tabTo('203.0.113.77 IPv4 address · documentation address (1)');
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => entities.locator('.entity-why li').allTextContents(), WAIT)
      .toEqual([
        'An IPv4 address in the article text (IP addresses count as indicators, unless a MISP warninglist holds them)',
        'On a MISP warninglist as an IPv4 documentation address (RFC 5737): shown because the text presents it as an indicator here, but not reported as malicious unless you confirm it',
      ]);
    await tabTo('Confirm indicator');
    await popup.keyboard.press('Enter');
    await expect.poll(() => entities.getByText('Confirmed 203.0.113.77 as an indicator.').count(), WAIT).toBe(1);
    // The button pressed is gone; the focus is on the one in its place, with the accent ring.
    await expect.poll(async () => (await focused()).name, WAIT).toBe('Undo confirmation');
    expect((await focused()).ring).toBe('solid 2px');

    await tabTo('Not an indicator');
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => entities.getByRole('button', { name: '203.0.113.77 IPv4 address · documentation address (1)' }).count(), WAIT)
      .toBe(0);
    await expect.poll(async () => (await focused()).name, WAIT).toMatch(/ \(1\)$/);

    // The list's own controls show the same ring as the buttons, in place of the browser's thin line.
    await tabTo('Defanged (evil[.]com)Refanged (evil.com)');
    expect((await focused()).ring).toBe('solid 2px');
    await popup.close();
    await page.close();
  });

  it('downloads the page’s indicators as CSV, defanged, with type and sentence, and copies them refanged as text', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('ioc-report.html?case=indicator-export'));
    const popup = await env.session.openPopupFor(page);
    const box = popup.getByRole('group', { name: 'Export indicators' });
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      box.getByRole('button', { name: 'Download indicators' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('GoldLoader spreads through fake invoices.indicators.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('"indicator","type","context","mentions","warninglist"');
    expect(csv).toContain(
      '"cdn-invoice-check[.]com","Domain","Emotet then beacons to its C2 server at cdn-invoice-check[.]com and to 203[.]0[.]113[.]77 over HTTPS.","1",""',
    );
    expect(csv).toContain(
      '"203[.]0[.]113[.]77","IPv4 address","Emotet then beacons to its C2 server at cdn-invoice-check[.]com and to 203[.]0[.]113[.]77 over HTTPS.","1","documentation address"',
    );
    expect(csv).toContain(`"${HASH}","SHA-256","The attachment's SHA-256 is ${HASH}, and the operators reused it for weeks.","1",""`);

    await box.getByLabel('Indicators as').selectOption('refanged');
    await box.getByLabel('File format').selectOption('text');
    await box.getByRole('button', { name: 'Copy indicators' }).click();
    await expect.poll(() => box.getByRole('status').textContent(), WAIT).toMatch(/^Copied \d+ indicators, refanged\.$/);
    // What was copied, pasted back as a person would: into a text field, with the keyboard.
    const pasted = await popup.evaluate(() => {
      const field = document.createElement('textarea');
      field.id = 'paste-check';
      document.body.append(field);
      field.focus();
      return document.activeElement === field;
    });
    expect(pasted).toBe(true);
    await popup.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => popup.locator('#paste-check').inputValue(), WAIT).not.toBe('');
    const copied = await popup.locator('#paste-check').inputValue();
    expect(copied.split('\n')).toContain(
      'cdn-invoice-check.com\tDomain\tEmotet then beacons to its C2 server at cdn-invoice-check.com and to 203.0.113.77 over HTTPS.',
    );
    await popup.close();
    await page.close();
  });
});
