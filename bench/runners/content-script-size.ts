/**
 * `npm run bench -- --suite content-script`, part one: the size of the content script that runs on every
 * page, as shipped (the production build in .output/chrome-mv3), raw and gzipped at level 9.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../harness/paths';
import { ensureChromeBuild } from './wxt-build';

const TARGET_GZIP_BYTES = 15 * 1024;

export interface ContentScriptSize {
  file: string;
  raw: number;
  gzip: number;
  /** Whether the build was made by this run (it was missing or older than the sources). */
  built: boolean;
}

export async function measureContentScriptSize(rebuild: boolean): Promise<ContentScriptSize> {
  const { dir, built } = await ensureChromeBuild('production', rebuild);
  const file = path.join(dir, 'content-scripts', 'highlights.js');
  const code = await readFile(file);
  return { file: path.relative(PROJECT_ROOT, file), raw: code.length, gzip: gzipSync(code, { level: 9 }).length, built };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function formatContentScriptSize(size: ContentScriptSize): string {
  const met = size.gzip < TARGET_GZIP_BYTES;
  return [
    '| file | raw | gzip -9 |',
    '| --- | ---: | ---: |',
    `| ${size.file} | ${kb(size.raw)} (${size.raw.toLocaleString('en')} B) | ${kb(size.gzip)} (${size.gzip.toLocaleString('en')} B) |`,
    '',
    `Production build (\`npx wxt build\`), ${size.built ? 'built by this run' : 'up to date with the sources, not rebuilt'}; ` +
      'gzip by node:zlib at level 9; KB = 1,024 bytes. ' +
      `Target: under ${kb(TARGET_GZIP_BYTES)} gzipped — ${met ? 'met' : 'MISSED'} (${kb(size.gzip)}).`,
  ].join('\n');
}
