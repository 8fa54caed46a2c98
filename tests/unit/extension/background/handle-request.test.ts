import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/gloss-settings';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { servePackagedEntityIndex } from './packaged-entity-index';
import type { GlossRequest } from '@/lib/messaging/contract';
import { CONTENT_SCRIPT_REQUESTS, requestCaller } from '@/lib/messaging/request-callers';
import { GLOSS_REQUEST_TYPES, isGlossRequest } from '@/lib/messaging/request-checks';
import { createAnnotation } from '@/lib/storage/annotation-store';
import type { AnnotationRecord } from '@/lib/storage/records';
import {
  contentScript,
  library,
  OTHER_PAGE,
  otherExtension,
  PAGE,
  popup,
  popupInTab,
  sample,
  SAMPLES,
  subFrame,
  TAB,
  target,
  type Sender,
} from './fixtures';

// Saving a page's first highlight reads its actors in the background; that reading is not under test.
const recordActorsOfTab = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock(import('@/extension/background/entity-handlers'), async (original) => ({ ...(await original()), recordActorsOfTab }));

const db = glossDatabase();
/** What the browser was asked to do in tabs: nothing, for a refused request. */
let tabCalls: ReturnType<typeof vi.fn>[];

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
  tabCalls = [
    vi.spyOn(fakeBrowser.tabs, 'sendMessage'),
    vi.spyOn(fakeBrowser.tabs, 'get'),
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ result: true, frameId: 0, documentId: 'd' }] as never),
  ] as unknown as ReturnType<typeof vi.fn>[];
  recordActorsOfTab.mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ask = (request: GlossRequest, sender: Sender) => handleRequest(request, sender);

/** A stored highlight on `pageUrl`, as the store writes it. */
function stored(pageUrl: string, exact = 'Storm-1152'): Promise<AnnotationRecord> {
  return createAnnotation(db, { pageUrl, target: target(exact), note: 'kept', tags: ['apt'] }, { title: 'T', siteName: null }, 1_000);
}

const everyStored = async () => (await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id));

const pageOnly = GLOSS_REQUEST_TYPES.filter((type) => requestCaller(type) === 'extension-page');
const contentOnly = GLOSS_REQUEST_TYPES.filter((type) => requestCaller(type) === 'content-script');

describe('the test requests', () => {
  it('are well formed, so what refuses them is the caller', () => {
    for (const request of Object.values(SAMPLES)) expect(isGlossRequest(request), request.type).toBe(true);
  });

  it('split as the issue says: everything naming a tab is for extension pages only', () => {
    expect(contentOnly.sort()).toEqual([...CONTENT_SCRIPT_REQUESTS].sort());
    expect(requestCaller('delete-annotation')).toBe('either');
    for (const request of Object.values(SAMPLES)) {
      if ('tabId' in request) expect(requestCaller(request.type), request.type).toBe('extension-page');
    }
    for (const type of [
      'entity-details',
      'suggest-actors',
      'pages-for-actor',
      'actor-profiles',
      'attack-ids',
      'place-facts',
      'open-saved-page',
      'library-changed',
      'export-page',
    ] as const) {
      expect(requestCaller(type)).toBe('extension-page');
    }
  });
});

describe('every handler refuses a wrong caller, before doing anything', () => {
  it.each(pageOnly)('%s: refused to a content script', async (type) => {
    const before = await stored(OTHER_PAGE);
    await expect(ask(sample(type), contentScript())).rejects.toThrow(`${type} is answered only for Gloss's own pages.`);
    for (const call of tabCalls) expect(call).not.toHaveBeenCalled();
    expect(await everyStored()).toEqual([before]);
  });

  it.each(contentOnly)('%s: refused to an extension page', async (type) => {
    await expect(ask(sample(type), popup())).rejects.toThrow(`${type} is answered only for Gloss's content script in the page it runs in.`);
    await expect(ask(sample(type), library())).rejects.toThrow(
      `${type} is answered only for Gloss's content script in the page it runs in.`,
    );
    for (const call of tabCalls) expect(call).not.toHaveBeenCalled();
    expect(await db.annotations.count()).toBe(0);
  });

  it.each(GLOSS_REQUEST_TYPES)('%s: refused to a content script in a sub-frame', async (type) => {
    await expect(ask(sample(type), subFrame())).rejects.toThrow(`${type}: Gloss answers content scripts only in the top frame of a page.`);
    // Even a frame showing the same page as the top frame.
    await expect(ask(sample(type), subFrame(PAGE))).rejects.toThrow(
      `${type}: Gloss answers content scripts only in the top frame of a page.`,
    );
    for (const call of tabCalls) expect(call).not.toHaveBeenCalled();
  });

  it.each(GLOSS_REQUEST_TYPES)('%s: refused to another extension, whatever address it gives', async (type) => {
    const refusal = `${type}: Gloss answers only its own pages and its own content script.`;
    await expect(ask(sample(type), otherExtension())).rejects.toThrow(refusal);
    await expect(ask(sample(type), { ...contentScript(), id: 'some-other-extension' })).rejects.toThrow(refusal);
    await expect(ask(sample(type), {})).rejects.toThrow(refusal);
    for (const call of tabCalls) expect(call).not.toHaveBeenCalled();
  });

  it('refuses a content script in a page Gloss cannot keep, and a sender that is neither', async () => {
    await expect(ask(sample('page-annotations'), contentScript('file:///home/me/notes.html'))).rejects.toThrow(
      'page-annotations: Gloss answers content scripts only in http and https pages.',
    );
    await expect(ask(sample('page-annotations'), contentScript('about:blank'))).rejects.toThrow(
      'page-annotations: Gloss answers content scripts only in http and https pages.',
    );
    await expect(ask(sample('analyze-tab'), { id: fakeBrowser.runtime.id, url: PAGE })).rejects.toThrow(
      'analyze-tab: the sender is neither a Gloss page nor a web page in a tab.',
    );
    // A page of another extension is not a Gloss page, even with Gloss's id.
    await expect(ask(sample('analyze-tab'), { id: fakeBrowser.runtime.id, url: 'chrome-extension://other/popup.html' })).rejects.toThrow(
      'analyze-tab: the sender is neither a Gloss page nor a web page in a tab.',
    );
  });

  it('answers an extension page opened as a tab: pages are told by their address, not by having a tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 3, url: PAGE } as never);
    expect(await ask(sample('tab-highlights'), popupInTab())).toEqual({ ok: true, pageUrl: PAGE, highlights: [] });
    const record = await stored(OTHER_PAGE);
    expect(await ask({ type: 'delete-annotation', id: record.id }, popupInTab())).toEqual(record);
  });
});

describe('tagging selected text as any kind', () => {
  beforeEach(servePackagedEntityIndex);
  afterEach(() => vi.unstubAllGlobals());

  it('confirms it on the tab’s page under the key the scan gives it, and refuses what is not that kind', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 3, url: `${PAGE}#part-2` } as never);
    const request = (kind: string, text: string) =>
      ({ type: 'tag-selection', tabId: 3, kind, text, page: { title: 'Report', siteName: null } }) as GlossRequest;
    expect(await ask(request('indicator', 'hxxp://evil[.]example/a'), popup())).toEqual({
      ok: true,
      message: 'Tagged “hxxp://evil[.]example/a”, http://evil.example/a, as an indicator (URL).',
    });
    expect(await ask(request('malware', 'GoldLoader'), popup())).toEqual({ ok: true, message: 'Tagged “GoldLoader” as malware.' });
    expect(await ask(request('indicator', 'not one'), popup())).toEqual({
      ok: false,
      message: expect.stringContaining('isn’t an indicator'),
    });
    const tags = await db.entityTags.orderBy('entityKey').toArray();
    expect(tags.map((t) => [t.pageUrl, t.entityKey, t.kind, t.name, t.canonical, t.status])).toEqual([
      [PAGE, 'indicator:http://evil.example/a', 'indicator', 'hxxp://evil[.]example/a', 'http://evil.example/a', 'confirmed'],
      [PAGE, 'malware:goldloader', 'malware', 'GoldLoader', 'GoldLoader', 'confirmed'],
    ]);
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Report' });
  });

  it('is refused to a content script, even for its own tab', async () => {
    await expect(ask(sample('tag-selection'), contentScript())).rejects.toThrow('tag-selection');
    expect(await db.entityTags.count()).toBe(0);
  });
});

describe('a content script is bound to its tab, top frame and page', () => {
  it('reads only its own page, under the normalised address', async () => {
    const mine = await stored(PAGE);
    await stored(OTHER_PAGE);
    const sender = contentScript(`${PAGE}?utm_source=feed#comments`);
    expect(await ask({ type: 'page-annotations' }, sender)).toEqual([mine]);
    expect(await ask({ type: 'site-status' }, sender)).toEqual({ paused: false, hasAnnotations: true, settings: DEFAULT_SETTINGS });
    expect(await ask({ type: 'site-status' }, contentScript('https://empty.example/'))).toEqual({
      paused: false,
      hasAnnotations: false,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('loads the highlighter into its own tab only', async () => {
    expect(await ask({ type: 'load-highlighter', tabId: 99 } as GlossRequest, contentScript())).toBe(true);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: TAB }, files: ['/highlighter.js'] });
  });

  it('creates highlights on its own page, whatever page the request claims', async () => {
    const request = { ...sample('create-annotation'), pageUrl: OTHER_PAGE, url: OTHER_PAGE } as unknown as GlossRequest;
    const record = (await ask(request, contentScript(`${PAGE}#top`))) as AnnotationRecord;
    expect(record).toMatchObject({ pageUrl: PAGE, color: 'green', target: target() });
    expect(await everyStored()).toEqual([record]);
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Storm-1152 explained', siteName: 'News' });
    expect(recordActorsOfTab).toHaveBeenCalledExactlyOnceWith(TAB);
  });

  it('changes highlights of its own page by id', async () => {
    const mine = await stored(PAGE);
    const updated = await ask({ type: 'update-annotation', id: mine.id, changes: { note: 'new', tags: ['ioc'] } }, contentScript());
    expect(updated).toMatchObject({ id: mine.id, note: 'new', tags: ['ioc'] });
    const moved = await ask({ type: 'retarget-annotation', id: mine.id, target: target('sold accounts', 11) }, contentScript());
    expect(moved).toMatchObject({ target: target('sold accounts', 11) });
    const deleted = (await ask({ type: 'delete-annotation', id: mine.id }, contentScript())) as AnnotationRecord;
    expect(deleted.id).toBe(mine.id);
    expect(await db.annotations.count()).toBe(0);
    expect(await ask({ type: 'restore-annotation', record: deleted }, contentScript())).toEqual(deleted);
    expect(await everyStored()).toEqual([deleted]);
  });

  it.each<[string, (id: string) => GlossRequest]>([
    ['update-annotation', (id) => ({ type: 'update-annotation', id, changes: { note: 'defaced', color: 'pink' } })],
    ['retarget-annotation', (id) => ({ type: 'retarget-annotation', id, target: target('elsewhere', 500) })],
    ['delete-annotation', (id) => ({ type: 'delete-annotation', id })],
  ])('%s: refuses a highlight of another page, and leaves it as it was', async (type, request) => {
    const theirs = await stored(OTHER_PAGE);
    await expect(ask(request(theirs.id), contentScript())).rejects.toThrow(`${type}: that highlight belongs to another page.`);
    expect(await everyStored()).toEqual([theirs]);
  });

  it('restore-annotation: refuses a record of another page', async () => {
    const theirs = await stored(OTHER_PAGE);
    await db.annotations.delete(theirs.id);
    await expect(ask({ type: 'restore-annotation', record: theirs }, contentScript())).rejects.toThrow(
      'restore-annotation: that highlight belongs to another page.',
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it("restore-annotation: refuses to put a record of its page in place of another page's highlight with the same id", async () => {
    const theirs = await stored(OTHER_PAGE);
    const forged: AnnotationRecord = { ...theirs, pageUrl: PAGE, note: 'moved here' };
    await expect(ask({ type: 'restore-annotation', record: forged }, contentScript())).rejects.toThrow(
      'restore-annotation: that highlight belongs to another page.',
    );
    expect(await everyStored()).toEqual([theirs]);
    expect(await db.pages.get(PAGE)).toBeUndefined();
  });

  it("restore-annotation: refuses a record of its page that carries a PDF's document key", async () => {
    const mine = await stored(PAGE);
    await db.annotations.delete(mine.id);
    const forged: AnnotationRecord = { ...mine, documentKey: 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b' };
    await expect(ask({ type: 'restore-annotation', record: forged }, contentScript())).rejects.toThrow(
      "restore-annotation: a web page cannot restore a PDF's highlight.",
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it('an extension page deletes any highlight by id (the popup removes orphans)', async () => {
    const theirs = await stored(OTHER_PAGE);
    expect(await ask({ type: 'delete-annotation', id: theirs.id }, popup())).toEqual(theirs);
    expect(await db.annotations.count()).toBe(0);
  });

  it('an extension page (popup, side panel, library) edits, deletes and undoes any highlight by id', async () => {
    const theirs = await stored(OTHER_PAGE);
    const updated = (await ask(
      { type: 'update-annotation', id: theirs.id, changes: { color: 'pink', note: 'edited in the panel' } },
      popup(),
    )) as AnnotationRecord;
    expect(updated).toMatchObject({ id: theirs.id, color: 'pink', note: 'edited in the panel' });
    const deleted = (await ask({ type: 'delete-annotation', id: theirs.id }, popup())) as AnnotationRecord;
    expect(await db.annotations.count()).toBe(0);
    expect(await ask({ type: 'restore-annotation', record: deleted }, popup())).toEqual(deleted);
    expect(await everyStored()).toEqual([deleted]);
  });

  it("an extension page still may not put a record in place of another page's highlight with the same id", async () => {
    const theirs = await stored(OTHER_PAGE);
    const forged: AnnotationRecord = { ...theirs, pageUrl: PAGE, note: 'moved here' };
    await expect(ask({ type: 'restore-annotation', record: forged }, popup())).rejects.toThrow(
      'restore-annotation: that highlight belongs to another page.',
    );
    expect(await everyStored()).toEqual([theirs]);
  });

  it('a highlight that no longer exists changes nothing and answers null', async () => {
    expect(await ask({ type: 'update-annotation', id: 'gone', changes: { note: 'x' } }, contentScript())).toBeNull();
    expect(await ask({ type: 'delete-annotation', id: 'gone' }, popup())).toBeNull();
  });
});

describe('records that arrive by message meet the rules of records that arrive by import', () => {
  const refusedCreate = async (changed: Record<string, unknown>, message: string) => {
    await expect(ask({ ...sample('create-annotation'), ...changed } as GlossRequest, contentScript())).rejects.toThrow(message);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
  };
  const withTarget = (change: (t: ReturnType<typeof target>) => void) => {
    const t = target();
    change(t);
    return { target: t };
  };

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a quote too long',
      withTarget((t) => {
        t.quote.exact = 'x'.repeat(100_001);
        t.position.end = 100_001;
      }),
      'create-annotation target: TextQuoteSelector exact is longer than 100,000 characters.',
    ],
    [
      'an empty quote',
      withTarget((t) => {
        t.quote.exact = ' ';
      }),
      'create-annotation target: TextQuoteSelector exact is empty.',
    ],
    [
      'a prefix too long',
      withTarget((t) => {
        t.quote.prefix = 'x'.repeat(1_001);
      }),
      'create-annotation target: TextQuoteSelector prefix is longer than 1,000 characters.',
    ],
    [
      'a bad element path',
      withTarget((t) => {
        t.element!.path = '../<script>';
      }),
      'create-annotation target: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    ],
    [
      'an element path too long',
      withTarget((t) => {
        t.element!.path = 'div:1/'.repeat(400).slice(0, -1);
      }),
      'create-annotation target: gloss:ElementPathSelector path is longer than 2,000 characters.',
    ],
    [
      'a negative offset',
      withTarget((t) => {
        t.position.start = -5;
      }),
      'create-annotation target: TextPositionSelector start must be a whole number, zero or more.',
    ],
    [
      'a range that ends first',
      withTarget((t) => {
        t.position.start = 50;
      }),
      'create-annotation target: TextPositionSelector starts after it ends.',
    ],
    [
      'no position',
      withTarget((t) => {
        delete (t as Partial<typeof t>).position;
      }),
      'create-annotation target has no TextPositionSelector.',
    ],
    ['an unknown colour', { color: 'red' }, 'create-annotation: color must be one of yellow, green, blue, pink, purple.'],
    ['a note too long', { note: 'x'.repeat(20_001) }, 'create-annotation: note is longer than 20,000 characters.'],
    ['tags that are not tags', { tags: ['#apt'] }, 'create-annotation: tags: "#apt" is not a tag as Gloss writes tags.'],
  ])('create-annotation: refuses %s', async (_name, changed, message) => {
    await refusedCreate(changed, message);
  });

  it("create-annotation: keeps an element path whose tag names hold colons (Word's <st1:place>)", async () => {
    const path = 'p:1/st1:place:1/st1:city:1';
    const { target: t } = withTarget((value) => {
      value.element!.path = path;
    });
    const record = (await ask({ ...sample('create-annotation'), target: t } as GlossRequest, contentScript())) as AnnotationRecord;
    expect(record.target.element?.path).toBe(path);
    expect((await db.annotations.get(record.id))?.target.element?.path).toBe(path);
  });

  it('create-annotation: stores only the fields a target has', async () => {
    const t = { ...target(), script: '<img onerror=alert(1)>', quote: { ...target().quote, extra: 1 } };
    const record = (await ask({ ...sample('create-annotation'), target: t } as GlossRequest, contentScript())) as AnnotationRecord;
    expect((await db.annotations.get(record.id))?.target).toStrictEqual(target());
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a note too long', { note: 'x'.repeat(20_001) }, 'update-annotation changes: note is longer than 20,000 characters.'],
    ['an unknown colour', { color: 'transparent' }, 'update-annotation changes: color must be one of yellow, green, blue, pink, purple.'],
    ['tags that are not a list', { tags: 'apt, ioc' }, 'update-annotation changes: tags must be a list of tags.'],
    [
      'a tag not as Gloss writes tags',
      { tags: ['two words'] },
      'update-annotation changes: tags: "two words" is not a tag as Gloss writes tags.',
    ],
  ])('update-annotation: refuses %s, and leaves the highlight as it was', async (_name, changes, message) => {
    const mine = await stored(PAGE);
    await expect(ask({ type: 'update-annotation', id: mine.id, changes } as GlossRequest, contentScript())).rejects.toThrow(message);
    expect(await everyStored()).toEqual([mine]);
  });

  it('retarget-annotation: refuses a malformed target, and leaves the highlight as it was', async () => {
    const mine = await stored(PAGE);
    const bad = { ...target(), element: { type: 'gloss:ElementPathSelector', path: 'p:0', start: 0, end: 1 } };
    await expect(ask({ type: 'retarget-annotation', id: mine.id, target: bad } as GlossRequest, contentScript())).rejects.toThrow(
      'retarget-annotation target: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    );
    expect(await everyStored()).toEqual([mine]);
  });

  it.each<[string, Partial<Record<keyof AnnotationRecord, unknown>>, string]>([
    ['an id too long', { id: 'x'.repeat(101) }, 'restore-annotation record: id is longer than 100 characters.'],
    [
      'a page that is not a web page',
      { pageUrl: 'javascript:alert(1)' },
      'restore-annotation record: pageUrl is not an http or https address.',
    ],
    ['no colour', { color: undefined }, 'restore-annotation record: color must be one of yellow, green, blue, pink, purple.'],
    ['tags that are not a list', { tags: { 0: 'apt' } }, 'restore-annotation record: tags must be a list of tags.'],
    ['a note too long', { note: 'x'.repeat(20_001) }, 'restore-annotation record: note is longer than 20,000 characters.'],
    [
      'a time that is not one',
      { createdAt: 'yesterday' },
      'restore-annotation record: createdAt must be a time in milliseconds since 1970.',
    ],
    [
      'a quote too long',
      { target: { ...target(), quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(100_001) } } },
      'restore-annotation record target: TextQuoteSelector exact is longer than 100,000 characters.',
    ],
    [
      'a bad element path',
      { target: { ...target(), element: { type: 'gloss:ElementPathSelector', path: 'main/p', start: 0, end: 1 } } },
      'restore-annotation record target: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    ],
  ])('restore-annotation: refuses a record with %s', async (_name, change, message) => {
    const record = { ...(sample('restore-annotation') as GlossRequest<'restore-annotation'>).record, ...change };
    await expect(ask({ type: 'restore-annotation', record } as GlossRequest, contentScript())).rejects.toThrow(message);
    expect(await db.annotations.count()).toBe(0);
  });

  it('restore-annotation: stores only the fields a record has', async () => {
    const record = { ...(sample('restore-annotation') as GlossRequest<'restore-annotation'>).record, isAdmin: true };
    await ask({ type: 'restore-annotation', record } as GlossRequest, contentScript());
    const { isAdmin: _isAdmin, ...clean } = record;
    expect(await everyStored()).toStrictEqual([clean]);
  });
});
