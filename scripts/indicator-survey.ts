/**
 * How many indicators Gloss finds on ordinary pages and on threat reports, by type: the 20 real pages
 * and the sample article (tests/fixtures, extracted as the popup does), and AnnoCTR's train and dev
 * reports (../shared/data/annoctr, threat reports whose IOC lists the annotators left in the text).
 * Ordinary pages should list next to none; threat reports should keep theirs.
 *
 *     npx tsx scripts/indicator-survey.ts [--list] [--no-warninglists]
 *
 * `--list` prints every indicator found, per page; `--no-warninglists` leaves MISP's warninglists out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../lib/article/extract-article';
import { findIndicators } from '../lib/entities/indicators';
import { shippedWarninglists } from '../lib/entities/shipped-warninglists';
import type { Entity } from '../lib/entities/types';
import { FIXTURES_DIR } from '../harness/paths';
import { documentFrom } from '../tests/support/load-html';

const list = process.argv.includes('--list');
// `--no-warninglists`: as before MISP's warninglists were read.
const warninglists = !process.argv.includes('--no-warninglists');
const ANNOCTR = path.join(import.meta.dirname, '..', '..', 'shared', 'data', 'annoctr');

function tally(found: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of found) counts[e.indicatorType!] = (counts[e.indicatorType!] ?? 0) + 1;
  return counts;
}

function survey(label: string, texts: { name: string; text: string }[]): void {
  const total: Record<string, number> = {};
  let pagesWithAny = 0;
  for (const { name, text } of texts) {
    const found = findIndicators(text, warninglists ? shippedWarninglists() : undefined);
    if (found.length) pagesWithAny++;
    for (const [type, n] of Object.entries(tally(found))) total[type] = (total[type] ?? 0) + n;
    if (list && found.length) console.log(`  ${name}: ${found.map((e) => `${e.indicatorType}:${e.canonical}`).join(' | ')}`);
  }
  const sum = Object.values(total).reduce((a, b) => a + b, 0);
  const byType = Object.entries(total)
    .sort()
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  console.log(`${label}: ${texts.length} texts, ${pagesWithAny} with indicators, ${sum} indicators (${byType || 'none'})`);
}

const pagesDir = path.join(FIXTURES_DIR, 'real-pages');
const pages = [
  ...readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(pagesDir, f)),
  path.join(FIXTURES_DIR, 'storm-1152.html'),
].map((file) => {
  const article = extractArticle(documentFrom(readFileSync(file, 'utf8'), 'https://example.org/page'));
  return { name: path.basename(file, '.html'), text: article.textContent };
});
survey('ordinary pages (tests/fixtures)', pages);
survey(
  '  of which wikipedia-2',
  pages.filter((p) => p.name.startsWith('wikipedia')),
);
for (const split of ['train', 'dev']) {
  const file = path.join(ANNOCTR, `${split}.jsonl`);
  if (!existsSync(file)) continue;
  const reports = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; text: string });
  survey(
    `AnnoCTR ${split} (threat reports)`,
    reports.map((r) => ({ name: r.id, text: r.text })),
  );
}
