import { linkLabel, type PdfLink } from '@/lib/pdf-viewer/page-links';

/**
 * The page's links as a layer over its text: each an `<a>` over the link's place (in fractions of the page,
 * so zoom needs no redraw). A web address opens in a new tab with no opener and no referrer; a link to a
 * page of the document goes there in the viewer. Keyboard users reach them with Tab, and a screen reader
 * names each by its words.
 */
export function pdfLinkLayer(links: readonly PdfLink[], goToPage: (pageNumber: number) => void): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'pdf-links';
  for (const link of links) {
    const anchor = document.createElement('a');
    Object.assign(anchor.style, {
      left: `${link.left * 100}%`,
      top: `${link.top * 100}%`,
      width: `${link.width * 100}%`,
      height: `${link.height * 100}%`,
    });
    // Named by the words under it, as a link in a web page is; the tooltip (read as its description) says where it leads.
    const destination = linkLabel(link.target);
    anchor.setAttribute('aria-label', link.words || destination);
    anchor.title = destination;
    const { target } = link;
    if (target.kind === 'web') {
      anchor.href = target.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
    } else {
      anchor.href = `#page=${target.pageNumber}`;
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        if (event.isTrusted) goToPage(target.pageNumber);
      });
    }
    layer.append(anchor);
  }
  return layer;
}
