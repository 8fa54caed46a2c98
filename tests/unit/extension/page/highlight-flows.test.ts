// @vitest-environment jsdom
/**
 * HighlightFlows' editor: what it holds is saved however it goes away (Done, the page reloading or its tab
 * closing, a shortcut showing something else in its place), once, and not for a highlight being deleted;
 * while it is open, the note and tags are saved as the person pauses typing (tests/support/editor-autosave-cases.ts).
 * The frame (UiFrameHost) and the background (sendRequest) are stand-ins; the frame's messages are sent
 * as the real one sends them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameToPage } from '@/lib/messaging/ui-frame-protocol';
import type { GlossRequest } from '@/lib/messaging/contract';
import type { PageHighlights } from '@/extension/page/page-highlights';
import { sendRequest } from '@/extension/send-request';
import { editorAutosaveCases } from '../../../support/editor-autosave-cases';
import { spanRecord } from '../../../support/fake-highlight-places';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));
// WXT's stand-in for `wxt/browser` loads its whole testing kit, whose esbuild refuses jsdom's globals.
vi.mock('wxt/browser', () => ({ browser: {} }));

/** The frame's side as the flows see it: what they asked it to show, and a way to answer as the person would. */
const frame = vi.hoisted(() => ({
  shown: [] as string[],
  act: (_message: FrameToPage): void => undefined,
}));
vi.mock('@/extension/page/ui/ui-frame-host', () => ({
  UiFrameHost: class {
    constructor(onAction: (message: FrameToPage) => void) {
      frame.act = onAction;
    }
    showEditor = () => void frame.shown.push('editor');
    showToast = () => void frame.shown.push('toast');
    showStepper = () => void frame.shown.push('stepper');
    showToolbar = () => void frame.shown.push('toolbar');
    hide = () => void frame.shown.push('hide');
    hasFocus = () => false;
    contains = () => false;
    preload = () => undefined;
    remove = () => undefined;
  },
}));

const { HighlightFlows } = await import('@/extension/page/highlight-flows');

const record = spanRecord('h1', 0, 10);
const typed = { color: 'yellow' as const, note: 'The headline number.', tags: 'fraud, Storm-1152' };
let requests: GlossRequest[];

function setUp() {
  const range = document.createRange();
  range.selectNodeContents(document.body);
  range.getBoundingClientRect = () => new DOMRect(0, 0, 100, 20); // jsdom lays nothing out
  const item = { record, range, anchoredText: '', start: 0, end: 10, status: 'anchored' as const };
  const highlights = {
    get: vi.fn(() => item),
    inOrder: vi.fn(() => [item]),
    focus: vi.fn(),
    preview: vi.fn(),
    reveal: vi.fn(),
    replaceRecord: vi.fn(),
    forget: vi.fn(),
    load: vi.fn(async () => undefined),
  };
  const flows = new HighlightFlows(highlights as unknown as PageHighlights);
  const controller = new AbortController();
  flows.listen(controller.signal);
  return { flows, highlights, stop: () => controller.abort() };
}

const updates = () => requests.filter((request) => request.type === 'update-annotation');

beforeEach(() => {
  document.body.innerHTML = '<p>Astonishingly, the group managed to generate a staggering 750 million</p>';
  frame.shown = [];
  requests = [];
  vi.mocked(sendRequest).mockReset();
  vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
    requests.push(request);
    return request.type === 'update-annotation' ? { ...record, ...request.changes } : null;
  });
});

describe('HighlightFlows: the editor keeps what was typed', () => {
  it('saves the note and tags once on Done', () => {
    const { flows, stop } = setUp();
    flows.openEditor(record, false);
    frame.act({ type: 'draft', draft: { ...typed, tags: '' } });
    frame.act({ type: 'draft', draft: typed });
    frame.act({ type: 'close' });
    window.dispatchEvent(new Event('pagehide'));
    expect(updates()).toEqual([
      { type: 'update-annotation', id: 'h1', changes: { note: 'The headline number.', tags: ['fraud', 'Storm-1152'] } },
    ]);
    stop();
  });

  it('saves the note and tags when the page reloads or its tab closes before Done', () => {
    const { flows, stop } = setUp();
    flows.openEditor(record, false);
    frame.act({ type: 'draft', draft: typed });
    window.dispatchEvent(new Event('pagehide'));
    expect(updates()).toEqual([
      { type: 'update-annotation', id: 'h1', changes: { note: 'The headline number.', tags: ['fraud', 'Storm-1152'] } },
    ]);
    stop();
  });

  it('saves them when a shortcut shows something else in its place', () => {
    const { flows, stop } = setUp();
    flows.openEditor(record, false);
    frame.act({ type: 'draft', draft: typed });
    flows.step(null, 1); // the step-through shortcut
    flows.openEditor(record, false);
    frame.act({ type: 'draft', draft: { ...typed, note: 'Check the court filing.' } });
    flows.showToast('Select some text in the page first, then choose Highlight.', null); // the highlight shortcut
    expect(frame.shown.filter((view) => view !== 'hide')).toEqual(['editor', 'stepper', 'editor', 'toast']);
    expect(updates().map((request) => request.type === 'update-annotation' && request.changes.note)).toEqual([
      'The headline number.',
      'Check the court filing.',
    ]);
    stop();
  });

  it('saves nothing for a highlight being deleted, nor when the page then goes away', async () => {
    const { flows, stop } = setUp();
    flows.openEditor(record, false);
    frame.act({ type: 'draft', draft: typed });
    frame.act({ type: 'delete' });
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(requests.map((request) => request.type)).toEqual(['delete-annotation']));
    stop();
  });
});

describe('HighlightFlows: the editor saves the note and tags as the person pauses typing', () => {
  editorAutosaveCases(() => {
    const { flows, stop } = setUp();
    flows.openEditor(record, false);
    return { act: (message) => frame.act(message), requests: () => requests, stop };
  });
});
