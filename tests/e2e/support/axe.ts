/**
 * axe-core's automated accessibility checks (WCAG 2.x A and AA, and its best practices) on one of Gloss's
 * documents: a page or a frame. axe is evaluated into the document by the test driver (DevTools in Chromium,
 * WebDriver BiDi in Firefox), since the extension pages' content security policy refuses inline scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule a document breaks: its id, and the elements that break it (CSS selectors), for the failure message. */
export interface AxeViolation {
  rule: string;
  impact: string | null;
  elements: string[];
}

/**
 * Rules about a whole page (one main landmark, a level-one heading, all content in landmarks): they do not
 * apply to the in-page frame, which holds one widget (a toolbar, a notice) inside somebody else's page.
 */
const PAGE_RULES = ['landmark-one-main', 'page-has-heading-one', 'region'];

/** A script (an expression) that runs axe over the document it is evaluated in, with the rules `off` disabled. */
function axeRunScript(off: readonly string[]): string {
  return `(async () => {
    const rules = Object.fromEntries(${JSON.stringify(off)}.map((rule) => [rule, { enabled: false }]));
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, elements: v.nodes.map((node) => node.target.join(' ')) }));
  })()`;
}

/**
 * The rules a document breaks; `widget`: the document is Gloss's in-page frame, judged without the page
 * rules. `evaluate` runs a script in the document: a Playwright page or frame's, or a Puppeteer page's.
 */
export async function axeViolations(
  target: { evaluate: (script: string) => Promise<unknown> },
  { widget = false } = {},
): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  return (await target.evaluate(axeRunScript(widget ? PAGE_RULES : []))) as AxeViolation[];
}
