/**
 * Which link targets a note may open. A note is the reader's own text, but it can arrive from another
 * device or an imported backup, and a `javascript:` or `data:` link drawn in an extension page would run
 * with the extension's rights; only web and mail addresses become links.
 */
const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** The address a note's link may open, or null to show its text only. */
export function openableNoteHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return OPENABLE.has(parsed.protocol) ? parsed.href : null;
}
