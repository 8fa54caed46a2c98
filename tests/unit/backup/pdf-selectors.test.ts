/**
 * PDF highlights in the JSON backup: the page as a W3C FragmentSelector ("page=N", RFC 3778) beside the
 * quote and position, and the document key that finds the file at any address.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/backup/parse-backup';
import { backupDocument, backupJson, toWebAnnotation } from '@/lib/backup/to-json-ld';
import type { GlossSnapshot } from '@/lib/export/page-export';
import { pageFragmentSelector } from '@/lib/pdf/page-selector';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

const KEY = 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b';
const PDF_URL = 'https://vendor.example/research/storm-1152.pdf';

const pdfPage: PageRecord = {
  url: PDF_URL,
  documentKey: KEY,
  title: 'Storm-1152 takedown',
  siteName: 'vendor.example',
  createdAt: 1_714_000_000_000,
  updatedAt: 1_714_000_000_500,
};
const localPage: PageRecord = {
  url: 'urn:x-pdf:2535f35dc149286d97da151d71f9292c',
  documentKey: 'urn:x-pdf:2535f35dc149286d97da151d71f9292c',
  title: 'A local report',
  siteName: null,
  createdAt: 1_714_000_000_000,
  updatedAt: 1_714_000_000_100,
};

function pdfHighlight(id: string, page: PageRecord, pageNumber: number, exact: string, start: number): AnnotationRecord {
  return {
    id,
    pageUrl: page.url,
    documentKey: page.documentKey,
    color: 'blue',
    note: 'on the PDF',
    tags: ['storm-1152'],
    createdAt: 1_714_000_000_200,
    updatedAt: 1_714_000_000_300,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'known as ', suffix: '. This article' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      page: pageFragmentSelector(pageNumber),
    },
  };
}

const snapshot = (): GlossSnapshot => ({
  pages: [pdfPage, localPage],
  annotations: [
    pdfHighlight('0d2f1c5e-4c1b-4f5e-9a55-2f0c4a1c9a10', pdfPage, 2, 'Storm-1152', 1_234),
    pdfHighlight('9a1f0c5e-4c1b-4f5e-9a55-2f0c4a1c9a10', localPage, 17, 'a local quote', 99_000),
  ],
  tags: [],
  entityTags: [],
  actors: [],
});

describe('PDF highlights in the W3C export', () => {
  it('carry the page as a FragmentSelector after the quote and position, and the document key on the target', () => {
    const annotation = toWebAnnotation(snapshot().annotations[0]);
    expect(annotation.target).toEqual({
      source: PDF_URL,
      'gloss:documentKey': KEY,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: 'known as ', suffix: '. This article' },
        { type: 'TextPositionSelector', start: 1_234, end: 1_244 },
        { type: 'FragmentSelector', value: 'page=2', conformsTo: 'http://tools.ietf.org/rfc/rfc3778' },
      ],
    });
  });

  it("keep the page record's document key", () => {
    const pages = backupDocument(snapshot())['gloss:pages'];
    expect(pages).toContainEqual({ ...pdfPage });
    expect(pages).toContainEqual({ ...localPage });
  });

  it('come back from the import exactly, local PDFs (filed under their key) included', () => {
    const text = backupJson(snapshot());
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.skipped).toEqual([]);
    if (!parsed.ok) return;
    const byId = (records: AnnotationRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(parsed.snapshot.annotations)).toEqual(byId(snapshot().annotations));
    expect(backupJson(parsed.snapshot)).toBe(text);
  });

  it('read a page FragmentSelector from another tool, and ignore fragments that are not PDF pages', () => {
    const document = JSON.parse(backupJson(snapshot()));
    const [first] = document.first.items;
    first.target.selector.push({ type: 'FragmentSelector', value: 't=10,20', conformsTo: 'http://www.w3.org/TR/media-frags/' });
    const parsed = parseBackup(JSON.stringify(document));
    expect(parsed.ok && parsed.skipped).toEqual([]);
    if (!parsed.ok) return;
    const read = parsed.snapshot.annotations.find((record) => record.pageUrl === PDF_URL);
    expect(read?.target.page).toEqual(pageFragmentSelector(2));
  });

  it('keep a highlight with a bad page selector, without the page; refuse one with two pages or a bad document key', () => {
    const withBadPage = JSON.parse(backupJson(snapshot()));
    withBadPage.first.items[0].target.selector[2].value = 'page=zero';
    const dropped = parseBackup(JSON.stringify(withBadPage));
    expect(dropped.ok && dropped.skipped).toEqual([]);
    if (dropped.ok) expect(dropped.snapshot.annotations.find((record) => record.pageUrl === PDF_URL)?.target.page).toBeUndefined();

    const withTwoPages = JSON.parse(backupJson(snapshot()));
    withTwoPages.first.items[0].target.selector.push({
      type: 'FragmentSelector',
      value: 'page=3',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
    });
    const twice = parseBackup(JSON.stringify(withTwoPages));
    expect(twice.ok && twice.skipped.map((skip) => skip.message)).toEqual(['Annotation 1 has more than one page FragmentSelector.']);

    const withBadKey = JSON.parse(backupJson(snapshot()));
    withBadKey.first.items[0].target['gloss:documentKey'] = 'urn:x-pdf:<script>';
    const badKey = parseBackup(JSON.stringify(withBadKey));
    expect(badKey.ok && badKey.skipped.map((skip) => skip.message)).toEqual([
      'Annotation 1: documentKey is not a PDF document key such as urn:x-pdf:<fingerprint>.',
    ]);
  });
});
