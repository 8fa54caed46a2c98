import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../../../harness/paths';

interface Golden {
  metadata: { title: string };
  outline: { level: number; text: string }[];
}

const golden = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'golden', 'storm-1152.json'), 'utf8')) as Golden;

export const SAMPLE_TITLE = golden.metadata.title;
export const SAMPLE_HEADINGS = golden.outline.map((item) => item.text);

/** Where a heading with this text sits relative to the top of the viewport, in the page it belongs to. */
export function headingTopScript(text: string): string {
  return `(() => {
    const heading = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
      .find((h) => h.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(text)});
    return heading ? heading.getBoundingClientRect().top : null;
  })()`;
}
