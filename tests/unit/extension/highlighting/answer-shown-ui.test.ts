/**
 * The answers to the editor, the step-through bar and the undo notice that web pages and the PDF viewer
 * share (extension/highlighting/answer-shown-ui.ts): what each message leads to, for each thing shown.
 */
// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { answerShownUi, type Showing, type ShownUiFlows } from '@/extension/highlighting/answer-shown-ui';
import type { FrameToPage } from '@/lib/messaging/ui-frame-protocol';
import { fakePlaces, spanRecord } from '../../../support/fake-highlight-places';

// The autosave a draft schedules (draft-autosave.ts) would reach the background; here nothing does.
vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));

const record = spanRecord('h1', 10, 30, { note: 'Seen in the takedown' });

function setUp() {
  const { places, passages } = fakePlaces([record]);
  const calls: string[] = [];
  const flows: ShownUiFlows = {
    hide: vi.fn((passage: Range | null) => void calls.push(passage ? 'hide at passage' : 'hide')),
    closeEditor: vi.fn(() => void calls.push('closeEditor')),
    step: vi.fn((fromId: string, direction: 1 | -1) => void calls.push(`step ${fromId} ${direction}`)),
    openEditor: vi.fn((opened, focusNote: boolean) => void calls.push(`openEditor ${opened.id} ${focusNote}`)),
    remove: vi.fn(async (removed) => void calls.push(`remove ${removed.id}`)),
  };
  return { places, passages, flows, calls };
}

describe('answerShownUi: the editor', () => {
  const editor = (): Showing<unknown> => ({ view: 'editor', record, draft: null });

  it('keeps a draft and previews its colour on the passage', () => {
    vi.useFakeTimers(); // the autosave it schedules (draft-autosave.ts) is dropped unfired at the end
    const { places, flows, calls } = setUp();
    const showing = editor();
    const draft = { color: 'blue' as const, note: 'Changed', tags: 'fraud' };
    answerShownUi(showing, { type: 'draft', draft }, places, flows);
    expect(showing).toMatchObject({ view: 'editor', draft });
    expect(places.preview).toHaveBeenCalledWith({ id: 'h1', color: 'blue' });
    expect(calls).toEqual([]);
    vi.useRealTimers();
  });

  it('closes (and so saves) on close, and saves before stepping on', () => {
    const { places, flows, calls } = setUp();
    answerShownUi(editor(), { type: 'close' }, places, flows);
    answerShownUi(editor(), { type: 'step', direction: -1 }, places, flows);
    expect(calls).toEqual(['closeEditor', 'closeEditor', 'step h1 -1']);
  });

  it('on delete drops the draft (hiding saves one), hides, drops the focus and preview, then deletes (with Undo)', () => {
    const { places, flows, calls } = setUp();
    const showing = { view: 'editor' as const, record, draft: { color: 'blue' as const, note: 'Changed', tags: '' } };
    answerShownUi(showing, { type: 'delete' }, places, flows);
    expect(showing.draft).toBeNull();
    expect(calls).toEqual(['hide', 'remove h1']);
    expect(places.focus).toHaveBeenCalledWith(null);
    expect(places.preview).toHaveBeenCalledWith(null);
  });
});

describe('answerShownUi: the step-through bar', () => {
  const stepper = (id = 'h1'): Showing<unknown> => ({ view: 'stepper', id });

  it('steps from the highlight shown, and opens its editor on edit', () => {
    const { places, flows, calls } = setUp();
    answerShownUi(stepper(), { type: 'step', direction: 1 }, places, flows);
    answerShownUi(stepper(), { type: 'edit' }, places, flows);
    expect(calls).toEqual(['step h1 1', 'openEditor h1 false']);
  });

  it('opens no editor for a highlight deleted meanwhile', () => {
    const { places, flows, calls } = setUp();
    answerShownUi(stepper('gone'), { type: 'edit' }, places, flows);
    expect(calls).toEqual([]);
  });

  it('on close drops the focus and hands it back to the passage on screen', () => {
    const { places, passages, flows, calls } = setUp();
    passages.set('h1', document.createRange());
    answerShownUi(stepper(), { type: 'close' }, places, flows);
    expect(places.focus).toHaveBeenCalledWith(null);
    expect(calls).toEqual(['hide at passage']);
  });

  it('on close of a passage not drawn now, just hides', () => {
    const { places, flows, calls } = setUp();
    answerShownUi(stepper(), { type: 'close' }, places, flows);
    expect(calls).toEqual(['hide']);
  });
});

describe('answerShownUi: the undo notice', () => {
  it('hides, then takes the change back, on undo', () => {
    const { places, flows, calls } = setUp();
    const undo = vi.fn(() => void calls.push('undo'));
    answerShownUi({ view: 'toast', undo }, { type: 'undo' }, places, flows);
    expect(calls).toEqual(['hide', 'undo']);
  });

  it('ignores undo on a notice that has nothing to take back, and hides on close', () => {
    const { places, flows, calls } = setUp();
    const notice: Showing<unknown> = { view: 'toast', undo: null };
    answerShownUi(notice, { type: 'undo' }, places, flows);
    expect(calls).toEqual([]);
    answerShownUi(notice, { type: 'close' }, places, flows);
    expect(calls).toEqual(['hide']);
  });
});

describe('answerShownUi: what it leaves to each side', () => {
  it('does nothing for the toolbar or when nothing is shown, whatever the message', () => {
    const { places, flows, calls } = setUp();
    const messages: FrameToPage[] = [
      { type: 'close' },
      { type: 'edit' },
      { type: 'step', direction: 1 },
      { type: 'delete' },
      { type: 'undo' },
    ];
    for (const message of messages) {
      answerShownUi({ view: 'none' }, message, places, flows);
      answerShownUi({ view: 'toolbar', selection: null } as Showing<{ selection: null }>, message, places, flows);
    }
    expect(calls).toEqual([]);
    expect(places.focus).not.toHaveBeenCalled();
    expect(places.preview).not.toHaveBeenCalled();
  });
});
