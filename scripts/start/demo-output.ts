import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnalyzeTabResult } from '../../lib/messaging/contract';
import { nestOutline, type OutlineNode } from '../../lib/outline/nest-outline';
import type { OutlineItem } from '../../lib/outline/live-outline';
import { PROJECT_ROOT } from '../../harness/paths';
import { formatPublished } from '../../lib/article/display';
import type { PageEntity } from '../../lib/entities/page-entities';
import { KIND_GROUPS } from '../../lib/popup/entity-labels';

export const DEMO_OUTPUT_DIR = path.join(PROJECT_ROOT, 'demo-output');

/** Anything that can take a PNG screenshot of itself: a Playwright or a Puppeteer page. */
export interface Screenshotter {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

function outlineLines(nodes: OutlineNode<OutlineItem>[], depth = 0): string[] {
  return nodes.flatMap(({ item, children }) => [`${'  '.repeat(depth)}- ${item.text}`, ...outlineLines(children, depth + 1)]);
}

function entityGroups(entities: readonly PageEntity[]): { group: string; items: PageEntity[] }[] {
  return KIND_GROUPS.map(({ kind, label }) => ({ group: label, items: entities.filter((e) => e.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * Writes page.png, popup.png and popup.json to `dir` (demo-output/ unless a test names another), then
 * prints what the popup shows.
 */
export async function writeDemoOutput(
  page: Screenshotter,
  popup: Screenshotter,
  data: AnalyzeTabResult,
  dir = DEMO_OUTPUT_DIR,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'page.png') });
  await popup.screenshot({ path: path.join(dir, 'popup.png'), fullPage: true });
  await writeFile(path.join(dir, 'popup.json'), `${JSON.stringify(data, null, 2)}\n`);

  console.log(`\nWrote ${path.relative(process.cwd(), dir)}/page.png, popup.png and popup.json.\n`);
  if (!data.ok) {
    console.log(`The popup says the page cannot be read (${data.reason}).`);
    return;
  }
  const { metadata, readingTime, outline } = data.analysis;
  console.log(`  ${metadata.title}`);
  console.log(
    `  ${[metadata.byline, metadata.siteName, formatPublished(metadata.publishedTime, 'en-GB'), `${readingTime.minutes} min read`].filter(Boolean).join(' · ')}\n`,
  );
  console.log('  Outline');
  for (const line of outlineLines(nestOutline(outline))) console.log(`  ${line}`);
  const entities = data.analysis.entities?.entities ?? [];
  if (entities.length > 0) console.log('\n  Entities');
  for (const { group, items } of entityGroups(entities)) {
    console.log(
      `  ${group}: ${items.map((e) => `${e.name}${e.canonical.toLowerCase() !== e.name.toLowerCase() ? ` (${e.canonical})` : ''} ×${e.mentions.length}`).join(', ')}`,
    );
  }
}
