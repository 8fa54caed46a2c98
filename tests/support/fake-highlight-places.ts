import { vi } from 'vitest';
import type { HighlightPlaces } from '@/extension/highlighting/highlight-places';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';

/** A place as simple as it gets: offsets into some text. */
export interface Span {
  start: number;
  end: number;
}

/** A stored highlight over [start, end) of a made-up text. */
export function spanRecord(id: string, start: number, end: number, fields: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    pageUrl: 'https://news.example/storm-1152',
    target: {
      quote: { type: 'TextQuoteSelector', exact: `passage ${id}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

/**
 * HighlightPlaces over spans, holding its highlights in a Map, with every call recorded: what the shared
 * flows see of a web page's or a PDF's highlights, without either.
 */
export function fakePlaces(records: AnnotationRecord[], options: { createFails?: boolean } = {}) {
  const placed = new Map(records.map((record) => [record.id, record]));
  const passages = new Map<string, Range>();
  let next = 0;
  const places = {
    get: vi.fn((id: string) => {
      const record = placed.get(id);
      return record ? { record } : undefined;
    }),
    passageOf: vi.fn((id: string) => passages.get(id) ?? null),
    union: vi.fn((spans: readonly Span[]) => ({
      start: Math.min(...spans.map((span) => span.start)),
      end: Math.max(...spans.map((span) => span.end)),
    })),
    create: vi.fn(async (span: Span, color: HighlightColor, fields: { note: string; tags: string[] }) => {
      if (options.createFails) return null;
      const record = spanRecord(`merged-${++next}`, span.start, span.end, { color, ...fields });
      placed.set(record.id, record);
      return record;
    }),
    forget: vi.fn((id: string) => void placed.delete(id)),
    replaceRecord: vi.fn((record: AnnotationRecord) => void placed.set(record.id, record)),
    load: vi.fn(async () => undefined),
    focus: vi.fn(),
    preview: vi.fn(),
  } satisfies HighlightPlaces<Span>;
  return { places, placed, passages };
}
