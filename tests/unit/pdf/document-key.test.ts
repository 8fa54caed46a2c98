import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfFile } from '../../../cli/pdf-loader';
import { testPdf } from '../../../harness/test-pdfs';
import { isPdfDocumentKey, pdfDocumentKey } from '@/lib/pdf/document-key';
import { readTestPdf } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['sample', 'sample-no-outline']);

describe("a PDF's document key", () => {
  it('is the first fingerprint pdf.js gives, as a urn:x-pdf URN', () => {
    expect(pdfDocumentKey(['7524424C8DD47C47D284CF6ED827A72B', 'ffffffffffffffffffffffffffffffff'])).toBe(
      'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b',
    );
    expect(pdfDocumentKey([null, '2535f35dc149286d97da151d71f9292c'])).toBe('urn:x-pdf:2535f35dc149286d97da151d71f9292c');
  });

  it('is null without a fingerprint, or with only something that is none', () => {
    expect(pdfDocumentKey([])).toBeNull();
    expect(pdfDocumentKey([null, null])).toBeNull();
    expect(pdfDocumentKey(['not hex at all', 'abc'])).toBeNull();
  });

  it('is told apart from other text', () => {
    expect(isPdfDocumentKey('urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b')).toBe(true);
    for (const other of [
      'urn:x-pdf:',
      'urn:x-pdf:xyz',
      'https://example.com/a.pdf',
      `urn:x-pdf:${'a'.repeat(129)}`,
      'URN:X-PDF:7524424c8dd47c47',
      42,
    ]) {
      expect(isPdfDocumentKey(other)).toBe(false);
    }
  });

  it('is the same for the same file read from two addresses, and from a local copy', async () => {
    const fromVendor = await readTestPdf('sample', { url: 'https://vendor.example/research/storm-1152.pdf' });
    const fromMirror = await readTestPdf('sample', { url: 'https://mirror.example/files/download?id=77' });
    const folder = await mkdtemp(path.join(tmpdir(), 'gloss-pdf-'));
    try {
      const copy = path.join(folder, 'a copy with another name.pdf');
      await copyFile(await testPdf('sample'), copy);
      const local = await readPdfFile(copy, { url: pathToFileURL(copy).href });
      expect(fromVendor.documentKey).toMatch(/^urn:x-pdf:[0-9a-f]{32}$/);
      expect(fromMirror.documentKey).toBe(fromVendor.documentKey);
      expect(local.documentKey).toBe(fromVendor.documentKey);
      expect(local.fingerprints).toEqual(fromVendor.fingerprints);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('differs between different files', async () => {
    const sample = await readTestPdf('sample');
    const withoutOutline = await readTestPdf('sample-no-outline');
    expect(withoutOutline.documentKey).not.toBe(sample.documentKey);
  });
});
