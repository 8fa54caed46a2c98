/**
 * The entity mark requests when the tab cannot be scripted: the popup gets its plain "not found" answer,
 * never an error, whatever way the browser fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearEntityMarks, entityMarksShown, focusEntityMark, markEntities } from '@/extension/background/entity-mark-handlers';
import type { EntityMark } from '@/lib/messaging/contract';

const TAB = 4;
const MARKS: EntityMark[] = [
  { kind: 'threat-actor', quote: { exact: 'Storm-1152', prefix: 'by ', suffix: ' sold' } },
  { kind: 'organization', quote: { exact: 'Microsoft', prefix: '', suffix: ' said' } },
];

let executeScript: ReturnType<typeof vi.spyOn>;

type Answer = { result: unknown; error?: unknown } | Error;

/** What the browser answers to each executeScript call, in order: a result, or an error to reject with. */
function browserAnswers(...answers: Answer[]) {
  for (const answer of answers) {
    if (answer instanceof Error) executeScript.mockRejectedValueOnce(answer);
    else executeScript.mockResolvedValueOnce([{ frameId: 0, documentId: 'd', ...answer }] as never);
  }
}

/** Each way a tab fails, as the browser's answer to running a function there. */
const everyWay: Record<string, Answer> = {
  'a page Gloss may not script (a browser page, the web store)': new Error('Cannot access a chrome:// URL'),
  'a tab closed meanwhile': new Error('No tab with id: 4.'),
  'a page where the function threw (Firefox reports it, without rejecting)': { result: undefined, error: 'TypeError: x is undefined' },
  'a function that answered nothing': { result: undefined },
};

beforeEach(() => {
  fakeBrowser.reset();
  executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(Object.entries(everyWay))('in %s', (_way, answer) => {
  const fails = () => browserAnswers(answer);

  it('marking answers that no mention was located', async () => {
    // Loading the marker fails the same way where the tab refuses scripts; otherwise it loads and its use fails.
    browserAnswers(answer instanceof Error ? answer : { result: undefined }, answer);
    expect(await markEntities({ type: 'mark-entities', tabId: TAB, marks: MARKS, focus: 0 })).toEqual({ located: [false, false] });
  });

  it('focusing answers "not found"', async () => {
    fails();
    expect(await focusEntityMark({ type: 'focus-entity-mark', tabId: TAB, index: 1 })).toEqual({ found: false });
  });

  it('clearing answers that nothing was cleared', async () => {
    fails();
    expect(await clearEntityMarks({ type: 'clear-entity-marks', tabId: TAB })).toEqual({ ok: false });
  });

  it('asking for marks shown answers "none"', async () => {
    fails();
    expect(await entityMarksShown({ type: 'entity-marks-shown', tabId: TAB })).toEqual({ shown: false });
  });
});

describe('in a page that can be scripted', () => {
  it('loads the marker first, then passes on what it located', async () => {
    browserAnswers({ result: undefined }, { result: { located: [true, false] } });
    expect(await markEntities({ type: 'mark-entities', tabId: TAB, marks: MARKS, focus: null })).toEqual({ located: [true, false] });
    expect(executeScript.mock.calls[0][0]).toEqual({ target: { tabId: TAB }, files: ['/entity-marker.js'] });
    expect(executeScript.mock.calls[1][0]).toMatchObject({ target: { tabId: TAB }, args: [MARKS, null] });
  });

  it("passes on the page's answers to focus, clear and marks-shown", async () => {
    browserAnswers({ result: { found: true } }, { result: { ok: true } }, { result: { shown: true } });
    expect(await focusEntityMark({ type: 'focus-entity-mark', tabId: TAB, index: 1 })).toEqual({ found: true });
    expect(await clearEntityMarks({ type: 'clear-entity-marks', tabId: TAB })).toEqual({ ok: true });
    expect(await entityMarksShown({ type: 'entity-marks-shown', tabId: TAB })).toEqual({ shown: true });
  });

  it("says in the background's console why marking failed, for whoever debugs it", async () => {
    const reason = new Error('Cannot access a chrome:// URL');
    browserAnswers(reason);
    await markEntities({ type: 'mark-entities', tabId: TAB, marks: MARKS, focus: 0 });
    expect(console.warn).toHaveBeenCalledWith('Gloss could not mark entities in tab', TAB, reason);
    expect(executeScript).toHaveBeenCalledTimes(1); // no function run after the marker failed to load
  });
});
