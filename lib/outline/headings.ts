/** A heading as found in a document, before it is placed in an outline. */
export interface FoundHeading {
  level: number;
  text: string;
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';

/** Collapses runs of whitespace so that headings compare equal across reflowed markup. */
export function normalizeHeadingText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The heading elements under `root`, in document order. Empty headings are kept so indexes stay stable. */
export function headingElements(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(HEADING_SELECTOR));
}

/** Headings under `root` in document order, with their level and normalised text; empty ones are left out. */
export function collectHeadings(root: ParentNode): FoundHeading[] {
  const found: FoundHeading[] = [];
  for (const element of headingElements(root)) {
    const text = normalizeHeadingText(element.textContent ?? '');
    if (text) found.push({ level: Number(element.tagName[1]), text });
  }
  return found;
}
