/**
 * A page's text as the viewer's text layer shows it: each text item's string, and a line break after an
 * item that ends a line (the layer's <br>). Marked-content markers carry no text and are skipped.
 */

export type PageTextItem = { str: string; hasEOL?: boolean } | { type: string };

export function pageTextOfItems(items: readonly PageTextItem[]): string {
  const parts: string[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    parts.push(item.str);
    if (item.hasEOL) parts.push('\n');
  }
  return parts.join('');
}
