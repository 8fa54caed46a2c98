import type { PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import { outlineEntryAtPage } from '@/lib/pdf-viewer/outline-entry-at-page';
import { OutlineNav } from '../outline-nav';

interface PdfOutlineSidebarProps {
  /** null while the text is still being read. */
  items: PdfOutlineItem[] | null;
  currentPage: number;
  onGoToPage: (pageNumber: number) => void;
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
          current={outlineEntryAtPage(items, currentPage)}
          onSelect={(item) => {
            const page = (item as PdfOutlineItem).pageNumber;
            if (page !== null) onGoToPage(page);
          }}
        />
      )}
    </aside>
  );
}
