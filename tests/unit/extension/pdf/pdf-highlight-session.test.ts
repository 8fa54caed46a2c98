// @vitest-environment jsdom
/**
 * PdfHighlightSession's editor, as HighlightFlows' on web pages (tests/unit/extension/page/highlight-flows.test.ts):
 * what it holds is saved however it goes away (Done, the viewer reloading or its tab closing, a shortcut
 * showing something else in its place), once, and not for a highlight being deleted; while it is open, the note
 * and tags are saved as the person pauses typing (tests/support/editor-autosave-cases.ts). The panels
 * (PdfUiLayer), the document's highlights (PdfHighlights), the text layers and the background are stand-ins;
 * the panels' messages are sent as the real ones send them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdfView } from '@/components/pdf/pdf-view';
import type { GlossRequest } from '@/lib/messaging/contract';
import type { FrameToPage } from '@/lib/messaging/ui-frame-protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/gloss-settings';
import { sendRequest } from '@/extension/send-request';
import { editorAutosaveCases } from '../../../support/editor-autosave-cases';
import { spanRecord } from '../../../support/fake-highlight-places';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));
// Only what the session touches of the extension API: its tab-command listener and the "placed" notice.
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { onMessage: { addListener: () => undefined, removeListener: () => undefined }, sendMessage: async () => undefined },
  },
}));

/** The panels' side as the session sees it: what it asked them to show, and a way to answer as the person would. */
const panels = vi.hoisted(() => ({
  shown: [] as string[],
  act: (_message: FrameToPage): void => undefined,
}));
vi.mock('@/extension/pdf/pdf-ui-layer', () => ({
  PdfUiLayer: class {
    constructor(_scroller: HTMLElement, onAction: (message: FrameToPage) => void) {
      panels.act = onAction;
    }
    showEditor = () => void panels.shown.push('editor');
    showToast = () => void panels.shown.push('toast');
    showStepper = () => void panels.shown.push('stepper');
    showToolbar = () => void panels.shown.push('toolbar');
    hide = () => void panels.shown.push('hide');
    focusToolbar = () => undefined;
    hasFocus = () => false;
    contains = () => false;
    remove = () => undefined;
  },
}));

const record = spanRecord('h1', 0, 10);
/** The document's highlights: the one above, placed nowhere on screen (jsdom lays nothing out). */
const highlights = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock('@/extension/pdf/pdf-highlights', () => ({
  PdfHighlights: class {
    constructor() {
      Object.assign(this, highlights.current);
    }
  },
}));
// No selection in the text layers; a highlight stepped to is found at once.
vi.mock('@/extension/pdf/pdf-text-selection', () => ({
  currentTextRange: () => null,
  describeTextRange: async () => null,
  highlightAtPoint: () => null,
  highlightUnderPointer: () => null,
  revealPdfHighlight: async () => true,
}));

const { PdfHighlightSession } = await import('@/extension/pdf/pdf-highlight-session');

const typed = { color: 'yellow' as const, note: 'The headline figure.', tags: 'fraud, Storm-1152' };
let requests: GlossRequest[];

function setUp() {
  const item = { record };
  highlights.current = {
    get: vi.fn(() => item),
    inOrder: vi.fn(() => [item]),
    rangesOf: vi.fn(() => []),
    focus: vi.fn(),
    preview: vi.fn(),
    hover: vi.fn(),
    replaceRecord: vi.fn(),
    forget: vi.fn(),
    clear: vi.fn(),
    load: vi.fn(async () => undefined),
  };
  const scroller = document.createElement('div');
  document.body.append(scroller);
  const documentRef = { documentKey: 'urn:x-pdf:0123456789abcdef0123456789abcdef', address: null, title: 'Storm-1152' };
  const session = new PdfHighlightSession({} as PdfView, scroller, documentRef, async () => DEFAULT_SETTINGS);
  const controller = new AbortController();
  session.start(controller.signal);
  return { session, stop: () => controller.abort() };
}

const updates = () => requests.filter((request) => request.type === 'update-annotation');

beforeEach(() => {
  document.body.replaceChildren();
  panels.shown = [];
  requests = [];
  vi.mocked(sendRequest).mockReset();
  vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
    requests.push(request);
    return request.type === 'update-annotation' ? { ...record, ...request.changes } : null;
  });
});

describe('PdfHighlightSession: the editor keeps what was typed', () => {
  it('saves the note and tags once on Done', () => {
    const { session, stop } = setUp();
    session.openEditor(record, false);
    panels.act({ type: 'draft', draft: { ...typed, tags: '' } });
    panels.act({ type: 'draft', draft: typed });
    panels.act({ type: 'close' });
    window.dispatchEvent(new Event('pagehide'));
    stop();
    expect(updates()).toEqual([
      { type: 'update-annotation', id: 'h1', changes: { note: 'The headline figure.', tags: ['fraud', 'Storm-1152'] } },
    ]);
  });

  it('saves the note and tags when the viewer reloads or its tab closes before Done', () => {
    const { session, stop } = setUp();
    session.openEditor(record, false);
    panels.act({ type: 'draft', draft: typed });
    window.dispatchEvent(new Event('pagehide'));
    expect(updates()).toEqual([
      { type: 'update-annotation', id: 'h1', changes: { note: 'The headline figure.', tags: ['fraud', 'Storm-1152'] } },
    ]);
    stop();
  });

  it('saves them when a shortcut shows something else in its place', async () => {
    const { session, stop } = setUp();
    session.openEditor(record, false);
    panels.act({ type: 'draft', draft: typed });
    await session.run({ gloss: 'tab-command', type: 'step-highlights' }); // the step-through shortcut
    await vi.waitFor(() => expect(panels.shown).toContain('stepper'));
    session.openEditor(record, false);
    panels.act({ type: 'draft', draft: { ...typed, note: 'Check the court filing.' } });
    await session.run({ gloss: 'tab-command', type: 'highlight-selection', shortcut: 'Alt+Shift+H' }); // the highlight shortcut, nothing selected
    expect(panels.shown.filter((view) => view !== 'hide')).toEqual(['editor', 'stepper', 'editor', 'toast']);
    expect(updates().map((request) => request.type === 'update-annotation' && request.changes.note)).toEqual([
      'The headline figure.',
      'Check the court filing.',
    ]);
    stop();
  });

  it('saves nothing for a highlight being deleted, nor when the viewer then goes away', async () => {
    const { session, stop } = setUp();
    session.openEditor(record, false);
    panels.act({ type: 'draft', draft: typed });
    panels.act({ type: 'delete' });
    window.dispatchEvent(new Event('pagehide'));
    stop();
    await vi.waitFor(() => expect(requests.map((request) => request.type)).toEqual(['delete-annotation']));
  });
});

describe('PdfHighlightSession: the editor saves the note and tags as the person pauses typing', () => {
  editorAutosaveCases(() => {
    const { session, stop } = setUp();
    session.openEditor(record, false);
    return { act: (message) => panels.act(message), requests: () => requests, stop };
  });
});
