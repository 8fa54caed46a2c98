import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { downloaded } from './support/firefox-downloads';
import { clickButton } from './support/firefox-gloss-ui';
import { ENTITY_MARKS_SCRIPT, PAGE_MARKUP_SCRIPT } from './support/entity-marks';
import { selectTextScript } from './support/page-selection';

type Marks = Record<string, { text: string; inArticle: boolean; top: number }[]>;

const WAIT = { timeout: 10_000 };

const env = useFirefox();

/**
 * One step of a path through the popup by role and accessible name, the way a screen reader sees it:
 * the name is aria-label, else the text of the aria-labelledby elements, else a field's labels, else
 * the element's text (less what is aria-hidden). A pattern is passed as its source, because only JSON crosses into the page.
 */
type Role = 'region' | 'group' | 'button' | 'form' | 'textbox' | 'combobox' | 'radiogroup' | 'radio';
type Step = { role: Role; name: string } | { role: Role; pattern: string };

/**
 * Runs in the popup: the visible elements matching the last step, inside the first match of each step
 * before it; their number, their accessible names, or the one element when there is exactly one (else
 * null, to keep waiting).
 */
function findByRole(path: Step[], want: 'count' | 'names' | 'one'): number | string[] | Element | null {
  const textOf = (element: Element) => {
    let text = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.nodeValue;
    return text.replace(/\s+/g, ' ').trim();
  };
  const nameOf = (element: Element) => {
    const label = element.getAttribute('aria-label');
    if (label !== null) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id) ?? document.createElement('i')))
        .join(' ')
        .trim();
    const labels = element instanceof HTMLInputElement ? element.labels : null;
    if (labels && labels.length > 0) return [...labels].map(textOf).join(' ').trim();
    return textOf(element);
  };
  const roleOf = (element: Element) => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit;
    if (element.tagName === 'BUTTON') return 'button';
    if (element instanceof HTMLInputElement && element.type === 'radio') return 'radio';
    // A text field with a suggestion list is a combobox; without one, a textbox.
    if (element instanceof HTMLInputElement && ['text', 'search', ''].includes(element.getAttribute('type') ?? '')) {
      return element.hasAttribute('list') ? 'combobox' : 'textbox';
    }
    const named = element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
    if (element.tagName === 'FORM' && named) return 'form';
    return element.tagName === 'SECTION' && named ? 'region' : null;
  };
  const matches = (element: Element, step: Step) =>
    roleOf(element) === step.role &&
    element.checkVisibility() &&
    ('name' in step ? nameOf(element) === step.name : new RegExp(step.pattern).test(nameOf(element)));
  let scope: Element[] = [document.documentElement];
  for (const step of path) {
    const within = scope[0];
    scope = within ? [...within.querySelectorAll('*')].filter((element) => matches(element, step)) : [];
  }
  if (want === 'count') return scope.length;
  if (want === 'names') return scope.map(nameOf);
  return scope.length === 1 ? scope[0] : null;
}

const countByRole = (popup: Page, ...path: Step[]) => popup.evaluate(findByRole, path, 'count' as const);
const namesByRole = (popup: Page, ...path: Step[]) => popup.evaluate(findByRole, path, 'names' as const) as Promise<string[]>;

/** Waits for exactly one element at the end of `path` and returns it. */
async function getByRole(popup: Page, ...path: Step[]): Promise<ElementHandle<Element>> {
  // Poll on a timer, not on animation frames, which Firefox throttles in background tabs.
  const handle = await popup.waitForFunction(findByRole, { ...WAIT, polling: 100 }, path, 'one' as const);
  const element = handle.asElement();
  if (!element) throw new Error(`no element at ${JSON.stringify(path)}`);
  return element as ElementHandle<Element>;
}

const ENTITIES: Step = { role: 'region', name: 'Entities' };
const ACTORS: Step = { role: 'group', name: 'Threat actors' };
const STORM: Step = { role: 'button', name: 'Storm-1152 (17)' };
const OCTO: Step = { role: 'button', pattern: '^Octo Tempest → Scattered Spider \\(\\d+\\)$' };
const ANY_OCTO: Step = { role: 'button', pattern: '^Octo Tempest' };
const ANY_BUTTON: Step = { role: 'button', pattern: '' };
const button = (name: string): Step => ({ role: 'button', name });

/** The texts of the popup's live status messages. */
const statuses = (popup: Page) =>
  popup.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

const marksIn = (page: Page) => page.evaluate(ENTITY_MARKS_SCRIPT) as Promise<Marks>;

/** The text of the element that describes `element` (aria-describedby), or null. */
const descriptionOf = (element: ElementHandle<Element>) =>
  element.evaluate((e) => {
    const id = e.getAttribute('aria-describedby');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

/**
 * Opens the page with the popup for its tab, and brings the popup's tab to the front: WebDriver BiDi's
 * input actions wait for animation frames, which Firefox throttles in background tabs, so a real click
 * there takes seconds. The page keeps running in its background tab.
 */
async function openPageWithPopup(path: string): Promise<{ page: Page; popup: Page }> {
  const opened = await env.session.openWithPopup(env.server.url(path));
  await opened.popup.bringToFront();
  return opened;
}

/** The sample article with its popup (see openPageWithPopup). */
const openWithPopup = (query: string) => openPageWithPopup(`storm-1152.html?case=${query}`);

/**
 * Closes the page and its popup when the test ends, also when it fails: the harness finds a new popup
 * by its address alone, so one left open by a failed test would stand in for the next test's popup.
 */
function closeWhenDone({ page, popup }: { page: Page; popup: Page }): void {
  onTestFinished(async () => {
    for (const opened of [popup, page]) if (!opened.isClosed()) await opened.close();
  });
}

/** Reloads the popup (still `popup.html?tab=<id>`, the same tab): a fresh popup, as if opened again. */
async function reopenPopup(popup: Page): Promise<void> {
  const started = await popup.evaluate(() => performance.timeOrigin);
  await popup.evaluate(() => location.reload());
  // The old document answers until the new one replaces it, and neither answers in between.
  await expect
    .poll(() => popup.evaluate(() => document.readyState === 'complete' && performance.timeOrigin).catch(() => false), WAIT)
    .not.toSatisfy((origin) => origin === false || origin === started);
}

describe('Firefox: a name that may mean several actors', () => {
  it('names every candidate in a radio group; picking one changes the list and reaches the Markdown export', async () => {
    const opened = await openPageWithPopup('ambiguous-alias.html?case=firefox-alias-pick');
    closeWhenDone(opened);
    const { popup } = opened;
    await (await getByRole(popup, ENTITIES, ACTORS, button('Grizzly Steppe → APT28 (2)'))).click();
    const question: Step = { role: 'radiogroup', name: 'Which actor does “Grizzly Steppe” mean?' };
    const apt28 = await getByRole(popup, ENTITIES, question, { role: 'radio', name: 'APT28' });
    expect(await apt28.evaluate((radio) => (radio as HTMLInputElement).checked)).toBe(true);
    await (await getByRole(popup, ENTITIES, question, { role: 'radio', name: 'APT29' })).click();
    await (await getByRole(popup, ENTITIES, button('Use APT29 on this page'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('“Grizzly Steppe” now means APT29 on this page.');
    const picked = await getByRole(popup, ENTITIES, ACTORS, button('Grizzly Steppe → APT29 (2)'));
    expect(await descriptionOf(picked)).toBe('Resolved to APT29, Picked by you');
    expect(await countByRole(popup, ENTITIES, ACTORS, { role: 'button', pattern: 'APT28' })).toBe(0);

    await (await getByRole(popup, button('Export Markdown'))).click();
    const markdown = readFileSync(await downloaded(env.session.downloadDir, 'election-season phishing.md'), 'utf8');
    expect(markdown).toContain('## Threat actors\n\n- **APT29** ([G0016](https://attack.mitre.org/groups/G0016/))');
    expect(markdown).not.toContain('APT28');
  });
});

describe('Firefox: entities on the sample article', () => {
  it('lists Storm-1152 (17), marks its mentions in the article only, steps through them, and unmarks exactly', async () => {
    const { page, popup } = await openWithPopup('entities-mark');
    const storm = await getByRole(popup, ENTITIES, ACTORS, STORM);
    const before = await page.evaluate(PAGE_MARKUP_SCRIPT);
    expect(await marksIn(page)).toEqual({});

    await storm.click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Mention 1 of 17');
    const marks = await marksIn(page);
    const actorMarks = marks['gloss-entity-threat-actor'];
    expect(actorMarks).toHaveLength(17);
    expect(actorMarks.every((mark) => mark.text === 'Storm-1152' && mark.inArticle)).toBe(true);
    expect(marks['gloss-entity-focus'].map((m) => m.top)).toEqual([actorMarks[0].top]);
    // The first two mentions are on different lines, so a moved focus shows in its position.
    expect(actorMarks[1].top).not.toBe(actorMarks[0].top);

    await (await getByRole(popup, ENTITIES, button('Next mention'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Mention 2 of 17');
    await expect.poll(async () => (await marksIn(page))['gloss-entity-focus']?.map((m) => m.top), WAIT).toEqual([actorMarks[1].top]);
    await (await getByRole(popup, ENTITIES, button('Previous mention'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Mention 1 of 17');
    await (await getByRole(popup, ENTITIES, button('Previous mention'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Mention 17 of 17');
    await expect.poll(async () => (await marksIn(page))['gloss-entity-focus']?.map((m) => m.top), WAIT).toEqual([actorMarks[16].top]);

    await storm.click();
    await expect.poll(async () => Object.keys(await marksIn(page)), WAIT).toEqual([]);
    expect(await page.evaluate(PAGE_MARKUP_SCRIPT)).toBe(before);
    await popup.close();
    await page.close();
  });

  it('keeps a confirmed and a rejected actor across a reload', async () => {
    const { page, popup } = await openWithPopup('entities-tag');

    await (await getByRole(popup, ENTITIES, ACTORS, STORM)).click();
    await (await getByRole(popup, ENTITIES, button('Confirm threat actor'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Confirmed Storm-1152 as a threat actor.');
    await expect
      .poll(
        () =>
          popup.evaluate(
            () =>
              [...document.querySelectorAll('button.entity-button')]
                .find((button) => button.querySelector('.entity-name')?.textContent === 'Storm-1152')
                ?.getAttribute('aria-describedby') ?? null,
          ),
        WAIT,
      )
      .toBeTruthy();

    await (await getByRole(popup, ENTITIES, ACTORS, OCTO)).click();
    const octoPanel: Step = { role: 'group', pattern: '^Octo Tempest details$' };
    await (await getByRole(popup, ENTITIES, octoPanel, button('Not a threat actor'))).click();
    await expect.poll(() => countByRole(popup, ENTITIES, ANY_OCTO), WAIT).toBe(0);

    await page.reload();
    expect(await marksIn(page)).toEqual({});
    await reopenPopup(popup);

    const storm = await getByRole(popup, ENTITIES, ACTORS, STORM);
    expect(await descriptionOf(storm)).toBe('Confirmed by you');
    expect(await countByRole(popup, ENTITIES, ANY_OCTO)).toBe(0);

    const summary = await popup.waitForFunction(
      () =>
        [...document.querySelectorAll('section.entities summary')].find((s) => s.textContent?.trim() === 'Rejected on this page (1)') ??
        null,
      { ...WAIT, polling: 100 },
    );
    await (summary.asElement() as ElementHandle<Element>).click();
    await getByRole(popup, ENTITIES, button('Undo rejection of Octo Tempest'));
    await popup.close();
    await page.close();
  });

  it('marks every entity by kind, turns the marks off again, and removes marks a closed popup left', async () => {
    const { page, popup } = await openWithPopup('ff-entities-mark-all');
    closeWhenDone({ page, popup });
    await getByRole(popup, ENTITIES, ACTORS, STORM);
    const actorNames = await namesByRole(popup, ENTITIES, ACTORS, ANY_BUTTON);
    const actorMentions = actorNames.reduce((sum, name) => sum + Number(/\((\d+)\)$/.exec(name)?.[1] ?? 0), 0);
    expect(actorMentions).toBeGreaterThanOrEqual(18);
    const markAll = await getByRole(popup, ENTITIES, button('Mark all entities'));
    const pressed = () => markAll.evaluate((element) => element.getAttribute('aria-pressed'));
    expect(await marksIn(page)).toEqual({});

    await markAll.click();
    await expect.poll(pressed, WAIT).toBe('true');
    await expect.poll(async () => (await marksIn(page))['gloss-entity-threat-actor']?.length, WAIT).toBe(actorMentions);
    const marks = await marksIn(page);
    expect(
      Object.values(marks)
        .flat()
        .every((mark) => mark.inArticle),
    ).toBe(true);
    expect(marks['gloss-entity-organization']?.map((m) => m.text)).toContain('Arkose Labs');

    await markAll.click();
    await expect.poll(async () => Object.keys(await marksIn(page)), WAIT).toEqual([]);
    expect(await pressed()).toBe('false');

    // Marks stay while the user reads; a later popup for the same tab offers to remove them.
    await markAll.click();
    await expect.poll(async () => Object.keys(await marksIn(page)).length, WAIT).toBeGreaterThan(1);
    await reopenPopup(popup);
    expect(Object.keys(await marksIn(page)).length).toBeGreaterThan(1);
    await (await getByRole(popup, ENTITIES, button('Remove marks'))).click();
    await expect.poll(async () => Object.keys(await marksIn(page)), WAIT).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('creates an actor from selected text and links another name to a known actor; later pages know both', async () => {
    const { page, popup } = await openPageWithPopup('new-actor.html?case=ff-new-actor');
    closeWhenDone({ page, popup });
    expect(await page.evaluate(selectTextScript('Crimson Heron', 'Crimson Heron'))).toBe('Crimson Heron');
    await reopenPopup(popup);
    await (await getByRole(popup, ENTITIES, button('Tag selected text…'))).click();
    const newActor: Step = { role: 'form', name: 'New threat actor' };
    const name = await getByRole(popup, ENTITIES, newActor, { role: 'textbox', name: 'Name in this page' });
    expect(await name.evaluate((input) => (input as HTMLInputElement).value)).toBe('Crimson Heron');
    await (await getByRole(popup, ENTITIES, newActor, { role: 'textbox', name: 'Other names (comma-separated)' })).type('CH-77');
    await (await getByRole(popup, ENTITIES, newActor, button('Create actor'))).click();
    const heron = await getByRole(popup, ENTITIES, ACTORS, button('Crimson Heron (4)'));
    expect(await descriptionOf(heron)).toBe('Confirmed by you');

    expect(await page.evaluate(selectTextScript('Spider Crew', 'Spider Crew'))).toBe('Spider Crew');
    await reopenPopup(popup);
    await (await getByRole(popup, ENTITIES, button('Tag selected text…'))).click();
    await (await getByRole(popup, ENTITIES, button('Known actor'))).click();
    const linkForm: Step = { role: 'form', name: 'Link to a known actor' };
    await (await getByRole(popup, ENTITIES, linkForm, { role: 'combobox', name: 'Known actor' })).type('Scattered Spider');
    await (await getByRole(popup, ENTITIES, linkForm, button('Link'))).click();
    await getByRole(popup, ENTITIES, ACTORS, button('Spider Crew → Scattered Spider (2)'));
    await popup.close();
    await page.close();

    const later = await openPageWithPopup('new-actor-later.html?case=ff-new-actor');
    closeWhenDone(later);
    await getByRole(later.popup, ENTITIES, ACTORS, button('CH-77 → Crimson Heron (1)'));
    await later.popup.close();
    await later.page.close();
  });

  it('confirms malware, an indicator, an organisation and a place, keeps them across a new popup, tags selected text as malware, and all reach the library’s STIX', async () => {
    const { page, popup } = await openPageWithPopup('ioc-report.html?case=ff-entity-kinds');
    closeWhenDone({ page, popup });
    const MALWARE: Step = { role: 'group', name: 'Malware' };
    const INDICATORS: Step = { role: 'group', name: 'Indicators' };
    const address = button('203.0.113.77 IPv4 address · documentation address (1)');
    // Its type is shown and part of its name, so nothing is left to describe before a verdict.
    expect(await descriptionOf(await getByRole(popup, ENTITIES, INDICATORS, address))).toBeNull();

    await (await getByRole(popup, ENTITIES, MALWARE, { role: 'button', pattern: '^Emotet \\(\\d+\\)$' })).click();
    await (await getByRole(popup, ENTITIES, button('Confirm malware'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Confirmed Emotet as malware.');
    await (await getByRole(popup, ENTITIES, INDICATORS, address)).click();
    await getByRole(popup, ENTITIES, button('Not an indicator'));
    await (await getByRole(popup, ENTITIES, button('Confirm indicator'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Confirmed 203.0.113.77 as an indicator.');
    // The company that reported it and the state the victims are in: context a researcher keeps too.
    const ORGANIZATIONS: Step = { role: 'group', name: 'Organizations' };
    const PLACES: Step = { role: 'group', name: 'Places' };
    await (await getByRole(popup, ENTITIES, ORGANIZATIONS, { role: 'button', pattern: '^Proofpoint \\(\\d+\\)$' })).click();
    await (await getByRole(popup, ENTITIES, button('Confirm organization'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Confirmed Proofpoint as an organization.');
    await (await getByRole(popup, ENTITIES, PLACES, { role: 'button', pattern: '^Texas \\(\\d+\\)$' })).click();
    await (await getByRole(popup, ENTITIES, button('Confirm place'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Confirmed Texas as a place.');

    expect(await page.evaluate(selectTextScript('GoldLoader', 'GoldLoader'))).toBe('GoldLoader');
    await reopenPopup(popup);
    expect(await descriptionOf(await getByRole(popup, ENTITIES, INDICATORS, address))).toBe('Confirmed by you');
    expect(await descriptionOf(await getByRole(popup, ENTITIES, MALWARE, { role: 'button', pattern: '^Emotet ' }))).toBe(
      'Confirmed by you',
    );
    await (await getByRole(popup, ENTITIES, button('Tag selected text…'))).click();
    const kind = await popup.waitForSelector('.selection-tagger select', WAIT);
    await kind!.select('malware');
    const tagForm: Step = { role: 'form', name: 'Tag as malware' };
    const text = await getByRole(popup, ENTITIES, tagForm, { role: 'textbox', name: 'Selected text' });
    expect(await text.evaluate((input) => (input as HTMLInputElement).value)).toBe('GoldLoader');
    await (await getByRole(popup, ENTITIES, tagForm, button('Tag'))).click();
    await expect.poll(() => statuses(popup), WAIT).toContain('Tagged “GoldLoader” as malware.');
    expect(await descriptionOf(await getByRole(popup, ENTITIES, MALWARE, button('GoldLoader (3)')))).toBe('Confirmed by you');

    // The library's STIX export of everything: the organisation an identity, the place located by the background.
    const library = await env.session.openLibrary(popup);
    await library.waitForFunction(() => document.body.textContent?.includes('GoldLoader spreads through fake invoices'), WAIT);
    // The page list paints before the highlights arrive, and the export buttons wait for them.
    await clickButton(library, 'Export STIX');
    const bundle = JSON.parse(readFileSync(await downloaded(env.session.downloadDir, '.json', 'gloss-stix-'), 'utf8')) as {
      objects: Record<string, unknown>[];
    };
    expect(bundle.objects.filter((o) => o.type === 'identity')).toMatchObject([{ name: 'Proofpoint', identity_class: 'organization' }]);
    expect(bundle.objects.filter((o) => o.type === 'location')).toMatchObject([
      { name: 'Texas', country: 'US', administrative_area: 'Texas' },
    ]);
    expect(bundle.objects.filter((o) => o.type === 'malware').map((o) => o.name)).toEqual(expect.arrayContaining(['Emotet', 'GoldLoader']));
    await library.close();
    await popup.close();
    await page.close();
  });
});
