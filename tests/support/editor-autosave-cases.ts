import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AUTOSAVE_PAUSE_MS } from '@/extension/highlighting/draft-autosave';
import type { GlossRequest } from '@/lib/messaging/contract';
import type { EditorDraft, FrameToPage } from '@/lib/messaging/ui-frame-protocol';

/** A highlight session (web page or PDF viewer) with its editor open on a record with no note, no tags, yellow. */
export interface EditorRig {
  /** Answers as the person would, through the editor's frame or panel. */
  act(message: FrameToPage): void;
  /** What the session asked of the background so far. */
  requests(): GlossRequest[];
  stop(): void;
}

const typed: EditorDraft = { color: 'yellow', note: 'The headline figure.', tags: 'fraud, Storm-1152' };
const typedChanges = { note: 'The headline figure.', tags: ['fraud', 'Storm-1152'] };

/**
 * The editor's autosave, the same for both sessions (tests/unit/extension/page/highlight-flows.test.ts,
 * tests/unit/extension/pdf/pdf-highlight-session.test.ts): note, tags and colour are stored once the person
 * pauses, so a crashed tab keeps them; closing then stores only what changed since. Fake timers stand for the pause.
 */
export function editorAutosaveCases(openEditor: () => EditorRig): void {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const pause = () => vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS);
  const updates = (rig: EditorRig) => rig.requests().filter((request) => request.type === 'update-annotation');
  const changesSent = (rig: EditorRig) => updates(rig).map((request) => request.type === 'update-annotation' && request.changes);

  it('saves the note and tags once when the person pauses typing, the editor still open', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: { ...typed, note: 'The head', tags: '' } });
    rig.act({ type: 'draft', draft: typed });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS - 1);
    expect(updates(rig)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(updates(rig)).toEqual([{ type: 'update-annotation', id: 'h1', changes: typedChanges }]);
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_PAUSE_MS);
    expect(updates(rig)).toHaveLength(1);
    rig.stop();
  });

  it('saves nothing while the person keeps typing, then what they typed last', async () => {
    const rig = openEditor();
    for (let length = 1; length <= typed.note.length; length += 1) {
      rig.act({ type: 'draft', draft: { ...typed, note: typed.note.slice(0, length) } });
      await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS / 2);
    }
    expect(updates(rig)).toEqual([]);
    await pause();
    expect(changesSent(rig)).toEqual([typedChanges]);
    rig.stop();
  });

  it('on Done after an autosave, sends only what changed since', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    await pause();
    rig.act({ type: 'draft', draft: { ...typed, color: 'blue' } });
    rig.act({ type: 'close' });
    await pause();
    expect(changesSent(rig)).toEqual([typedChanges, { color: 'blue' }]);
    rig.stop();
  });

  it('on Done or pagehide with nothing typed since an autosave, sends nothing more', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    await pause();
    rig.act({ type: 'draft', draft: typed });
    rig.act({ type: 'close' });
    window.dispatchEvent(new Event('pagehide'));
    await pause();
    expect(changesSent(rig)).toEqual([typedChanges]);
    rig.stop();
  });

  it('on Done after an autosave, keeps a note cleared since (the autosaved one is not left standing)', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    await pause();
    rig.act({ type: 'draft', draft: { ...typed, note: '' } });
    rig.act({ type: 'close' });
    expect(changesSent(rig)).toEqual([typedChanges, { note: '' }]);
    rig.stop();
  });

  it('on Done while an autosave is on its way, keeps a note cleared since', () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    vi.advanceTimersByTime(AUTOSAVE_PAUSE_MS); // the autosave is sent; its answer has not come back
    rig.act({ type: 'draft', draft: { ...typed, note: '' } });
    rig.act({ type: 'close' });
    expect(changesSent(rig)).toEqual([typedChanges, { note: '' }]);
    rig.stop();
  });

  it.each([
    ['Done', (rig: EditorRig) => rig.act({ type: 'close' })],
    ['pagehide (reload, tab closed)', () => void window.dispatchEvent(new Event('pagehide'))],
  ])('cancels the pending autosave on %s, which saves the draft itself', async (_name, leave) => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    leave(rig);
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_PAUSE_MS);
    expect(changesSent(rig)).toEqual([typedChanges]);
    rig.stop();
  });

  it('saves nothing for a highlight deleted while an autosave was pending', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: typed });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS / 2);
    rig.act({ type: 'delete' });
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_PAUSE_MS);
    expect(rig.requests().map((request) => request.type)).toEqual(['delete-annotation']);
    rig.stop();
  });

  it('saves a colour chosen once the person pauses, so a crash keeps it; Done then sends nothing more', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: { color: 'blue', note: '', tags: '' } });
    await pause();
    expect(changesSent(rig)).toEqual([{ color: 'blue' }]);
    rig.act({ type: 'close' });
    await pause();
    expect(changesSent(rig)).toEqual([{ color: 'blue' }]);
    rig.stop();
  });

  it('saves the colour with the note and tags when both changed before the pause', async () => {
    const rig = openEditor();
    rig.act({ type: 'draft', draft: { ...typed, color: 'green' } });
    await pause();
    expect(changesSent(rig)).toEqual([{ ...typedChanges, color: 'green' }]);
    rig.stop();
  });
}
