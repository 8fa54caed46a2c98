/**
 * lib/pdf's regular expressions over a PDF's text run in linear time. A PDF is as hostile as a web page:
 * its text items, bookmark titles and metadata are whatever its maker wrote. Each generator
 * (tests/support/hostile-text.ts) makes 200,000 characters; they are read as one huge text item, as
 * one item per character on one line, and as a line per character, then the outline is inferred and
 * bookmark titles are looked up in that text. The limit is generous for linear work and far short of
 * what quadratic work on 200,000 characters takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairBookmarkTitles } from '@/lib/pdf/bookmark-titles';
import { buildDocumentText } from '@/lib/pdf/document-text';
import { inferOutline, type PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import { parsePdfDate, pdfMetadata } from '@/lib/pdf/pdf-metadata';
import { checkHasText } from '@/lib/pdf/pdf-problems';
import { pageOfFragment } from '@/lib/pdf/page-selector';
import { isPdfDocumentKey, pdfDocumentKey } from '@/lib/pdf/document-key';
import { run } from '../../support/pdf-text-items';
import { TEXT_GENERATORS } from '../../support/hostile-text';

const LIMIT_MS = 5_000;

function elapsedMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The text as pages the way a hostile PDF might give it. */
function pagesOf(text: string) {
  const oneItem = [run(text, 72, 700, { size: 30, width: 10 })];
  const slice = text.slice(0, 50_000);
  const itemPerCharacter = [...slice].map((char, i) => run(char, 72 + i * 5, 700, { width: 5 }));
  const linePerCharacter = [...slice].map((char, i) => run(char, 72, 700 - i * 12, { size: i % 3 === 0 ? 20 : 10 }));
  return [oneItem, itemPerCharacter, linePerCharacter];
}

describe('lib/pdf on hostile text', () => {
  it.each(TEXT_GENERATORS)('reads $label in linear time', (generator) => {
    fc.assert(
      fc.property(generator.arbitrary, (text) => {
        let document = buildDocumentText([]);
        expect(elapsedMs(() => (document = buildDocumentText(pagesOf(text))))).toBeLessThan(LIMIT_MS);
        expect(elapsedMs(() => inferOutline(document))).toBeLessThan(LIMIT_MS);
        // No letter or digit anywhere: the check reads all of it, then refuses it.
        const noLetters = text.replace(/[\p{L}\p{N}]/gu, ' ');
        expect(elapsedMs(() => expect(() => checkHasText(noLetters)).toThrow('no text to read'))).toBeLessThan(LIMIT_MS);
        const bookmarks: PdfOutlineItem[] = [1, 2, 3].map((pageNumber) => ({
          level: 1,
          text: text.slice(0, 300),
          liveIndex: null,
          pageNumber,
        }));
        expect(elapsedMs(() => repairBookmarkTitles(bookmarks, document))).toBeLessThan(LIMIT_MS);
        const info = { Title: text, Author: text, Subject: text, CreationDate: `D:${text}`, ModDate: text, Language: text };
        const xmp = { get: (name: string) => (name === 'dc:creator' ? [text, text] : text) };
        expect(elapsedMs(() => pdfMetadata({ source: { info, metadata: xmp }, url: null, firstHeading: text }))).toBeLessThan(LIMIT_MS);
        expect(elapsedMs(() => [parsePdfDate(text), pageOfFragment(text), isPdfDocumentKey(text), pdfDocumentKey([text])])).toBeLessThan(
          LIMIT_MS,
        );
      }),
      { numRuns: 1 },
    );
  });
});
