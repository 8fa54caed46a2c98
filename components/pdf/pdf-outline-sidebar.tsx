import type { PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import { OutlineNav } from '../outline-nav';

interface PdfOutlineSidebarProps {
  /** null while the text is still being read. */
  items: PdfOutlineItem[] | null;
  currentPage: number;
  onGoToPage: (pageNumber: number) => void;
}

/**
 * The section being read, as near as pages tell: the first entry on the current page, else the last one
 * before it (the section that runs on into this page).
 */
function currentEntry(items: readonly PdfOutlineItem[], page: number): number | null {
  const onPage = items.findIndex((item) => item.pageNumber === page);
  if (onPage !== -1) return onPage;
  let before: number | null = null;
  items.forEach((item, index) => {
    if (item.pageNumber !== null && item.pageNumber < page) before = index;
  });
  return before;
}

/**
 * The document's bookmarks, else the headings inferred from font sizes, as the popup's outline: a
 * navigation landmark named "Outline" with one link per entry, nested by level; a link leads to its page.
 */
export function PdfOutlineSidebar({ items, currentPage, onGoToPage }: PdfOutlineSidebarProps) {
  return (
    <aside id="pdf-outline" class="pdf-outline outline">
      {items === null && (
        <p class="muted" role="status">
          Reading the outline…
        </p>
      )}
      {items?.length === 0 && <p class="muted">This PDF has no outline.</p>}
      {items && items.length > 0 && (
        <OutlineNav
          items={items}
          current={currentEntry(items, currentPage)}
          onSelect={(item) => {
            const page = (item as PdfOutlineItem).pageNumber;
            if (page !== null) onGoToPage(page);
          }}
        />
      )}
    </aside>
  );
}
