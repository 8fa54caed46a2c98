import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { ENTITY_MARKS_SCRIPT, PAGE_MARKUP_SCRIPT } from './support/entity-marks';
import { highlightText } from './support/chromium-gloss-ui';
import { selectTextScript } from './support/page-selection';

type Marks = Record<string, { text: string; inArticle: boolean; top: number }[]>;

const env = useChromium();

describe('Chromium: entities on the sample article', () => {
  it('lists Storm-1152 (17), marks its mentions in the article only, steps through them, and unmarks exactly', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=entities-mark'));
    const before = await page.evaluate(PAGE_MARKUP_SCRIPT);
    const popup = await env.session.openPopupFor(page);

    const entities = popup.getByRole('region', { name: 'Entities' });
    const actors = entities.getByRole('group', { name: 'Threat actors' });
    const storm = actors.getByRole('button', { name: 'Storm-1152 (17)' });
    await storm.click();
    await expect.poll(() => popup.getByText('Mention 1 of 17').count()).toBe(1);

    const marks = (await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks;
    const actorMarks = marks['gloss-entity-threat-actor'];
    expect(actorMarks).toHaveLength(17);
    expect(actorMarks.every((mark) => mark.text === 'Storm-1152' && mark.inArticle)).toBe(true);
    expect(marks['gloss-entity-focus'].map((m) => m.top)).toEqual([actorMarks[0].top]);

    await popup.getByRole('button', { name: 'Next mention' }).click();
    await expect.poll(() => popup.getByText('Mention 2 of 17').count()).toBe(1);
    const focused = ((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks)['gloss-entity-focus'];
    expect(focused.map((m) => m.top)).toEqual([actorMarks[1].top]);
    await popup.getByRole('button', { name: 'Previous mention' }).click();
    await popup.getByRole('button', { name: 'Previous mention' }).click();
    await expect.poll(() => popup.getByText('Mention 17 of 17').count()).toBe(1);
    await popup.keyboard.press('n'); // focus is still on "Previous mention", inside the open entity
    await expect.poll(() => popup.getByText('Mention 1 of 17').count()).toBe(1);

    await storm.click();
    await expect.poll(async () => Object.keys((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks)).toEqual([]);
    expect(await page.evaluate(PAGE_MARKUP_SCRIPT)).toBe(before);
    await popup.close();
    await page.close();
  });

  it('marks every entity by kind, turns the marks off again, and removes marks a closed popup left', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=entities-mark-all'));
    const popup = await env.session.openPopupFor(page);
    const markAll = popup.getByRole('button', { name: 'Mark all entities' });
    await popup.getByRole('button', { name: 'Storm-1152 (17)' }).waitFor();
    const actorNames = await popup
      .getByRole('group', { name: 'Threat actors' })
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ''));
    const actorMentions = actorNames.reduce((sum, name) => sum + Number(/\((\d+)\)$/.exec(name)?.[1] ?? 0), 0);
    expect(actorMentions).toBeGreaterThanOrEqual(18);
    await markAll.click();
    await expect
      .poll(async () => ((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks)['gloss-entity-threat-actor']?.length)
      .toBe(actorMentions);
    const marks = (await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks;
    expect(
      Object.values(marks)
        .flat()
        .every((mark) => mark.inArticle),
    ).toBe(true);
    expect(marks['gloss-entity-organization']?.map((m) => m.text)).toContain('Arkose Labs');
    expect(await markAll.getAttribute('aria-pressed')).toBe('true');
    await markAll.click();
    await expect.poll(async () => Object.keys((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks)).toEqual([]);

    // Marks stay while the user reads; a later popup offers to remove them.
    await markAll.click();
    await expect.poll(async () => Object.keys((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks).length).toBeGreaterThan(1);
    await popup.close();
    const later = await env.session.openPopupFor(page);
    await later.getByRole('button', { name: 'Remove marks' }).click();
    await expect.poll(async () => Object.keys((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Marks)).toEqual([]);
    await later.close();
    await page.close();
  });

  it('keeps a confirmed and a rejected actor across a reload, and finds the page by another name of the actor', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=entities-tag'));
    let popup = await env.session.openPopupFor(page);
    let entities = popup.getByRole('region', { name: 'Entities' });

    await entities.getByRole('button', { name: 'Storm-1152 (17)' }).click();
    await entities.getByRole('button', { name: 'Confirm threat actor' }).click();
    await expect.poll(() => popup.getByText('Confirmed Storm-1152 as a threat actor.').count()).toBe(1);
    await expect.poll(() => entities.getByRole('button', { name: 'Storm-1152 (17)' }).getAttribute('aria-describedby')).toBeTruthy();

    await entities.getByRole('button', { name: /^Octo Tempest → Scattered Spider \(\d+\)$/ }).click();
    await entities.getByRole('button', { name: 'Not a threat actor' }).click();
    await expect.poll(() => entities.getByRole('button', { name: /^Octo Tempest/ }).count()).toBe(0);
    await popup.close();

    await page.reload();
    popup = await env.session.openPopupFor(page);
    entities = popup.getByRole('region', { name: 'Entities' });
    const storm = entities.getByRole('button', { name: 'Storm-1152 (17)' });
    await expect.poll(() => storm.count()).toBe(1);
    const described = await storm.getAttribute('aria-describedby');
    expect(await popup.locator(`[id="${described}"]`).textContent()).toBe('Confirmed by you');
    expect(await entities.getByRole('button', { name: /^Octo Tempest/ }).count()).toBe(0);
    await entities.getByText(/^Rejected on this page \(1\)$/).click();
    await expect.poll(() => entities.getByRole('button', { name: 'Undo rejection of Octo Tempest' }).count()).toBe(1);

    await storm.click();
    await expect.poll(() => entities.getByRole('link', { name: /Microsoft Takes Down Cybercrime Group Storm-1152/ }).count()).toBe(1);

    // Undoing the rejection brings Octo Tempest back, and the page is then found under another of its names.
    await entities.getByText('Find saved pages by actor').click();
    const search = entities.getByRole('search', { name: 'Saved pages by actor' });
    await search.getByRole('combobox', { name: 'Actor, by any of its names' }).fill('UNC3944');
    await search.getByRole('button', { name: 'Find pages' }).click();
    await expect.poll(() => entities.getByText('No saved page mentions “UNC3944” under any of its names.').count()).toBe(1);
    await entities.getByRole('button', { name: 'Undo rejection of Octo Tempest' }).click();
    await expect.poll(() => entities.getByRole('button', { name: /^Octo Tempest → Scattered Spider/ }).count()).toBe(1);
    await search.getByRole('button', { name: 'Find pages' }).click();
    const found = entities.getByRole('list', { name: 'Saved pages mentioning UNC3944' });
    await expect
      .poll(() => found.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual([env.server.url('storm-1152.html?case=entities-tag')]);
    await popup.close();
    await page.close();
  });

  it('shows a verdict made in one view in another open view of the page at once, both ways', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=entities-live'));
    const first = await env.session.openPopupFor(page);
    const second = await env.session.openPopupFor(page);
    const inFirst = first.getByRole('region', { name: 'Entities' });
    const inSecond = second.getByRole('region', { name: 'Entities' });
    const description = async (view: typeof first, name: string) => {
      const id = await view.getByRole('region', { name: 'Entities' }).getByRole('button', { name }).getAttribute('aria-describedby');
      return id ? view.locator(`[id="${id}"]`).textContent() : null;
    };
    await inSecond.getByRole('button', { name: 'Storm-1152 (17)' }).waitFor();

    await inFirst.getByRole('button', { name: 'Storm-1152 (17)' }).click();
    await inFirst.getByRole('button', { name: 'Confirm threat actor' }).click();
    await expect.poll(() => description(second, 'Storm-1152 (17)')).toBe('Confirmed by you');

    await inSecond.getByRole('button', { name: /^Octo Tempest → Scattered Spider \(\d+\)$/ }).click();
    await inSecond.getByRole('button', { name: 'Not a threat actor' }).click();
    await expect.poll(() => inFirst.getByRole('button', { name: /^Octo Tempest/ }).count()).toBe(0);
    await expect.poll(() => inFirst.getByText(/^Rejected on this page \(1\)$/).count()).toBe(1);
    await first.close();
    await second.close();
    await page.close();
  });

  it('creates an actor from selected text and links another name to a known actor; later pages know both', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('new-actor.html?case=entities-new-actor'));
    await page.evaluate(selectTextScript('Crimson Heron', 'Crimson Heron'));
    let popup = await env.session.openPopupFor(page);
    let entities = popup.getByRole('region', { name: 'Entities' });
    await entities.getByRole('button', { name: 'Tag selected text…' }).click();
    const form = entities.getByRole('form', { name: 'New threat actor' });
    expect(await form.getByRole('textbox', { name: 'Name in this page' }).inputValue()).toBe('Crimson Heron');
    await form.getByRole('textbox', { name: 'Other names (comma-separated)' }).fill('CH-77');
    await form.getByRole('button', { name: 'Create actor' }).click();
    const heron = entities.getByRole('button', { name: 'Crimson Heron (4)' });
    await expect.poll(() => heron.count()).toBe(1);
    expect(await popup.locator(`[id="${await heron.getAttribute('aria-describedby')}"]`).textContent()).toBe('Confirmed by you');
    await popup.close();

    await page.evaluate(selectTextScript('Spider Crew', 'Spider Crew'));
    popup = await env.session.openPopupFor(page);
    entities = popup.getByRole('region', { name: 'Entities' });
    await entities.getByRole('button', { name: 'Tag selected text…' }).click();
    await entities.getByRole('button', { name: 'Known actor' }).click();
    const link = entities.getByRole('form', { name: 'Link to a known actor' });
    await link.getByRole('combobox', { name: 'Known actor' }).fill('Scattered Spider');
    await link.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => entities.getByRole('button', { name: 'Spider Crew → Scattered Spider (2)' }).count()).toBe(1);
    await popup.close();
    await page.close();

    const later = await env.session.context.newPage();
    await later.goto(env.server.url('new-actor-later.html?case=entities-new-actor'));
    popup = await env.session.openPopupFor(later);
    await expect
      .poll(() => popup.getByRole('region', { name: 'Entities' }).getByRole('button', { name: 'CH-77 → Crimson Heron (1)' }).count())
      .toBe(1);
    await popup.close();
    await later.close();
  });

  it('finds a page by its actors after a highlight, without the popup ever opening on it', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=entities-saved-by-highlight'));
    await page.waitForTimeout(300); // the content script starts at document_idle
    await highlightText(page, 'Astonishingly', '750 million');

    const other = await env.session.context.newPage();
    await other.goto(env.server.url('new-actor-later.html?case=entities-saved-by-highlight'));
    const popup = await env.session.openPopupFor(other);
    const entities = popup.getByRole('region', { name: 'Entities' });
    await entities.getByText('Find saved pages by actor').click();
    const search = entities.getByRole('search', { name: 'Saved pages by actor' });
    await search.getByRole('combobox', { name: 'Actor, by any of its names' }).fill('Muddled Libra');
    const found = entities.getByRole('list', { name: 'Saved pages mentioning Muddled Libra' });
    await expect
      .poll(async () => {
        await search.getByRole('button', { name: 'Find pages' }).click();
        return found.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      })
      // Other tests in this file saved pages naming the same actor; this one must be among them.
      .toContain(env.server.url('storm-1152.html?case=entities-saved-by-highlight'));
    await popup.close();
    await other.close();
    await page.close();
  });
});
