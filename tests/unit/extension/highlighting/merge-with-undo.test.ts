/**
 * The merge with Undo that web pages and the PDF viewer share (extension/highlighting/merge-with-undo.ts),
 * over a fake set of highlights whose places are plain offsets, with the background replaced by a fake
 * sendRequest that records what was asked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeWithUndo } from '@/extension/highlighting/merge-with-undo';
import { sendRequest } from '@/extension/send-request';
import type { GlossRequest } from '@/lib/messaging/contract';
import { fakePlaces, spanRecord } from '../../../support/fake-highlight-places';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));

let requests: GlossRequest[];

beforeEach(() => {
  requests = [];
  vi.mocked(sendRequest).mockReset();
  vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
    requests.push(request);
    return undefined as never;
  });
});

/** Lets the undo (which runs its requests one after another, unawaited) finish. */
async function settle(times = 10): Promise<void> {
  for (let i = 0; i < times; i++) await Promise.resolve();
}

describe('mergeWithUndo', () => {
  const later = spanRecord('later', 40, 60, { note: 'Second note', tags: ['storm-1152'] });
  const earlier = spanRecord('earlier', 5, 20, { note: 'First note', tags: ['fraud', 'storm-1152'] });

  it('stores one highlight over the selection and every part, with their notes in text order and all tags', async () => {
    const { places } = fakePlaces([later, earlier]);
    const parts = [
      { record: later, place: { start: 40, end: 60 } },
      { record: earlier, place: { start: 5, end: 20 } },
    ];
    const done = await mergeWithUndo(places, { start: 15, end: 45 }, parts, 'green');

    expect(done?.count).toBe(3);
    expect(places.union).toHaveBeenCalledWith([
      { start: 15, end: 45 },
      { start: 40, end: 60 },
      { start: 5, end: 20 },
    ]);
    expect(places.create).toHaveBeenCalledWith({ start: 5, end: 60 }, 'green', {
      note: 'First note\n\nSecond note',
      tags: ['fraud', 'storm-1152'],
    });
  });

  it('deletes the parts only after the merged highlight is stored, and takes them off the screen', async () => {
    const { places, placed } = fakePlaces([later, earlier]);
    const order: string[] = [];
    places.create.mockImplementationOnce(async (span, color, fields) => {
      order.push('create');
      const record = spanRecord('merged', span.start, span.end, { color, ...fields });
      placed.set(record.id, record);
      return record;
    });
    vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
      order.push(request.type === 'delete-annotation' ? `delete ${request.id}` : request.type);
      return undefined as never;
    });
    await mergeWithUndo(places, { start: 15, end: 45 }, [{ record: earlier, place: { start: 5, end: 20 } }], 'yellow');

    expect(order).toEqual(['create', 'delete earlier']);
    expect(places.forget).toHaveBeenCalledWith('earlier');
    expect([...placed.keys()]).toEqual(['later', 'merged']);
  });

  it('deletes nothing when the merged highlight is not stored', async () => {
    const { places, placed } = fakePlaces([earlier], { createFails: true });
    const done = await mergeWithUndo(places, { start: 10, end: 30 }, [{ record: earlier, place: { start: 5, end: 20 } }], 'blue');

    expect(done).toBeNull();
    expect(requests).toEqual([]);
    expect(places.forget).not.toHaveBeenCalled();
    expect(placed.has('earlier')).toBe(true);
  });

  it('passes a thrown storage error on, deleting nothing', async () => {
    const { places } = fakePlaces([earlier]);
    places.create.mockRejectedValueOnce(new Error('The highlight was not stored.'));
    await expect(
      mergeWithUndo(places, { start: 10, end: 30 }, [{ record: earlier, place: { start: 5, end: 20 } }], 'blue'),
    ).rejects.toThrow('not stored');
    expect(requests).toEqual([]);
  });

  it('Undo deletes the merged highlight, restores every part as it was, then reads the highlights again', async () => {
    const { places } = fakePlaces([later, earlier]);
    const parts = [
      { record: earlier, place: { start: 5, end: 20 } },
      { record: later, place: { start: 40, end: 60 } },
    ];
    const done = await mergeWithUndo(places, { start: 15, end: 45 }, parts, 'pink');
    const mergedId = (await places.create.mock.results[0].value)?.id;
    expect(mergedId).toMatch(/^merged-/);
    requests.length = 0;

    done?.undo();
    await vi.waitFor(() => expect(places.load).toHaveBeenCalledTimes(1));
    await settle();

    expect(requests).toEqual([
      { type: 'delete-annotation', id: mergedId },
      { type: 'restore-annotation', record: earlier },
      { type: 'restore-annotation', record: later },
    ]);
  });

  it('a selection that overlaps nothing stored any more still becomes one highlight of its own', async () => {
    const { places } = fakePlaces([]);
    const done = await mergeWithUndo(places, { start: 3, end: 9 }, [], 'purple');
    expect(done?.count).toBe(1);
    expect(places.create).toHaveBeenCalledWith({ start: 3, end: 9 }, 'purple', { note: '', tags: [] });
  });
});
