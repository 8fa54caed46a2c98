/**
 * The outline entry of the section being read in a PDF, as near as pages tell: the first entry on the page
 * being read, else the last one before it (the section that runs on into this page); null before the first
 * entry's page, or for an outline whose entries lead to no page. The viewer's own outline and the side panel
 * opened for its tab mark the same entry with it.
 */
export function outlineEntryAtPage(items: readonly { text: string; pageNumber?: number | null }[], page: number): number | null {
  let before: number | null = null;
  for (let index = 0; index < items.length; index++) {
    const entryPage = items[index].pageNumber;
    if (entryPage === page) return index;
    if (entryPage !== null && entryPage !== undefined && entryPage < page) before = index;
  }
  return before;
}
