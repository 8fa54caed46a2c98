/**
 * axe-core's automated accessibility checks (WCAG 2.x A and AA, and its best practices) on one of Gloss's
 * documents: a page or a frame. axe is evaluated into the document over the DevTools protocol, since the
 * extension pages' content security policy refuses inline scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

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

/** The rules `target` breaks; `widget`: the document is Gloss's in-page frame, judged without the page rules. */
export async function axeViolations(target: Page | Frame, { widget = false } = {}): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  const disabled = widget ? PAGE_RULES : [];
  return target.evaluate(async (off) => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const rules = Object.fromEntries(off.map((rule) => [rule, { enabled: false }]));
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, elements: v.nodes.map((node) => node.target.join(' ')) }));
  }, disabled);
}
