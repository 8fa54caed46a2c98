/**
 * The printed test PDFs (harness/test-pdfs.ts, made when first asked for) read the way the command line
 * reads them, once per test file.
 */
import { readFile } from 'node:fs/promises';
import { readPdfBytes } from '../../cli/pdf-loader';
import type { PdfReading, ReadPdfOptions } from '../../lib/pdf/read-pdf';
import { testPdf, type TestPdfName } from '../../harness/test-pdfs';

const readings = new Map<string, Promise<PdfReading>>();

/** The named test PDF read from `url` (a made-up address by default). */
export function readTestPdf(name: TestPdfName, options: Partial<ReadPdfOptions> = {}): Promise<PdfReading> {
  const url = options.url === undefined ? `https://reports.example/${name}.pdf` : options.url;
  const key = `${name}\n${url}`;
  let reading = readings.get(key);
  if (!reading || options.onProgress) {
    reading = testPdf(name)
      .then((file) => readFile(file))
      .then((bytes) => readPdfBytes(bytes, { ...options, url }));
    if (!options.onProgress) readings.set(key, reading);
  }
  return reading;
}

export async function testPdfBytes(name: TestPdfName): Promise<Buffer> {
  return readFile(await testPdf(name));
}
