import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../harness/paths';

/** Bundles bench/entries/<name>.ts into one IIFE, kept in memory, to evaluate inside a page. */
export async function bundleBenchEntry(name: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PROJECT_ROOT, 'bench', 'entries', `${name}.ts`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

/** Bundles bench/entries/extraction-entry.ts. */
export const bundleExtractionEntry = (): Promise<string> => bundleBenchEntry('extraction-entry');
