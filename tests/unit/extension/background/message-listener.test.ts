import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/gloss-settings';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossDatabase } from '@/extension/background/database';
import { answerGlossRequest } from '@/extension/background/message-listener';
import { sendRequest } from '@/extension/send-request';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { contentScript, OTHER_PAGE, PAGE, popup, target, type Sender } from './fixtures';

// Saving a page's first highlight reads its actors in the background; that reading is not under test.
vi.mock(import('@/extension/background/entity-handlers'), async (original) => ({
  ...(await original()),
  recordActorsOfTab: async () => undefined,
}));

const db = glossDatabase();

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the background's listener as the browser would, and resolves with what it answered (if anything). */
function answer(message: unknown, sender: Sender): Promise<{ kept: boolean; reply: unknown }> {
  return new Promise((resolve) => {
    let replied: Promise<unknown> | undefined;
    const kept = answerGlossRequest(message, sender, (reply) => {
      replied = Promise.resolve(reply);
      void replied.then((value) => resolve({ kept, reply: value }));
    });
    if (!kept && !replied) resolve({ kept, reply: undefined });
  });
}

describe('the background listener', () => {
  it('answers a request with its reply', async () => {
    const record = await createAnnotation(db, { pageUrl: PAGE, target: target() }, null);
    expect(await answer({ type: 'page-annotations' }, contentScript())).toEqual({ kept: true, reply: [record] });
  });

  it('answers a refused request with the error envelope instead of leaving the channel open', async () => {
    expect(await answer({ type: 'analyze-tab', tabId: 4 }, contentScript())).toEqual({
      kept: true,
      reply: { glossError: "analyze-tab is answered only for Gloss's own pages." },
    });
  });

  it('answers a request that breaks the record rules with the rule it breaks', async () => {
    const mine = await createAnnotation(db, { pageUrl: OTHER_PAGE, target: target() }, null);
    expect((await answer({ type: 'delete-annotation', id: mine.id }, contentScript())).reply).toEqual({
      glossError: 'delete-annotation: that highlight belongs to another page.',
    });
    const longQuote = { ...target(), quote: { ...target().quote, exact: 'x'.repeat(100_001) } };
    expect(
      (await answer({ type: 'create-annotation', target: longQuote, page: { title: 'T', siteName: null } }, contentScript())).reply,
    ).toEqual({
      glossError: 'create-annotation target: TextQuoteSelector exact is longer than 100,000 characters.',
    });
    expect(await db.annotations.count()).toBe(1);
  });

  it('answers a malformed request of the contract at once', async () => {
    expect(await answer({ type: 'create-annotation' }, contentScript())).toEqual({
      kept: false,
      reply: { glossError: 'create-annotation: the request is malformed.' },
    });
    expect(await answer({ type: 'delete-annotation', id: 'x'.repeat(101) }, popup())).toEqual({
      kept: false,
      reply: { glossError: 'delete-annotation: the request is malformed.' },
    });
  });

  it('leaves broadcasts and anything else unanswered', async () => {
    expect(await answer({ type: 'highlights-placed' }, contentScript())).toEqual({ kept: false, reply: undefined });
    expect(await answer({ type: 'annotations-changed', pageUrls: [PAGE] }, popup())).toEqual({ kept: false, reply: undefined });
    expect(await answer('analyze-tab', popup())).toEqual({ kept: false, reply: undefined });
    expect(await answer(null, popup())).toEqual({ kept: false, reply: undefined });
  });
});

describe('sendRequest', () => {
  /** The listener behind fakeBrowser's runtime.sendMessage, which reports an empty sender (no id): a stranger. */
  const listen = (sender?: Sender) => {
    const listener = (message: unknown, fakeSender: Sender) => answer(message, sender ?? fakeSender).then(({ reply }) => reply);
    fakeBrowser.runtime.onMessage.addListener(listener as never);
  };

  it("throws the background's refusal as an Error with its message", async () => {
    listen();
    await expect(sendRequest({ type: 'analyze-tab', tabId: 4 })).rejects.toThrow(
      new Error('analyze-tab: Gloss answers only its own pages and its own content script.'),
    );
  });

  it('returns the reply of an answered request unchanged', async () => {
    listen(contentScript());
    const record = await sendRequest({ type: 'create-annotation', target: target(), page: { title: 'T', siteName: null } });
    expect(record).toMatchObject({ pageUrl: PAGE, target: target() });
    expect(await sendRequest({ type: 'page-annotations' })).toEqual([record]);
    expect(await sendRequest({ type: 'site-status' })).toEqual({ paused: false, hasAnnotations: true, settings: DEFAULT_SETTINGS });
  });
});
