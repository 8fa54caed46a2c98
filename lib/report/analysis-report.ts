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
  /** An HTML page's kind (ArticleExtraction), or "pdf" for a PDF (pdf-analysis-report.ts). */
  kind: ArticleExtraction['kind'] | 'pdf';
  /**
   * Only level and text: positions in a live page mean nothing outside the browser. A PDF's entries
   * also give the page they are on (from 1), when known.
   */
  outline: { level: number; text: string; page?: number }[];
  entities: AnalysisEntity[];
  /** PDFs only: pdf.js's fingerprint of the file, the same wherever the file came from. */
  fingerprint?: string;
  /** PDFs only: "urn:x-pdf:<fingerprint>", the key Gloss files the document's highlights under. */
  documentKey?: string;
  /** PDFs only: the number of pages. */
  pageCount?: number;
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
