/**
 * The test PDFs a test file needs, made (or waited for, when another file is making them) before its
 * tests, in a hook with time for a cold print on a loaded machine: the tests themselves then keep their
 * usual time limits. harness/test-pdfs.ts makes each file once, when first asked for.
 */
import { beforeAll } from 'vitest';
import { TEST_PDF_NAMES, testPdfs, type TestPdfName } from '../../harness/test-pdfs';

/** A cold print of all six took 7–17 s here at a load of 11–17; the lead saw a minute and a half on a busier machine. */
export const PRINT_TIMEOUT_MS = 5 * 60_000;

export function useTestPdfs(names: readonly TestPdfName[] = TEST_PDF_NAMES): void {
  beforeAll(async () => {
    await testPdfs(names);
  }, PRINT_TIMEOUT_MS);
}
