import type { UnreadableReason } from '../url/page-access';

export interface NoticeText {
  title: string;
  body: string;
}

/** A PDF on the web, which Gloss's own viewer can show (the popup offers "Open in Gloss"). */
export const PDF_IN_GLOSS: NoticeText = {
  title: 'This tab shows a PDF',
  body: 'The browser’s PDF viewer can’t be read by extensions. Open the document in Gloss’s own viewer to read, find and outline it; it is fetched from the same address, and nothing is uploaded.',
};

/** What the popup says when it cannot read a tab, in plain words and without error codes. */
export const UNREADABLE_MESSAGES: Record<UnreadableReason, NoticeText> = {
  'browser-page': {
    title: 'Gloss can’t read this page',
    body: 'This is one of the browser’s own pages. Browsers don’t let extensions read them. Open an article on the web and try again.',
  },
  'extension-store': {
    title: 'Gloss can’t read this page',
    body: 'Extension stores don’t allow extensions to run on their pages.',
  },
  'file-access': {
    title: 'Gloss can’t read local files yet',
    body: 'To read files on your computer, allow “Access to file URLs” for Gloss on the browser’s extensions page, then reload this file.',
  },
  pdf: {
    title: 'Gloss can’t read PDFs',
    body: 'This tab shows the browser’s PDF viewer, which extensions can’t read. Open the web version of the document if there is one.',
  },
  restricted: {
    title: 'Gloss can’t read this page',
    body: 'The browser doesn’t allow extensions on this page. Browser pages, extension stores and PDF viewers are off limits.',
  },
  'no-tab': {
    title: 'That tab is gone',
    body: 'The tab this panel was showing has been closed.',
  },
  timeout: {
    title: 'The page didn’t answer',
    body: 'The page is still busy or very large. Wait for it to finish loading, then try again.',
  },
  paused: {
    title: 'Gloss is paused on this site',
    body: 'Gloss doesn’t read pages on a site where it is paused. Resume it from this popup or from Settings, then try again.',
  },
  failed: {
    title: 'Gloss couldn’t read this page',
    body: 'Something on the page stopped Gloss from reading it. Reloading the page often helps.',
  },
};
