import type { ArticleExtraction } from '../article/extract-article';
import type { ArticleMetadata } from '../article/metadata';
import type { ReadingTime } from '../article/reading-time';
import type { Entity } from '../entities/types';

/** One entity found in the article; mention offsets point into the extracted article text. */
export type AnalysisEntity = Entity;

/** What `gloss analyze` prints as JSON. Every string in it comes from the page and is untrusted. */
export interface AnalysisReport extends Omit<ArticleMetadata, 'dir'> {
  /** The address the page was analysed as: `--url` when given, else the file's `file://` URL. */
  url: string | null;
  readingTime: ReadingTime;
  kind: ArticleExtraction['kind'];
  /** Only level and text: positions in a live page mean nothing outside the browser. */
  outline: { level: number; text: string }[];
  entities: AnalysisEntity[];
}

/**
 * Builds the report for one extracted page. Pure: the same extraction, URL and entities give the same
 * report. `entities` are those found in `extraction.textContent`.
 */
export function buildAnalysisReport(extraction: ArticleExtraction, url: string | null, entities: AnalysisEntity[] = []): AnalysisReport {
  const { dir: _dir, ...metadata } = extraction.metadata;
  return {
    ...metadata,
    url,
    readingTime: { words: extraction.readingTime.words, minutes: extraction.readingTime.minutes },
    kind: extraction.kind,
    outline: extraction.outline.map(({ level, text }) => ({ level, text })),
    entities,
  };
}
