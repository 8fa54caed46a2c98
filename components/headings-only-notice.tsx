import { Notice } from './notice';

interface HeadingsOnlyNoticeProps {
  kind: 'not-article' | 'too-complex';
  hasHeadings: boolean;
}

/** Explains why the outline lists the page's own headings instead of an article's. */
export function HeadingsOnlyNotice({ kind, hasHeadings }: HeadingsOnlyNoticeProps) {
  const fallback = hasHeadings ? 'The outline below lists the page’s own headings.' : 'The page has no headings to list either.';
  if (kind === 'too-complex') {
    return (
      <Notice title="This page is too complex to read">
        Its markup is nested so deeply that reading it would freeze the page. {fallback}
      </Notice>
    );
  }
  return <Notice title="This page doesn’t look like an article">Gloss found no article text here. {fallback}</Notice>;
}
