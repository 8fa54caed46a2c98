import { randomUUID } from 'node:crypto';
import { readPdfFile } from '../../../cli/pdf-loader';
import { testPdf } from '../../../harness/test-pdfs';
import { describePdfOffsets } from '@/lib/pdf/pdf-anchoring';
import type { AnnotationRecord } from '@/lib/storage/records';
import { normalizePageUrl } from '@/lib/url/normalize-url';

/** The printed sample article as the command line reads it: its document key and text. */
export async function samplePdfReading() {
  return readPdfFile(await testPdf('sample'), { url: null });
}

/** How often `word` appears in the sample PDF's text: what the popup's count for it must be. */
export async function sampleMentions(word: string): Promise<number> {
  const { text } = (await samplePdfReading()).text;
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) count++;
  return count;
}

/**
 * A highlight on the sample PDF served at `address`, as Gloss's viewer files one (the page's address, the
 * document key, quote, position and page selectors), over the first occurrence of `quote`. Anchored from
 * the command line's reading of the same file, so the viewer finds it again by its quote and context.
 */
export async function samplePdfHighlight(address: string, quote: string, extra: Partial<AnnotationRecord> = {}): Promise<AnnotationRecord> {
  const reading = await samplePdfReading();
  const start = reading.text.text.indexOf(quote);
  if (start === -1) throw new Error(`“${quote}” is not in the sample PDF`);
  const now = Date.now();
  return {
    id: randomUUID(),
    pageUrl: normalizePageUrl(address)!,
    documentKey: reading.documentKey!,
    target: describePdfOffsets(reading.text, start, start + quote.length),
    color: 'green',
    note: 'The scale of the fraud',
    tags: ['fraud'],
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

/** The entity marks the viewer paints, by highlight name: how many ranges, and the focused one's text. */
export const VIEWER_MARKS_SCRIPT = `(() => ({
  actors: CSS.highlights.get('gloss-entity-threat-actor')?.size ?? 0,
  focused: [...(CSS.highlights.get('gloss-entity-focus') ?? [])].map((range) => range.toString()),
  focusPage: (() => {
    const range = [...(CSS.highlights.get('gloss-entity-focus') ?? [])][0];
    return range ? Number(range.startContainer.parentElement.closest('.pdf-page').dataset.pageNumber) : null;
  })(),
  scrollTop: document.querySelector('.pdf-scroller').scrollTop,
}))()`;
export interface ViewerMarks {
  actors: number;
  focused: string[];
  focusPage: number | null;
  scrollTop: number;
}
