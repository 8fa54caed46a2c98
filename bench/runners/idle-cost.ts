/**
 * `npm run bench -- --suite content-script`, part two: the main-thread work of the always-on content
 * script on pages with no highlights stored, in Chromium with the extension loaded.
 *
 * How, and why this way:
 * - The content script marks itself, in bench builds only (`wxt build --mode bench`; production builds
 *   drop the code, see entrypoints/highlights.content.ts): a `gloss:start-up` measure around main()'s
 *   synchronous part, and a `gloss:reply` mark as each reply from the background arrives. It runs in an
 *   isolated world, but Chromium keeps one performance timeline per window, so the page's main world reads
 *   them with performance.getEntriesByName (if it could not, every load would time out here).
 * - The measure misses what happens before main(): compiling the script (extensions get no code cache),
 *   its top level, and WXT's wrapper (its ContentScriptContext posts a window message and touches
 *   chrome.runtime); and a mark has no duration. So every other load is traced (trace.ts): EvaluateScript
 *   of the script covers all of the first part plus main(), and the outermost task or microtask checkpoint
 *   around the first `gloss:reply` mark is the handling of the reply, whatever code handles it.
 *   Trace events carry the thread's CPU time as well as wall time; on this shared 2-core machine wall time
 *   swings with descheduling (one build's EvaluateScript took 6–17 ms of wall time for a steady 6 ms of
 *   CPU), so CPU time is the figure for "work". The start-up measure of traced and untraced loads is reported
 *   apart, to show what tracing itself costs.
 * - Not used: Performance.getMetrics ScriptDuration. It leaves compilation out, and it counted the reply
 *   handling on storm-1152 but not on wikipedia-2 (a 5 ms busy loop placed there did not show), so it
 *   cannot be trusted for this.
 * Not counted anywhere: timers (a 1 s URL poll, microseconds a tick), and the listeners for mouse, key and
 * selection events, which run only when the reader does something.
 */
import type { Page } from 'playwright-core';
import { launchChromiumWithGloss, type ChromiumSession } from '../../harness/chromium';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { FIXTURES_DIR } from '../../harness/paths';
import { median } from '../../harness/stats';
import { offlineAndIsolated } from './browser';
import { contentScriptTrace, traced, type ContentScriptTrace, type Span } from './trace';
import { ensureChromeBuild } from './wxt-build';

const IDLE_PAGES = ['storm-1152.html', 'real-pages/wikipedia-2.html'];
const TARGET_MS = 2;
const SCRIPT_PATH = '/content-scripts/highlights.js';

interface Load {
  traced: boolean;
  /** The gloss:start-up measure: main()'s synchronous part. */
  startUp: number;
  trace: ContentScriptTrace | null;
}

export interface IdlePage {
  page: string;
  loads: Load[];
}

/** Loads `url` in a new tab (traced or not) and reads the content script's measure once a reply has come. */
async function loadOnce(session: ChromiumSession, url: string, withTrace: boolean): Promise<Load> {
  const page: Page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const load = async (): Promise<void> => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('gloss:reply', 'mark').length > 0, null, { timeout: 15_000 });
      await page.waitForTimeout(100);
    };
    const events = withTrace ? await traced(cdp, load) : (await load(), []);
    const startUp = await page.evaluate(() => performance.getEntriesByName('gloss:start-up', 'measure')[0]?.duration ?? NaN);
    const trace = withTrace ? contentScriptTrace(events, SCRIPT_PATH, 'gloss:reply') : null;
    if (withTrace && !trace) console.error(`idle cost: ${url}: the trace did not show the content script's work`);
    return { traced: withTrace, startUp, trace };
  } finally {
    await page.close();
  }
}

/** The full Chromium version (navigator.userAgent only has the major one). */
async function chromiumVersion(session: ChromiumSession): Promise<string> {
  const page = await session.context.newPage();
  try {
    const { product } = await (await session.context.newCDPSession(page)).send('Browser.getVersion');
    return product.replace(/^.*\//, '');
  } finally {
    await page.close();
  }
}

/**
 * One warm-up load per page (the first loads after launch are slower), then `loads` loads of each page,
 * the pages alternating and every other load traced.
 */
export async function benchIdleCost(loads: number, rebuild: boolean): Promise<{ pages: IdlePage[]; chromium: string }> {
  const { dir } = await ensureChromeBuild('bench', rebuild);
  let session: ChromiumSession | null = null;
  let server: FixtureServer | null = null;
  try {
    [session, server] = await Promise.all([launchChromiumWithGloss({ extensionDir: dir }), startFixtureServer(FIXTURES_DIR)]);
    await offlineAndIsolated(session.context);
    const chromium = await chromiumVersion(session);
    const results: IdlePage[] = IDLE_PAGES.map((page) => ({ page, loads: [] }));
    for (const page of IDLE_PAGES) await loadOnce(session, server.url(page), false);
    for (let i = 0; i < loads; i++) {
      for (const result of results) result.loads.push(await loadOnce(session, server.url(result.page), i % 2 === 0));
    }
    for (const { page, loads: done } of results) {
      console.error(
        `idle cost, ${page}: start-up ${fmt(medianOf(done, (l) => l.startUp))} ms, script evaluation ` +
          `${fmt(medianOf(done, (l) => l.trace?.evaluate.cpu))} ms CPU over ${done.length} loads`,
      );
    }
    return { pages: results, chromium };
  } finally {
    await Promise.all([session?.close(), server?.close()]);
  }
}

/** The median of the defined, finite values `pick` finds in the loads; NaN when there are none. */
function medianOf(loads: Load[], pick: (load: Load) => number | null | undefined): number {
  const values = loads.map(pick).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return values.length > 0 ? median(values) : NaN;
}

const fmt = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(2));

export function formatIdleCost(results: IdlePage[]): string {
  const rows = results.map(({ page, loads }) => {
    const tracedLoads = loads.filter((load) => load.traced);
    const plainLoads = loads.filter((load) => !load.traced);
    const pair = (a: number, b: number): string => `${fmt(a)} / ${fmt(b)}`;
    const spans = (pick: (trace: ContentScriptTrace) => Span): string =>
      pair(
        medianOf(tracedLoads, (l) => l.trace && pick(l.trace).wall),
        medianOf(tracedLoads, (l) => l.trace && pick(l.trace).cpu),
      );
    const total = (key: keyof Span) => medianOf(tracedLoads, (l) => l.trace && l.trace.evaluate[key] + l.trace.reply[key]);
    const totals = { wall: total('wall'), cpu: total('cpu'), startUp: medianOf(plainLoads, (l) => l.startUp) };
    const name = page.replace(/^.*\//, '').replace('.html', '');
    return {
      totals,
      line:
        `| ${name} | ${pair(
          totals.startUp,
          medianOf(tracedLoads, (l) => l.startUp),
        )} | ${spans((t) => t.evaluate)} | ` +
        `${spans((t) => t.compile)} | ${spans((t) => t.reply)} | **${pair(totals.wall, totals.cpu)}** | ` +
        `${plainLoads.length} + ${tracedLoads.length} |`,
    };
  });
  const worst = (key: 'wall' | 'cpu' | 'startUp'): number => Math.max(...rows.map((row) => row.totals[key]));
  const verdict = (value: number): string => `${value < TARGET_MS ? 'met' : 'MISSED'} (worst page ${fmt(value)} ms)`;
  return [
    '| page | main() start-up ms, untraced / traced | script evaluation ms, wall / CPU | of which compile | ' +
      'reply handling ms, wall / CPU | total ms, wall / CPU | loads: untraced + traced |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => row.line),
    '',
    'Medians over page loads with no highlights stored, the pages alternating after one warm-up load each, every ' +
      "other load traced. main() start-up is the content script's own performance measure (bench build), read " +
      "from the page's main world. Script evaluation is the trace's EvaluateScript of " +
      "content-scripts/highlights.js: compiling it, its top level and WXT's wrapper, then main(). Reply " +
      "handling is the outermost task or microtask checkpoint in which the background's first reply arrived. " +
      'Total is evaluation + reply per traced load. Wall time includes time the main thread was descheduled ' +
      "(other processes competing for the cores) or waited; CPU time is the thread's own work. How and why: bench/runners/idle-cost.ts.",
    `Target: under ${TARGET_MS} ms. Total CPU: ${verdict(worst('cpu'))}; total wall: ${verdict(worst('wall'))}; ` +
      `main() alone: ${verdict(worst('startUp'))}.`,
  ].join('\n');
}
