/**
 * handleRequest's routing, with every handler replaced by a spy: each request type reaches its own
 * handler and no other, with its admitted caller, and its reply is the handler's; anything that is not a
 * request of the contract reaches none. (handle-request.test.ts runs the real handlers for the callers'
 * rules.)
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/extension/background/handle-request';
import { answerGlossRequest } from '@/extension/background/message-listener';
import type { GlossRequest, GlossRequestType } from '@/lib/messaging/contract';
import { requestCaller } from '@/lib/messaging/request-callers';
import { GLOSS_REQUEST_TYPES } from '@/lib/messaging/request-checks';
import { scrollToHeadingInPage } from '@/extension/page/scroll-to-heading';
import { contentScript, PAGE, pdfViewer, popup, sample, TAB, type Sender } from './fixtures';

const spies = vi.hoisted(() => {
  const spy = (name: string) => vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ repliedBy: name }));
  const names = [
    'analyzeTab',
    'inTabOr',
    'sendTabCommand',
    'pageAnnotations',
    'loadHighlighter',
    'createForSender',
    'update',
    'retarget',
    'remove',
    'restore',
    'tagSuggestions',
    'tabEntities',
    'entityDetails',
    'tagEntityOnTab',
    'addActor',
    'tagSelectionOnTab',
    'suggestActorNames',
    'pagesForActor',
    'tabSelection',
    'exportIndicators',
    'markEntities',
    'focusEntityMark',
    'clearEntityMarks',
    'entityMarksShown',
    'exportPage',
    'profilesFor',
    'attackIds',
    'placeFacts',
    'openSavedPage',
    'libraryChanged',
    'siteStatus',
    'tabSitePause',
    'setSitePaused',
    'setSettings',
    'eraseAll',
    'pickAlias',
    'syncView',
    'setUpSync',
    'syncNow',
    'turnSyncOff',
    'forgetSync',
    'startSyncOver',
    'pdfAnnotations',
    'createForPdfViewer',
  ] as const;
  return Object.fromEntries(names.map((name) => [name, spy(name)])) as Record<
    (typeof names)[number],
    Mock<(...args: unknown[]) => Promise<unknown>>
  >;
});

vi.mock('@/extension/background/analyze-tab', () => ({ analyzeTab: spies.analyzeTab }));
vi.mock('@/extension/background/alias-pick-handlers', () => ({ pickAlias: spies.pickAlias }));
vi.mock('@/extension/background/execute-in-tab', () => ({ inTabOr: spies.inTabOr }));
vi.mock('@/extension/background/tab-commands', () => ({ sendTabCommand: spies.sendTabCommand }));
vi.mock('@/extension/background/annotation-handlers', () => ({
  pageAnnotations: spies.pageAnnotations,
  loadHighlighter: spies.loadHighlighter,
  createForSender: spies.createForSender,
  update: spies.update,
  retarget: spies.retarget,
  remove: spies.remove,
  restore: spies.restore,
  tagSuggestions: spies.tagSuggestions,
}));
vi.mock('@/extension/background/entity-handlers', () => ({
  tabEntities: spies.tabEntities,
  entityDetails: spies.entityDetails,
  tagEntityOnTab: spies.tagEntityOnTab,
  addActor: spies.addActor,
  tagSelectionOnTab: spies.tagSelectionOnTab,
  suggestActorNames: spies.suggestActorNames,
  pagesForActor: spies.pagesForActor,
  tabSelection: spies.tabSelection,
  exportIndicators: spies.exportIndicators,
}));
vi.mock('@/extension/background/entity-mark-handlers', () => ({
  markEntities: spies.markEntities,
  focusEntityMark: spies.focusEntityMark,
  clearEntityMarks: spies.clearEntityMarks,
  entityMarksShown: spies.entityMarksShown,
}));
vi.mock('@/extension/background/export-handlers', () => ({
  exportPage: spies.exportPage,
  profilesFor: spies.profilesFor,
  attackIds: spies.attackIds,
  placeFacts: spies.placeFacts,
}));
vi.mock('@/extension/background/pdf-annotation-handlers', () => ({
  pdfAnnotations: spies.pdfAnnotations,
  createForPdfViewer: spies.createForPdfViewer,
}));
vi.mock('@/extension/background/library-handlers', () => ({ openSavedPage: spies.openSavedPage, libraryChanged: spies.libraryChanged }));
vi.mock('@/extension/background/settings-handlers', () => ({ setSettings: spies.setSettings, eraseAll: spies.eraseAll }));
vi.mock('@/extension/background/site-pause-handlers', () => ({
  siteStatus: spies.siteStatus,
  tabSitePause: spies.tabSitePause,
  setSitePaused: spies.setSitePaused,
}));
vi.mock('@/extension/sync/sync-service', () => ({
  syncView: spies.syncView,
  setUpSync: spies.setUpSync,
  syncNow: spies.syncNow,
  turnSyncOff: spies.turnSyncOff,
  forgetSync: spies.forgetSync,
  startSyncOver: spies.startSyncOver,
}));

type SpyName = keyof typeof spies;

/** The handler each request type must reach: the routing table, written out as the specification. */
const ROUTES: Record<GlossRequestType, SpyName> = {
  'analyze-tab': 'analyzeTab',
  'scroll-to-heading': 'inTabOr',
  'page-annotations': 'pageAnnotations',
  'load-highlighter': 'loadHighlighter',
  'create-annotation': 'createForSender',
  'update-annotation': 'update',
  'retarget-annotation': 'retarget',
  'delete-annotation': 'remove',
  'restore-annotation': 'restore',
  'tags-in-use': 'tagSuggestions',
  'tab-highlights': 'sendTabCommand',
  'scroll-to-highlight': 'sendTabCommand',
  'reattach-highlight': 'sendTabCommand',
  'tab-entities': 'tabEntities',
  'entity-details': 'entityDetails',
  'tag-entity': 'tagEntityOnTab',
  'add-actor': 'addActor',
  'pick-alias': 'pickAlias',
  'tag-selection': 'tagSelectionOnTab',
  'suggest-actors': 'suggestActorNames',
  'pages-for-actor': 'pagesForActor',
  'tab-selection': 'tabSelection',
  'mark-entities': 'markEntities',
  'focus-entity-mark': 'focusEntityMark',
  'clear-entity-marks': 'clearEntityMarks',
  'entity-marks-shown': 'entityMarksShown',
  'export-page': 'exportPage',
  'export-indicators': 'exportIndicators',
  'actor-profiles': 'profilesFor',
  'attack-ids': 'attackIds',
  'place-facts': 'placeFacts',
  'open-saved-page': 'openSavedPage',
  'library-changed': 'libraryChanged',
  'site-status': 'siteStatus',
  'tab-site-pause': 'tabSitePause',
  'set-site-paused': 'setSitePaused',
  'set-settings': 'setSettings',
  'erase-everything': 'eraseAll',
  'sync-view': 'syncView',
  'sync-set-up': 'setUpSync',
  'sync-now': 'syncNow',
  'sync-off': 'turnSyncOff',
  'sync-forget': 'forgetSync',
  'sync-start-over': 'startSyncOver',
  'pdf-annotations': 'pdfAnnotations',
  'create-pdf-annotation': 'createForPdfViewer',
};

/** Handlers that handle-request.ts passes on as they are, so they get the request and the caller. */
const DIRECT = (Object.keys(ROUTES) as GlossRequestType[]).filter(
  (type) => !['analyzeTab', 'inTabOr', 'sendTabCommand'].includes(ROUTES[type]) && !type.startsWith('sync-'),
);

/** A sender the contract lets send `type`. */
const allowedSender = (type: GlossRequestType): Sender =>
  requestCaller(type) === 'content-script' ? contentScript() : requestCaller(type) === 'pdf-viewer' ? pdfViewer() : popup();

const calledSpies = () => (Object.keys(spies) as SpyName[]).filter((name) => spies[name].mock.calls.length > 0);

beforeEach(() => {
  fakeBrowser.reset();
  for (const spy of Object.values(spies)) spy.mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('routing every request type', () => {
  it("has a route for exactly the contract's request types", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...GLOSS_REQUEST_TYPES].sort());
  });

  it.each(GLOSS_REQUEST_TYPES.filter((type) => type !== 'tab-highlights'))('%s reaches its own handler and no other', async (type) => {
    const reply = await handleRequest(sample(type), allowedSender(type));
    expect(calledSpies()).toEqual([ROUTES[type]]);
    expect(spies[ROUTES[type]]).toHaveBeenCalledTimes(1);
    expect(reply).toEqual({ repliedBy: ROUTES[type] });
  });

  it.each(DIRECT)('%s is handed the request and the admitted caller, never the raw sender', async (type) => {
    const request = sample(type);
    await handleRequest(request, allowedSender(type));
    const [given, caller] = spies[ROUTES[type]].mock.calls[0];
    expect(given).toBe(request);
    expect(caller).toEqual(
      requestCaller(type) === 'content-script'
        ? { kind: 'content-script', tabId: TAB, pageUrl: PAGE }
        : requestCaller(type) === 'pdf-viewer'
          ? { kind: 'extension-page', extensionUrl: pdfViewer().url, viewer: 'pdf' }
          : { kind: 'extension-page', extensionUrl: fakeBrowser.runtime.getURL('/popup.html') },
    );
  });
});

describe('the requests handle-request.ts answers itself', () => {
  it('analyze-tab analyses the tab it names', async () => {
    await handleRequest({ type: 'analyze-tab', tabId: 42 }, popup());
    expect(spies.analyzeTab).toHaveBeenCalledWith(42);
  });

  it('scroll-to-heading runs the scroll in the tab, and answers "not found" where the tab cannot be scripted', async () => {
    const request = sample('scroll-to-heading') as GlossRequest<'scroll-to-heading'>;
    await handleRequest(request, popup());
    expect(spies.inTabOr).toHaveBeenCalledWith(request.tabId, scrollToHeadingInPage, [request.target], { found: false });
  });

  it("tab-highlights asks the tab's content script and names the tab's page", async () => {
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    spies.sendTabCommand.mockResolvedValueOnce([]);
    const reply = await handleRequest({ type: 'tab-highlights', tabId: tab.id! }, popup());
    expect(spies.sendTabCommand).toHaveBeenCalledWith(tab.id, 'highlight-states', {});
    expect(reply).toEqual({ ok: true, pageUrl: PAGE, highlights: [] });
  });

  it('tab-highlights says there is no content script when the tab does not answer', async () => {
    spies.sendTabCommand.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await handleRequest({ type: 'tab-highlights', tabId: 3 }, popup())).toEqual({ ok: false, reason: 'no-content-script' });
  });

  it('scroll-to-highlight and reattach-highlight pass the command on, and answer plainly when the page is gone', async () => {
    spies.sendTabCommand.mockRejectedValue(new Error('Could not establish connection'));
    expect(await handleRequest({ type: 'scroll-to-highlight', tabId: 3, id: 'a' }, popup())).toEqual({ found: false });
    expect(spies.sendTabCommand).toHaveBeenLastCalledWith(3, 'scroll-to-highlight', { id: 'a' });
    expect(await handleRequest({ type: 'reattach-highlight', tabId: 3, id: 'a' }, popup())).toEqual({
      ok: false,
      message: 'The page is not reachable.',
    });
    expect(spies.sendTabCommand).toHaveBeenLastCalledWith(3, 'reattach-to-selection', { id: 'a' });
  });

  it('sync-set-up hands its setup to the sync service', async () => {
    const request = sample('sync-set-up') as GlossRequest<'sync-set-up'>;
    await handleRequest(request, popup());
    expect(spies.setUpSync).toHaveBeenCalledWith(request.setup);
  });
});

describe('what is not a request of the contract reaches no handler', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'no-such-request'])('refuses the type %s', async (type) => {
    await expect(handleRequest({ type } as unknown as GlossRequest, popup())).rejects.toThrow(`${type} is not a Gloss request.`);
    expect(calledSpies()).toEqual([]);
  });

  it('answers a malformed request with the error envelope, before any handler runs', () => {
    const replies: unknown[] = [];
    const kept = answerGlossRequest({ type: 'update-annotation', id: 7, changes: {} }, popup(), (reply) => replies.push(reply));
    expect(kept).toBe(false);
    expect(replies).toEqual([{ glossError: 'update-annotation: the request is malformed.' }]);
    expect(calledSpies()).toEqual([]);
  });

  it('leaves a message of no known type unanswered', () => {
    const replies: unknown[] = [];
    expect(answerGlossRequest({ type: 'annotations-changed', pageUrls: [] }, popup(), (reply) => replies.push(reply))).toBe(false);
    expect(answerGlossRequest('hello', popup(), (reply) => replies.push(reply))).toBe(false);
    expect(replies).toEqual([]);
    expect(calledSpies()).toEqual([]);
  });
});
