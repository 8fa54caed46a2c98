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

export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, elements: v.nodes.map((node) => node.target.join(' ')) }));
  });
}
