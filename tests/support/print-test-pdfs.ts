/**
 * Vitest globalSetup: makes the test PDFs (harness/test-pdfs.ts) once, before any test file runs, so
 * that test files running in parallel find them made and never print the same one twice. Costs a hash
 * per file when they are already in .cache/test-pdfs/.
 */
import { testPdfs } from '../../harness/test-pdfs';

export default async function setup(): Promise<void> {
  await testPdfs();
}
