/**
 * The name a saved copy of the PDF gets, from the name the viewer shows (an address's last segment or the
 * chosen file's name, so untrusted): no folder separators or control characters, at most 120 characters,
 * and ending in ".pdf".
 */
export function pdfDownloadName(name: string): string {
  const cleaned = name
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const stem = cleaned
    .replace(/\.pdf$/i, '')
    .slice(0, 116)
    .trim();
  return `${stem === '' ? 'document' : stem}.pdf`;
}
