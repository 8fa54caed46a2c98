import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { ENTITY_MARKS_SCRIPT, PAGE_MARKUP_SCRIPT } from './support/entity-marks';

type Marks = Record<string, { text: string; inArticle: boolean; top: number }[]>;

const WAIT = { timeout: 10_000 };

const env = useFirefox();

/**
 * One step of a path through the popup by role and accessible name, the way a screen reader sees it:
 * the name is aria-label, else the text of the aria-labelledby elements, else the element's text. A
 * pattern is passed as its source, because only JSON crosses into the page.
 */
type Step = { role: 'region' | 'group' | 'button'; name: string } | { role: 'region' | 'group' | 'button'; pattern: string };

/**
 * Runs in the popup: the visible elements matching the last step, inside the first match of each step
 * before it; their number, or the one element when there is exactly one (else null, to keep waiting).
 */
function findByRole(path: Step[], want: 'count' | 'one'): number | Element | null {
  const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (element: Element) => {
    const label = element.getAttribute('aria-label');
    if (label !== null) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => textOf(document.getElementById(id) ?? document.createElement('i'))).join(' ').trim();
    return textOf(element);
  };
  const roleOf = (element: Element) => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit;
    if (element.tagName === 'BUTTON') return 'button';
    const named = element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
    return element.tagName === 'SECTION' && named ? 'region' : null;
  };
  const matches = (element: Element, step: Step) =>
    roleOf(element) === step.role && element.checkVisibility() &&
    ('name' in step ? nameOf(element) === step.name : new RegExp(step.pattern).test(nameOf(element)));
  let scope: Element[] = [document.documentElement];
  for (const step of path) {
    const within = scope[0];
    scope = within ? [...within.querySelectorAll('*')].filter((element) => matches(element, step)) : [];
  }
  if (want === 'count') return scope.length;
  return scope.length === 1 ? scope[0] : null;
}

const countByRole = (popup: Page, ...path: Step[]) => popup.evaluate(findByRole, path, 'count' as const);

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
const OCTO: Step = { role: 'button', pattern: '^Octo Tempest, resolved to Scattered Spider \\(\\d+\\)$' };
const ANY_OCTO: Step = { role: 'button', pattern: '^Octo Tempest' };
const button = (name: string): Step => ({ role: 'button', name });

/** The texts of the popup's live status messages. */
const statuses = (popup: Page) =>
  popup.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

const marksIn = (page: Page) => page.evaluate(ENTITY_MARKS_SCRIPT) as Promise<Marks>;

/**
 * Opens the page with the popup for its tab, and brings the popup's tab to the front: WebDriver BiDi's
 * input actions wait for animation frames, which Firefox throttles in background tabs, so a real click
 * there takes seconds. The page keeps running in its background tab.
 */
async function openWithPopup(query: string): Promise<{ page: Page; popup: Page }> {
  const opened = await env.session.openWithPopup(env.server.url(`storm-1152.html?case=${query}`));
  await opened.popup.bringToFront();
  return opened;
}

/** Reloads the popup (still `popup.html?tab=<id>`, the same tab): a fresh popup, as if opened again. */
async function reopenPopup(popup: Page): Promise<void> {
  const started = await popup.evaluate(() => performance.timeOrigin);
  await popup.evaluate(() => location.reload());
  // The old document answers until the new one replaces it, and neither answers in between.
  await expect.poll(() => popup.evaluate(() => document.readyState === 'complete' && performance.timeOrigin).catch(() => false), WAIT)
    .not.toSatisfy((origin) => origin === false || origin === started);
}

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
    await expect.poll(() => popup.evaluate(() =>
      document.querySelector('button[aria-label="Storm-1152 (17)"]')?.getAttribute('aria-describedby') ?? null), WAIT).toBeTruthy();

    await (await getByRole(popup, ENTITIES, ACTORS, OCTO)).click();
    const octoPanel: Step = { role: 'group', pattern: '^Octo Tempest details$' };
    await (await getByRole(popup, ENTITIES, octoPanel, button('Not a threat actor'))).click();
    await expect.poll(() => countByRole(popup, ENTITIES, ANY_OCTO), WAIT).toBe(0);

    await page.reload();
    expect(await marksIn(page)).toEqual({});
    await reopenPopup(popup);

    const storm = await getByRole(popup, ENTITIES, ACTORS, STORM);
    const described = await storm.evaluate((element) => {
      const id = element.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent ?? null : null;
    });
    expect(described).toBe('Confirmed by you');
    expect(await countByRole(popup, ENTITIES, ANY_OCTO)).toBe(0);

    const summary = await popup.waitForFunction(() => [...document.querySelectorAll('section.entities summary')]
      .find((s) => s.textContent?.trim() === 'Rejected on this page (1)') ?? null, { ...WAIT, polling: 100 });
    await (summary.asElement() as ElementHandle<Element>).click();
    await getByRole(popup, ENTITIES, button('Undo rejection of Octo Tempest'));
    await popup.close();
    await page.close();
  });
});
