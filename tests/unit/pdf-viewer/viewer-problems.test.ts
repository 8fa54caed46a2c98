import { describe, expect, it } from 'vitest';
import { PDF_MESSAGES, pdfProblemFrom } from '@/lib/pdf/pdf-problems';
import { looksScanned, startsLikePdf, viewerProblem, viewerProblemFrom } from '@/lib/pdf-viewer/viewer-problems';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the viewer’s problems', () => {
  it('says what is wrong with lib/pdf’s words and what to do next', () => {
    const wrongPassword = viewerProblemFrom(pdfProblemFrom({ name: 'PasswordException', code: 2 }));
    expect(wrongPassword.title).toBe('This PDF is protected by a password');
    expect(wrongPassword.body.startsWith(PDF_MESSAGES.wrongPassword)).toBe(true);
    // A message that only repeats the title is not said twice.
    expect(viewerProblemFrom(pdfProblemFrom({ name: 'PasswordException', code: 1 })).body).toBe(
      'Enter its password to read it here, or open it in the browser’s own viewer.',
    );
    expect(viewerProblemFrom(pdfProblemFrom({ name: 'InvalidPDFException' })).title).toBe('This PDF is damaged');
    expect(viewerProblem('scanned').body).toContain(PDF_MESSAGES.scanned);
  });

  it('has a message of its own for getting the file', () => {
    for (const kind of ['unreachable', 'not-pdf', 'refused-address'] as const) {
      const problem = viewerProblem(kind);
      expect(problem.title).not.toBe('');
      expect(problem.body.length).toBeGreaterThan(40);
    }
  });

  it('knows a PDF by its header, even after a little junk', () => {
    expect(startsLikePdf(bytes('%PDF-1.7\n…'))).toBe(true);
    expect(startsLikePdf(bytes(`${' '.repeat(300)}%PDF-1.4`))).toBe(true);
    expect(startsLikePdf(bytes('<!doctype html><title>Report</title>'))).toBe(false);
    expect(startsLikePdf(bytes(`${'x'.repeat(2000)}%PDF-1.4`))).toBe(false);
  });

  it('takes pages without a letter or digit for a scan', () => {
    expect(looksScanned(['', ' \n ', '—'])).toBe(true);
    expect(looksScanned(['', 'Page 2'])).toBe(false);
  });
});
