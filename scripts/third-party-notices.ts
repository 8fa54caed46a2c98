/**
 * THIRD-PARTY-NOTICES.txt for a build: every npm package whose code the build bundled, with its version,
 * licence and the licence text it ships (MIT, BSD and Apache ask that their notice travel with the code).
 * The packages are read from what the bundler actually put into the build's chunks (wxt.config.ts), not
 * from package.json, so a dependency used only by the command line or the tests is not listed, and one a
 * library pulls in is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The licence files the package ships, in name order; empty when it ships none. */
  licenseTexts: { file: string; text: string }[];
}

export const THIRD_PARTY_NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

/** The folder of the package a bundled module belongs to, or null for the project's own code and virtual modules. */
export function packageRootOf(moduleId: string): string | null {
  if (moduleId.startsWith('\0')) return null;
  const file = moduleId.split('?')[0].replaceAll('\\', '/');
  const at = file.lastIndexOf('/node_modules/');
  if (at === -1) return null;
  const rest = file.slice(at + '/node_modules/'.length).split('/');
  const nameParts = rest[0].startsWith('@') ? 2 : 1;
  // A module file sits inside its package's folder; a dot-folder (.vite, .cache) is no package.
  if (rest.length <= nameParts || rest[0].startsWith('.')) return null;
  return file.slice(0, at) + '/node_modules/' + rest.slice(0, nameParts).join('/');
}

function readPackage(root: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string | { type?: string };
  };
  const license = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'not stated');
  const licenseTexts = readdirSync(root)
    .filter((file) => LICENSE_FILE.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8').trim() }));
  return { name: manifest.name, version: manifest.version, license, licenseTexts };
}

/** The packages the given bundled modules come from, by name; each once, however many copies of it were bundled. */
export function bundledPackages(moduleIds: Iterable<string>): BundledPackage[] {
  const roots = new Set<string>();
  for (const id of moduleIds) {
    const root = packageRootOf(id);
    if (root && existsSync(path.join(root, 'package.json'))) roots.add(root);
  }
  const byName = new Map<string, BundledPackage>();
  for (const root of roots) {
    const found = readPackage(root);
    const key = `${found.name}@${found.version}`;
    if (!byName.has(key)) byName.set(key, found);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

const RULE = '-'.repeat(72);

/** The notices file: a list of the packages, then each one's licence texts. */
export function formatThirdPartyNotices(packages: readonly BundledPackage[]): string {
  const lines = [
    'Third-party software in Gloss',
    '',
    'Gloss bundles code from these npm packages. Each is listed with its version and licence, followed by the',
    'licence text it ships. (The data Gloss ships, and pdf.js’s data files, are credited in NOTICE.txt.)',
    '',
    ...packages.map((entry) => `- ${entry.name} ${entry.version} (${entry.license})`),
  ];
  for (const entry of packages) {
    lines.push('', RULE, `${entry.name} ${entry.version}: ${entry.license}`, RULE);
    if (entry.licenseTexts.length === 0) lines.push('', `The package ships no licence file; its package.json names ${entry.license}.`);
    for (const { file, text } of entry.licenseTexts) lines.push('', `${file}:`, '', text);
  }
  return `${lines.join('\n')}\n`;
}
