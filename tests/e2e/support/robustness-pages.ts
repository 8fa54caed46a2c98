import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../../harness/paths';

/** The robustness entry as one script, to evaluate in a page or to inline into one. */
export async function bundleRobustnessEntry(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PROJECT_ROOT, 'tests', 'e2e', 'support', 'robustness-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * A real page without its own scripts (they would only fail against missing assets and could change the
 * DOM between runs), optionally with a script at the end of body that changes it before Gloss runs.
 */
export function staticPage(name: string, setup?: { bundle: string; call: string }): string {
  const html = readFileSync(path.join(FIXTURES_DIR, 'real-pages', `${name}.html`), 'utf8').replace(
    /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi,
    '',
  );
  if (!setup) return html;
  const script = `<script>${setup.bundle.replace(/<\/(script)/gi, '<\\/$1')}\n${setup.call}</script>`;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${script}</body>`) : `${html}${script}`;
}
