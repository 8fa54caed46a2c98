import { linkLabel, type PdfLink } from '@/lib/pdf-viewer/page-links';

/**
 * The page's links as a layer over its text: each an `<a>` over the link's place (in fractions of the page,
 * so zoom needs no redraw). A web address opens in a new tab with no opener and no referrer; a link to a
 * page of the document goes there in the viewer. Keyboard users reach them with Tab.
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
    const label = linkLabel(link.target);
    anchor.setAttribute('aria-label', label);
    anchor.title = label;
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
