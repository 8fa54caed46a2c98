import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithGloss, type ChromiumSession } from '../../harness/chromium';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { FIXTURES_DIR } from '../../harness/paths';
import type { Outcome } from '../../scripts/anchoring/evaluate';
import { MODIFICATIONS } from '../../scripts/anchoring/modifications';
import type { PlacedState } from './support/robustness-entry';
import { bundleRobustnessEntry, staticPage } from './support/robustness-pages';

const PAGES = readdirSync(path.join(FIXTURES_DIR, 'real-pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();
const CHANGES = ['unchanged', ...Object.keys(MODIFICATIONS)];
const HIGHLIGHTS_PER_PAGE = 10;

let server: FixtureServer;
let session: ChromiumSession;
let bundle: string;
const tallies = new Map<string, Record<Outcome, number>>(CHANGES.map((c) => [c, { correct: 0, orphan: 0, wrong: 0 }]));

beforeAll(async () => {
  [server, session, bundle] = await Promise.all([startFixtureServer(FIXTURES_DIR), launchChromiumWithGloss(), bundleRobustnessEntry()]);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  const rows = CHANGES.map((change) => {
    const t = tallies.get(change)!;
    const n = t.correct + t.orphan + t.wrong;
    return `| ${change} | ${n} | ${t.correct} | ${t.orphan} | ${t.wrong} | ${n ? ((100 * t.correct) / n).toFixed(1) : '–'}% |`;
  });
  console.log(
    [
      '',
      'Robustness in Chromium, 20 real pages x 10 highlights, through the extension:',
      '',
      '| page change | highlights | restored | orphaned | wrong | restored % |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
});

/** The content script's view of its highlights once none is still pending. */
async function settledStates(tabId: number, expectCount: number): Promise<PlacedState[]> {
  let states: Array<{ status: PlacedState['status']; start: number; end: number; record: { target: { quote: { exact: string } } } }> = [];
  await expect
    .poll(
      async () => {
        states = (await session.serviceWorker
          .evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 'tab-command', type: 'highlight-states' }, { frameId: 0 }), tabId)
          .catch(() => [])) as typeof states;
        return states.length === expectCount && states.every((s) => s.status !== 'pending');
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  return states.map((s) => ({ status: s.status, start: s.start, end: s.end, quote: s.record.target.quote.exact }));
}

describe('Chromium: highlights on the 20 real pages survive reloads and page changes', () => {
  it.each(PAGES)('%s', async (name) => {
    const address = `real-pages/${name}.html`;
    const seed = name;
    server.override(address, staticPage(name));
    const page = await session.context.newPage();
    try {
      await page.goto(server.url(address));
      await page.evaluate(bundle);
      const planned = await page.evaluate((s) => window.__glossRobustness.plannedTexts(s), seed);
      expect(planned).toHaveLength(HIGHLIGHTS_PER_PAGE);
      const tabId = await session.tabIdOf(page);
      for (let i = 0; i < planned.length; i++) {
        expect(await page.evaluate(([s, n]) => window.__glossRobustness.select(s as string, n as number), [seed, i])).toBe(planned[i]);
        // The same path as the context menu and the shortcut: the background tells the tab to highlight.
        const reply = await session.serviceWorker.evaluate(
          (id) => chrome.tabs.sendMessage(id, { gloss: 'tab-command', type: 'highlight-selection' }, { frameId: 0 }),
          tabId,
        );
        expect(reply).toEqual({ ok: true });
      }

      for (const change of CHANGES) {
        server.override(
          address,
          staticPage(name, { bundle, call: `window.__glossRobustness.modify(${JSON.stringify(change)}, ${JSON.stringify(seed)});` }),
        );
        await page.reload();
        const states = await settledStates(tabId, HIGHLIGHTS_PER_PAGE);
        const outcomes = await page.evaluate(([s, ws]) => window.__glossRobustness.score(s as PlacedState[], ws as boolean), [
          states,
          change === 'whitespace reflowed',
        ] as const);
        const tally = tallies.get(change)!;
        for (const outcome of outcomes) tally[outcome]++;
        expect(
          outcomes.filter((o) => o === 'wrong'),
          `${name}, ${change}: wrongly attached`,
        ).toEqual([]);
        if (change === 'unchanged')
          expect(outcomes, `${name}: restored after a reload`).toEqual(Array(HIGHLIGHTS_PER_PAGE).fill('correct'));
      }
    } finally {
      server.override(address, null);
      await page.close();
    }
  });

  it('restores at least 95% after each page change, and every highlight after a plain reload', () => {
    for (const change of CHANGES) {
      const t = tallies.get(change)!;
      const n = t.correct + t.orphan + t.wrong;
      expect(n, change).toBe(PAGES.length * HIGHLIGHTS_PER_PAGE);
      expect(t.wrong, change).toBe(0);
      expect(t.correct / n, change).toBeGreaterThanOrEqual(change === 'unchanged' ? 1 : 0.95);
    }
  });
});
