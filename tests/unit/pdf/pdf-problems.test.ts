import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdfBytes, readPdfFile } from '../../../cli/pdf-loader';
import { ENCRYPTED_PDF_PASSWORD, testPdf } from '../../../harness/test-pdfs';
import {
  checkPageCount,
  checkPdfSize,
  MAX_PDF_BYTES,
  MAX_PDF_PAGES,
  PDF_MESSAGES,
  PdfProblem,
  pdfProblemFrom,
} from '@/lib/pdf/pdf-problems';
import { readPdf } from '@/lib/pdf/read-pdf';
import type { PdfDocumentSource } from '@/lib/pdf/pdf-source';
import { testPdfBytes } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['broken', 'encrypted', 'scanned']);

async function problemOf(read: Promise<unknown>): Promise<PdfProblem> {
  const error = await read.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PdfProblem);
  return error as PdfProblem;
}

describe('PDFs Gloss cannot read get a plain message', () => {
  it('a password-protected PDF says so', async () => {
    const problem = await problemOf(readPdfFile(await testPdf('encrypted'), { url: null }));
    expect(problem.kind).toBe('encrypted');
    expect(problem.message).toBe('This PDF is protected by a password.');
  });

  it('a protected PDF opens with its password, and a wrong one says so', async () => {
    const reading = await readPdfFile(await testPdf('encrypted'), { url: null }, ENCRYPTED_PDF_PASSWORD);
    expect(reading.text.text).toContain('Secret report about Storm-1152');
    const problem = await problemOf(readPdfFile(await testPdf('encrypted'), { url: null }, 'not the password'));
    expect(problem.kind).toBe('encrypted');
    expect(problem.message).toBe('This PDF is protected by a password, and the one given does not open it.');
  });

  it('(the encrypted test PDF is really encrypted: it opens with its password, and its text is there)', async () => {
    const bytes = await testPdfBytes('encrypted');
    const task = getDocument({ data: new Uint8Array(bytes), password: ENCRYPTED_PDF_PASSWORD, verbosity: 0 });
    const doc = await task.promise;
    const content = await (await doc.getPage(1)).getTextContent();
    expect(content.items.map((item) => ('str' in item ? item.str : '')).join('')).toBe('Secret report about Storm-1152');
    await task.destroy();
  });

  it('a broken (cut-off) PDF says it is damaged or incomplete', async () => {
    const problem = await problemOf(readPdfFile(await testPdf('broken'), { url: null }));
    expect(problem.kind).toBe('broken');
    expect(problem.message).toBe(PDF_MESSAGES.broken);
  });

  it('a file that is no PDF at all says so', async () => {
    const problem = await problemOf(readPdfBytes(new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body\n'), { url: null }));
    expect(problem.kind).toBe('broken');
  });

  it('a scanned PDF (pictures of text, no text layer) says it has no text to read', async () => {
    const problem = await problemOf(readPdfFile(await testPdf('scanned'), { url: null }));
    expect(problem.kind).toBe('scanned');
    expect(problem.message).toBe('This PDF has no text to read — it may be a scan.');
  });

  it('a huge file is refused by its size before it is parsed', () => {
    expect(() => checkPdfSize(MAX_PDF_BYTES)).not.toThrow();
    expect(() => checkPdfSize(MAX_PDF_BYTES + 1)).toThrow('This PDF is too large to read (201 MB; the limit is 200 MB).');
  });

  it('a document with too many pages is refused before any page is read', async () => {
    expect(() => checkPageCount(MAX_PDF_PAGES)).not.toThrow();
    let pagesAsked = 0;
    const huge: PdfDocumentSource = {
      numPages: 50_000,
      fingerprints: ['0123456789abcdef0123456789abcdef'],
      getPage: () => {
        pagesAsked++;
        return Promise.resolve({ getTextContent: () => Promise.resolve({ items: [] }) });
      },
      getMetadata: () => Promise.resolve({ info: {}, metadata: null }),
      getOutline: () => Promise.resolve(null),
      getDestination: () => Promise.resolve(null),
      getPageIndex: () => Promise.resolve(0),
    };
    const problem = await problemOf(readPdf(huge, { url: null }));
    expect(problem.kind).toBe('too-many-pages');
    expect(problem.message).toBe('This PDF has too many pages to read (50,000; the limit is 2,000).');
    expect(pagesAsked).toBe(0);
  });

  it('an error pdf.js did not name is "could not read", never its developer message', () => {
    expect(pdfProblemFrom(new Error('Invalid XRef stream header')).message).toBe('Gloss could not read this PDF.');
    expect(pdfProblemFrom(Object.assign(new Error('x'), { name: 'InvalidPDFException' })).kind).toBe('broken');
    expect(pdfProblemFrom(Object.assign(new Error('x'), { name: 'PasswordException' })).kind).toBe('encrypted');
    expect(pdfProblemFrom(null).kind).toBe('unreadable');
  });
});
