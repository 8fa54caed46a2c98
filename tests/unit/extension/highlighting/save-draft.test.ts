/**
 * Saving an editor's draft when it goes away (extension/highlighting/save-draft.ts): what is stored, and when
 * the passage stops showing the previewed colour.
 */
// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { saveLeftDraft } from '@/extension/highlighting/save-draft';
import { sendRequest } from '@/extension/send-request';
import { fakePlaces, spanRecord } from '../../../support/fake-highlight-places';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));

const record = spanRecord('h1', 10, 30);

describe('saveLeftDraft', () => {
  it('keeps the colour preview while an autosave that stored the colour is on its way, and drops it once answered', async () => {
    const { places } = fakePlaces([record]);
    let answer!: () => void;
    const saving = new Promise<void>((resolve) => (answer = resolve));
    // The autosave already stored blue: the session's record says so, and the draft has changed nothing since.
    const stored = { ...record, color: 'blue' as const };
    saveLeftDraft({ view: 'editor', record: stored, draft: { color: 'blue', note: '', tags: '' }, saving }, places);
    await Promise.resolve();
    expect(sendRequest).not.toHaveBeenCalled();
    expect(places.preview).not.toHaveBeenCalled();
    answer();
    await saving;
    await Promise.resolve();
    expect(places.preview).toHaveBeenCalledWith(null);
  });

  it('drops the preview at once when nothing is to be stored and no autosave is on its way', async () => {
    const { places } = fakePlaces([record]);
    saveLeftDraft({ view: 'editor', record, draft: { color: 'yellow', note: '', tags: '' } }, places);
    await Promise.resolve();
    expect(places.preview).toHaveBeenCalledWith(null);
    expect(sendRequest).not.toHaveBeenCalled();
  });
});
